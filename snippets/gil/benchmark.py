import asyncio
import os
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 4
LIMIT = 60_000  # count the primes below this: 0.05 to 0.1 s of pure Python
WAIT = 0.05  # seconds each I/O-bound task waits, standing in for the network


def cpu_job():
    count = 0
    for n in range(2, LIMIT):
        for divisor in range(2, int(n**0.5) + 1):
            if n % divisor == 0:
                break
        else:
            count += 1
    return count


def io_job():
    time.sleep(WAIT)


async def cpu_coroutine():
    return cpu_job()  # never awaits, so nothing else runs until it returns


async def io_coroutine():
    await asyncio.sleep(WAIT)


def one_after_another(job):
    return [job() for _ in range(TASKS)]


def in_pool(pool, job):
    futures = [pool.submit(job) for _ in range(TASKS)]
    return [future.result() for future in futures]


async def gather(coroutine):
    return await asyncio.gather(*(coroutine() for _ in range(TASKS)))


def with_asyncio(coroutine):
    return asyncio.run(gather(coroutine))


def seconds(run, *args, repeat=3):
    """The best of a few runs, as timeit reports: a slower run also timed
    whatever else the machine was doing."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(*args)
        best = min(best, time.perf_counter() - start)
    return best


if __name__ == "__main__":
    with (
        ThreadPoolExecutor(max_workers=TASKS) as threads,
        ProcessPoolExecutor(max_workers=TASKS) as processes,
    ):
        # Start all workers before the clock runs: starting processes has a
        # cost of its own, paid once per pool, not once per task.
        in_pool(processes, os.getpid)
        in_pool(threads, os.getpid)
        rows = [
            (
                "One after another",
                seconds(one_after_another, cpu_job),
                seconds(one_after_another, io_job),
            ),
            (
                f"{TASKS} threads",
                seconds(in_pool, threads, cpu_job),
                seconds(in_pool, threads, io_job),
            ),
            (
                f"{TASKS} processes",
                seconds(in_pool, processes, cpu_job),
                seconds(in_pool, processes, io_job),
            ),
            (
                "asyncio, one thread",
                seconds(with_asyncio, cpu_coroutine),
                seconds(with_asyncio, io_coroutine),
            ),
        ]
    cpus = getattr(os, "process_cpu_count", os.cpu_count)()
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    implementation = platform.python_implementation()
    print(f"Measured on {cpus} CPU cores, {implementation} {version}")
    print()
    print(f"| {TASKS} tasks | CPU-bound | I/O-bound |")
    print("| --- | ---: | ---: |")
    for name, cpu_bound, io_bound in rows:
        print(f"| {name} | {cpu_bound:.2f} s | {io_bound:.2f} s |")
