import threading
import time

ready = threading.Event()
config = {}
seen = []
seen_lock = threading.Lock()


def waiter(n):
    was_set = ready.wait(timeout=5)  # True as soon as the event is set
    with seen_lock:
        seen.append(
            f"waiter {n}: event set: {was_set}, port: {config.get('port')}"
        )


if __name__ == "__main__":
    print(f"Nobody sets it, wait(0.1) returns: {ready.wait(timeout=0.1)}")

    threads = [threading.Thread(target=waiter, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    time.sleep(0.05)  # loading the configuration takes a while
    config["port"] = 8080
    ready.set()  # wakes every waiting thread at once
    for t in threads:
        t.join()
    for line in sorted(seen):
        print(line)
    print(f"is_set() after set(): {ready.is_set()}")
