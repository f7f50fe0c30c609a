import os
import random
import time
from multiprocessing import Pool


def long_time_task(name):
    print(f"Run task {name} ({os.getpid()})...")
    start = time.perf_counter()
    time.sleep(random.uniform(0.05, 0.3))
    print(f"Task {name} runs {time.perf_counter() - start:.2f} seconds.")


if __name__ == "__main__":
    print(f"Parent process {os.getpid()}.")
    pool = Pool(4)
    for i in range(5):
        pool.apply_async(long_time_task, args=(i,))
    print("Waiting for all subprocesses done...")
    pool.close()  # no more tasks: the workers exit once the queue is empty
    pool.join()  # wait for them to exit
    print("All subprocesses done.")
