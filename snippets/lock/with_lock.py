import threading

THREADS = 4
TIMES = 100_000
balance = 0
balance_lock = threading.Lock()
start_together = threading.Barrier(THREADS)


def add(a, b):
    return a + b


def deposit_many():
    global balance
    start_together.wait()
    for _ in range(TIMES):
        # Only one thread at a time can hold the lock, so no other thread
        # can change balance between this read and this write.
        with balance_lock:
            balance = add(balance, 1)


if __name__ == "__main__":
    threads = [threading.Thread(target=deposit_many) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = THREADS * TIMES
    print(f"{THREADS} threads each added 1 to the balance {TIMES} times.")
    print(f"Expected balance: {expected}")
    print(f"Actual balance:   {balance}")
    print(
        "Updates were lost." if balance < expected else "No update was lost."
    )
