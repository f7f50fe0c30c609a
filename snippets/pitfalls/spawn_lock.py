import multiprocessing
import threading
import warnings

lock = threading.Lock()


def hold_lock(locked, started):
    with lock:
        locked.set()
        started.wait()  # keep the lock until the parent has started the child


def child():
    threads = threading.active_count()
    print(f"child: {threads} thread, lock.locked() is {lock.locked()}")
    if lock.acquire(timeout=0.5):
        print("child: got the lock")
    else:
        print("child: no lock after 0.5 s, and no thread here will release it")


if __name__ == "__main__":
    locked, started = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_lock, args=(locked, started))
    holder.start()
    locked.wait()  # the other thread holds the lock now

    spawn = multiprocessing.get_context("spawn")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        process = spawn.Process(target=child)
        process.start()  # a new interpreter, which imports this file afresh
    started.set()
    process.join()
    holder.join()
    print(f"parent: {len(caught)} warnings from start()")
