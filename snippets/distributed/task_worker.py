import queue
import time
from multiprocessing.managers import BaseManager

ADDRESS = ("127.0.0.1", 25000)
AUTHKEY = b"use a long random secret"
STOP = None


class QueueManager(BaseManager):
    pass


# Only the names: the queues behind them live in the master's server.
QueueManager.register("get_task_queue")
QueueManager.register("get_result_queue")


def square(n):
    time.sleep(0.05)  # stands in for real work
    return n * n


def work(name, address=ADDRESS):
    manager = QueueManager(address=address, authkey=AUTHKEY)
    manager.connect()
    print(f"{name}: connected to {address[0]}:{address[1]}")
    tasks = manager.get_task_queue()
    results = manager.get_result_queue()
    while True:
        try:
            n = tasks.get(timeout=10)
        except queue.Empty:
            print(f"{name}: no task for 10 s, giving up")
            return
        if n is STOP:
            print(f"{name}: told to stop")
            results.put(STOP)  # goodbye: the master may now shut down
            return
        print(f"{name}: squaring {n}")
        results.put((n, square(n)))


if __name__ == "__main__":
    work("worker")
