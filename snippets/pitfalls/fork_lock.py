import multiprocessing
import threading

lock = threading.Lock()


def hold_lock(locked, forked):
    with lock:
        locked.set()
        forked.wait()  # keep the lock until the parent has forked


def child():
    threads = threading.active_count()
    print(f"child: {threads} thread, lock.locked() is {lock.locked()}")
    if lock.acquire(timeout=0.5):  # without a timeout: blocks forever
        print("child: got the lock")
    else:
        print("child: no lock after 0.5 s, and no thread here will release it")


if __name__ == "__main__":
    locked, forked = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_lock, args=(locked, forked))
    holder.start()
    locked.wait()  # the other thread holds the lock now

    fork = multiprocessing.get_context("fork")
    process = fork.Process(target=child)
    process.start()  # the child is a copy of this process, lock included
    forked.set()  # the thread releases the lock in the parent at once
    process.join()
    holder.join()
    print(f"parent: lock.locked() is {lock.locked()}")
