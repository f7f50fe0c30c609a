import threading
import time

PARTIES = 3
numbers = list(range(1, 13))
partial = {}
total = {}
results = []
results_lock = threading.Lock()


def add_partials():
    # Runs once, in one of the threads, after all have arrived and before
    # any of them is released.
    total["sum"] = sum(partial.values())


phase_done = threading.Barrier(PARTIES, action=add_partials)


def worker(n):
    chunk = numbers[n::PARTIES]
    time.sleep(0.02 * n)  # the threads arrive at different times
    partial[n] = sum(chunk)
    index = phase_done.wait()  # nobody passes until all three are here
    share = partial[n] / total["sum"]
    with results_lock:
        results.append((n, chunk, share, index))


if __name__ == "__main__":
    threads = [
        threading.Thread(target=worker, args=(n,)) for n in range(PARTIES)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n, chunk, share, _ in sorted(results):
        print(f"worker {n}: {chunk} is {share:.0%} of {total['sum']}")
    print(f"wait() returned: {sorted(index for *_, index in results)}")
