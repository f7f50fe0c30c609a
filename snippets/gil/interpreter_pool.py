import time
from concurrent.futures import InterpreterPoolExecutor

TASKS = 4
LIMIT = 120_000


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        for divisor in range(2, int(n**0.5) + 1):
            if n % divisor == 0:
                break
        else:
            count += 1
    return count


if __name__ == "__main__":
    start = time.perf_counter()
    counts = [count_primes(LIMIT) for _ in range(TASKS)]
    alone = time.perf_counter() - start
    print(f"One after another: {counts} in {alone:.2f} s")

    with InterpreterPoolExecutor(max_workers=TASKS) as pool:
        start = time.perf_counter()
        list(pool.map(count_primes, [2] * TASKS))  # a trivial call starts them
        started = time.perf_counter() - start
        print(f"Starting {TASKS} interpreters took {started:.2f} s")

        start = time.perf_counter()
        counts = list(pool.map(count_primes, [LIMIT] * TASKS))
        pooled = time.perf_counter() - start
        print(f"{TASKS} interpreters:    {counts} in {pooled:.2f} s")
