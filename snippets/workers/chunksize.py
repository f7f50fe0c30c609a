import time
from multiprocessing import Pool

TASKS = 10_000


def tiny(n):
    return n + 1


def timed_map(pool, chunksize):
    # The fastest of three runs: a pause of the machine can only add time.
    times = []
    for _ in range(3):
        start = time.perf_counter()
        pool.map(tiny, range(TASKS), chunksize=chunksize)
        times.append(time.perf_counter() - start)
    return min(times)


if __name__ == "__main__":
    with Pool(2) as pool:
        pool.map(tiny, range(2))  # start both workers before timing
        one = timed_map(pool, chunksize=1)
        many = timed_map(pool, chunksize=1_000)
    print(f"{TASKS:,} tiny tasks, chunksize 1:     {one:.4f} s")
    print(f"{TASKS:,} tiny tasks, chunksize 1,000: {many:.4f} s")
    print(f"chunksize 1,000 at least 5 times faster: {one > 5 * many}")
