import time
from multiprocessing import Pipe, Process
from multiprocessing.connection import wait


def answer(connection, delay):
    time.sleep(delay)
    connection.send(f"answer after {delay} s")


def crash(delay):
    time.sleep(delay)
    raise SystemExit(3)  # ends without sending anything


if __name__ == "__main__":
    waiting = {}
    for delay in [1.0, 0.2]:
        reader, writer = Pipe(duplex=False)
        Process(target=answer, args=(writer, delay)).start()
        writer.close()  # the child holds the writing end now
        waiting[reader] = f"pipe of the {delay} s child"
    crasher = Process(target=crash, args=(0.6,))
    crasher.start()
    waiting[crasher.sentinel] = "sentinel of the crashing child"

    while waiting:
        for ready in wait(list(waiting)):
            if ready is crasher.sentinel:
                crasher.join()
                print(f"{waiting.pop(ready)}: exitcode {crasher.exitcode}")
            else:
                print(f"{waiting.pop(ready)}: {ready.recv()!r}")
