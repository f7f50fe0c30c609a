import queue
import threading
import time

JOBS = 6
CONSUMERS = 2


def produce(jobs):
    for n in range(1, JOBS + 1):
        time.sleep(0.02)  # jobs arrive one by one
        jobs.put(n)
    print(f"producer: put {JOBS} jobs")


def consume(jobs, results, handled):
    count = 0
    while True:
        n = jobs.get()  # blocks while the queue is empty
        try:
            if n is None:  # the sentinel: no more jobs for this consumer
                break
            time.sleep(0.05)  # stands for slow I/O
            results.put((n, n * n))
            count += 1
        finally:
            jobs.task_done()  # this job is finished, even if it raised
    handled[threading.current_thread().name] = count  # only this thread's key


if __name__ == "__main__":
    jobs = queue.Queue()
    results = queue.Queue()
    handled = {}
    producer = threading.Thread(target=produce, args=(jobs,), name="producer")
    consumers = [
        threading.Thread(
            target=consume, args=(jobs, results, handled), name=f"consumer-{i}"
        )
        for i in range(1, CONSUMERS + 1)
    ]
    producer.start()
    for c in consumers:
        c.start()
    producer.join()  # every job is in the queue now...
    jobs.join()  # ...and every job has been marked done
    print(f"main: all {JOBS} jobs done")
    for _ in consumers:
        jobs.put(None)  # one sentinel per consumer
    for c in consumers:
        c.join()
    for c in consumers:
        print(f"main: jobs handled by {c.name}: {handled[c.name]}")
    squares = sorted(results.get() for _ in range(JOBS))
    print(f"main: {squares}")
