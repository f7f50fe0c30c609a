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
    start = time.monotonic()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for n in range(6):
                pool.submit(task, n)
            started.acquire()
            started.acquire()  # tasks 0 and 1 run, 2 to 5 wait in the queue
            signal.raise_signal(signal.SIGINT)  # as if Ctrl-C were pressed
    except KeyboardInterrupt:
        waited = time.monotonic() - start
        print("KeyboardInterrupt reached the main thread")
    print(f"tasks that still ran to the end: {sorted(finished)}")
    print(f"the program stopped after {waited:.1f} s")
