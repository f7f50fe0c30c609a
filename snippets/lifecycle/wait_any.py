import time
from multiprocessing import Event, Pipe, Process
from multiprocessing.connection import wait


def answer(go, connection, delay):
    go.wait()
    time.sleep(delay)
    connection.send(f"answer after {delay} s")


def crash(go, delay):
    go.wait()
    time.sleep(delay)
    raise SystemExit(3)  # ends without sending anything


if __name__ == "__main__":
    go = (
        Event()
    )  # the delays count from one moment, however long starting took
    waiting = {}
    for delay in [1.0, 0.2]:
        reader, writer = Pipe(duplex=False)
        Process(target=answer, args=(go, writer, delay)).start()
        writer.close()  # the child holds the writing end now
        waiting[reader] = f"pipe of the {delay} s child"
    crasher = Process(target=crash, args=(go, 0.6))
    crasher.start()
    waiting[crasher.sentinel] = "sentinel of the crashing child"
    go.set()

    while waiting:
        for ready in wait(list(waiting)):
            if ready is crasher.sentinel:
                crasher.join()
                print(f"{waiting.pop(ready)}: exitcode {crasher.exitcode}")
            else:
                print(f"{waiting.pop(ready)}: {ready.recv()!r}")
