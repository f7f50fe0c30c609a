import threading
import time

THREADS = 4
WAIT = 0.2  # seconds each thread waits, as if for a disk or a network reply


def wait_for_reply():
    time.sleep(WAIT)  # a sleeping thread lets the others run


if __name__ == "__main__":
    threads = [threading.Thread(target=wait_for_reply) for _ in range(THREADS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    total = THREADS * WAIT
    print(f"{THREADS} threads each waited {WAIT} s: {total:.1f} s in all.")
    print(f"Wall-clock time: {elapsed:.2f} s")
    print(f"Finished in less than 0.5 s: {elapsed < 0.5}")
