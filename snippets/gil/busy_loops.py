import hashlib
import multiprocessing
import os
import queue
import threading
import time

SECONDS = 0.5  # how long each worker keeps its loop busy
BLOCK = bytes(1_000_000)

# What each kind of worker needs: the class that starts it, a barrier to start
# all of them together, a queue to send a result back, and a clock that counts
# the CPU time of that worker alone.
THREADS = (threading.Thread, threading.Barrier, queue.Queue, time.thread_time)
PROCESSES = (
    multiprocessing.Process,
    multiprocessing.Barrier,
    multiprocessing.Queue,
    time.process_time,
)


def python_work():
    total = 0
    for i in range(10_000):
        total += i


def hashlib_work():
    # hashlib releases the GIL while it hashes a large buffer.
    hashlib.sha256(BLOCK)


def spin(work, cpu_clock, start_together, results):
    start_together.wait()
    cpu_start = cpu_clock()
    start = time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        work()
    # The wall time this worker was busy for, and the CPU time it used.
    results.put((time.perf_counter() - start, cpu_clock() - cpu_start))


def measure(n, work, kind):
    worker_class, barrier_class, queue_class, cpu_clock = kind
    start_together = barrier_class(n)
    results = queue_class()
    workers = [
        worker_class(
            target=spin, args=(work, cpu_clock, start_together, results)
        )
        for _ in range(n)
    ]
    for worker in workers:
        worker.start()
    reports = [results.get() for _ in range(n)]
    for worker in workers:
        worker.join()
    # The workers ran side by side, so the longest of them is the wall time.
    wall = max(elapsed for elapsed, _ in reports)
    cpu = sum(used for _, used in reports)
    return wall, cpu


if __name__ == "__main__":
    # os.process_cpu_count() (3.13+) counts only the CPUs this process may use.
    n = getattr(os, "process_cpu_count", os.cpu_count)()
    print(f"One worker per CPU ({n} CPUs), each busy for {SECONDS} s")
    for label, work, kind in [
        ("Threads, Python loop:", python_work, THREADS),
        ("Threads, hashlib:", hashlib_work, THREADS),
        ("Processes, Python loop:", python_work, PROCESSES),
    ]:
        wall, cpu = measure(n, work, kind)
        busy = cpu / wall  # how many cores were busy, on average
        print(
            f"{label:<24} wall {wall:.2f} s, CPU {cpu:.2f} s,",
            f"cores busy {busy:.2f}",
        )
