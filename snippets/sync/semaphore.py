import threading
import time

WORKERS = 5
SLOTS = 2
slots = threading.BoundedSemaphore(SLOTS)
count_lock = threading.Lock()
inside = 0
most_inside = 0
start_together = threading.Barrier(WORKERS)


def work():
    global inside, most_inside
    start_together.wait()  # all five ask for a slot at the same moment
    with slots:
        with count_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(0.1)  # the work done while holding a slot
        with count_lock:
            inside -= 1


if __name__ == "__main__":
    threads = [threading.Thread(target=work) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{WORKERS} workers, {SLOTS} slots.")
    print(f"Most workers inside at once: {most_inside}")
