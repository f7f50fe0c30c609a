import threading
import time
from collections import deque

CAPACITY = 2
buffer = deque()
changed = threading.Condition()
most_held = 0


def put(item):
    global most_held
    with changed:
        # wait_for() releases the lock while it waits, and takes it back
        # before it checks the condition again.
        changed.wait_for(lambda: len(buffer) < CAPACITY)
        buffer.append(item)
        most_held = max(most_held, len(buffer))
        changed.notify_all()


def get():
    with changed:
        changed.wait_for(lambda: len(buffer) > 0)
        item = buffer.popleft()
        changed.notify_all()
        return item


def produce():
    for n in range(1, 7):
        put(n)
    put(None)  # tells the consumer there is nothing more


def consume(received):
    while (item := get()) is not None:
        time.sleep(0.01)  # a slow consumer, so the buffer fills up
        received.append(item)


if __name__ == "__main__":
    received = []
    threads = [
        threading.Thread(target=produce),
        threading.Thread(target=consume, args=(received,)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"Received: {received}")
    within = most_held <= CAPACITY
    print(f"The buffer never held more than {CAPACITY} items: {within}")
