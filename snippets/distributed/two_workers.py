import multiprocessing
import os

from task_worker import work

ADDRESS = ("127.0.0.1", 25001)


def start_worker():
    work(f"worker {os.getpid()}", ADDRESS)


if __name__ == "__main__":
    processes = [
        multiprocessing.Process(target=start_worker) for _ in range(2)
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
