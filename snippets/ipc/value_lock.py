from multiprocessing import Barrier, Process, Value

PROCESSES = 4
TIMES = 50_000


def add_many(counter, start_together):
    start_together.wait()
    for _ in range(TIMES):
        # The Value's own lock, held across the read and the write.
        with counter.get_lock():
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
