import threading
import time

THREADS = 4
TIMES = 100_000
balance = 0
balance_lock = threading.Lock()


def add(a, b):
    return a + b


def deposit_many(locked):
    global balance
    for _ in range(TIMES):
        if locked:
            with balance_lock:
                balance = add(balance, 1)
        else:
            balance = add(balance, 1)


def timed_run(locked):
    threads = [
        threading.Thread(target=deposit_many, args=(locked,))
        for _ in range(THREADS)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


if __name__ == "__main__":
    unlocked = timed_run(locked=False)
    locked = timed_run(locked=True)
    print(f"{THREADS} threads, {TIMES} deposits each.")
    # Four decimals, and the ratio of the printed figures: dividing one
    # by the other gives the ratio on the last line.
    unlocked, locked = round(unlocked, 4), round(locked, 4)
    print(f"Without a lock: {unlocked:.4f} s")
    print(f"With a lock:    {locked:.4f} s")
    print(f"The lock made the run {round(locked / unlocked)} times slower.")
