import threading
from concurrent.futures import ThreadPoolExecutor

started = threading.Event()
release = threading.Event()


def task(n):
    if n == 0:
        started.set()
        release.wait()
    return n


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=1) as executor:
        futures = [executor.submit(task, n) for n in range(5)]
        started.wait()  # task 0 is running; tasks 1 to 4 are queued
        executor.shutdown(wait=False, cancel_futures=True)
        release.set()
        try:
            executor.submit(task, 5)
        except RuntimeError as exc:
            print(f"submit() after shutdown: RuntimeError: {exc}")
    print(f"cancelled: {[future.cancelled() for future in futures]}")
    print(f"task 0 returned {futures[0].result()}")
