from multiprocessing import Barrier, Process, Value

PROCESSES = 4
TIMES = 50_000


def add_many(counter, start_together):
    start_together.wait()  # all processes begin at once, so they overlap
    for _ in range(TIMES):
        # Three steps: read counter.value, add 1, write it back. The lock
        # is free between the read and the write, so another process may
        # write in between, and its update is then lost.
        counter.value += 1


if __name__ == "__main__":
    counter = Value("i", 0)
    start_together = Barrier(PROCESSES)
    workers = [
        Process(target=add_many, args=(counter, start_together))
        for _ in range(PROCESSES)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    expected = PROCESSES * TIMES
    print(f"{PROCESSES} processes each added 1 to the counter {TIMES} times.")
    print(f"Expected: {expected}")
    print(f"Actual:   {counter.value}")
    print(
        "Updates were lost."
        if counter.value < expected
        else "No update was lost."
    )
