import threading

counts = {"hits": 0}
both_read = threading.Barrier(2)
lock = threading.Lock()


def add_one_in_steps():
    # What counts["hits"] += 1 does, one step per line.
    value = counts["hits"]  # 1. read
    both_read.wait()  # the other thread reads here too: now on every run
    counts["hits"] = value + 1  # 2. add, 3. write back


def add_one_locked():
    with lock:  # read, add and write as one step for other threads
        counts["hits"] += 1


def run(target, threads):
    counts["hits"] = 0
    workers = [threading.Thread(target=target) for _ in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return counts["hits"]


if __name__ == "__main__":
    print(f"2 threads add 1 each, unlocked: {run(add_one_in_steps, 2)}")
    print(f"2 threads add 1 each, locked:   {run(add_one_locked, 2)}")
