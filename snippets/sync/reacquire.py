import threading

if __name__ == "__main__":
    lock = threading.Lock()
    with lock:
        # The holder asks for the lock again. Without a timeout this would
        # wait forever: the only thread that could release it is this one.
        again = lock.acquire(timeout=0.1)
        print(f"Lock:  second acquire by its holder -> {again}")

    rlock = threading.RLock()
    with rlock:
        again = rlock.acquire(timeout=0.1)
        print(f"RLock: second acquire by its holder -> {again}")
        rlock.release()  # one release for each acquire
    print(f"RLock free again: {rlock.acquire(blocking=False)}")
    rlock.release()
