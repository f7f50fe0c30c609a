import time
from multiprocessing import Event, Process, Queue

STOP = None


def consume(queue, busy):
    while (item := queue.get()) is not STOP:
        print(f"Consumer: working on {item!r}")
        busy.set()
        time.sleep(10)  # slow work; the parent will not wait for it
        print(f"Consumer: finished {item!r}")


if __name__ == "__main__":
    queue = Queue()
    busy = Event()
    consumer = Process(target=consume, args=(queue, busy))
    consumer.start()
    for item in ["a", "b", "c"]:
        queue.put(item)
    busy.wait()  # the consumer has taken an item and is working on it
    consumer.terminate()  # the wrong way to stop it
    consumer.join()
    print(f"Consumer terminated, exit code {consumer.exitcode}.")
    queue.put(STOP)
    while (item := queue.get()) is not STOP:
        print(f"Still in the queue: {item!r}")
