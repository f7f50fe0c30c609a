import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def count(task):
    # Pure Python arithmetic: the worker needs the CPU the whole time.
    total = 0
    for i in range(5_000_000):
        total += i
    return total


def run_four(executor):
    start = time.perf_counter()
    with executor:
        list(executor.map(count, range(4)))
    return time.perf_counter() - start


if __name__ == "__main__":
    threads = ThreadPoolExecutor(2, thread_name_prefix="thread pool worker")
    processes = ProcessPoolExecutor(2)
    print(f"2 threads:   {run_four(threads):.2f} s")
    print(f"2 processes: {run_four(processes):.2f} s")
