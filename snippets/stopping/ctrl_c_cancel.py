import concurrent.futures
import signal
import threading
import time

started = threading.Semaphore(0)
finished = []


def task(n):
    started.release()
    time.sleep(0.2)
    finished.append(n)


if __name__ == "__main__":
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    futures = [pool.submit(task, n) for n in range(6)]
    try:
        started.acquire()
        started.acquire()  # tasks 0 and 1 run, 2 to 5 wait in the queue
        signal.raise_signal(signal.SIGINT)  # as if Ctrl-C were pressed
    except KeyboardInterrupt:
        print("KeyboardInterrupt: cancelling what has not started")
        pool.shutdown(wait=True, cancel_futures=True)
    print(f"finished: {sorted(finished)}")
    cancelled = [n for n, f in enumerate(futures) if f.cancelled()]
    print(f"cancelled: {cancelled}")
