import threading

THREADS = 4
TIMES = 1_000_000
balance = 0
start_together = threading.Barrier(THREADS)


def add(a, b):
    return a + b


def deposit_many():
    global balance
    start_together.wait()  # all threads begin at once, so they overlap
    for _ in range(TIMES):
        # Read balance, call add(), then write the sum back. Another thread
        # may run between the read and the write; whatever it added is then
        # overwritten with a stale sum.
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
