import sys
import threading
import time

THREADS = 4
TIMES = 1_000


def count_unsafely(counter, start_together):
    start_together.wait()  # (2) all threads begin at the same moment
    for _ in range(TIMES):
        value = counter["n"]
        # (1) Let another thread run between the read and the write.
        time.sleep(0)
        counter["n"] = value + 1


def count_safely(counter, start_together, lock):
    start_together.wait()
    for _ in range(TIMES):
        with lock:
            value = counter["n"]
            time.sleep(0)
            counter["n"] = value + 1


def run(target, *args):
    counter = {"n": 0}
    start_together = threading.Barrier(THREADS)
    threads = [
        threading.Thread(target=target, args=(counter, start_together, *args))
        for _ in range(THREADS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter["n"]


if __name__ == "__main__":
    # (3) Ask for a thread switch as often as possible.
    sys.setswitchinterval(1e-6)
    expected = THREADS * TIMES
    for name, counted in [
        ("Without a lock", run(count_unsafely)),
        ("With a lock", run(count_safely, threading.Lock())),
    ]:
        print(f"{name}: {counted} of {expected} increments counted")
        print(f"  lost updates: {'yes' if counted < expected else 'no'}")
