import threading


def wait_for(go):
    go.wait()  # blocks until another thread calls go.set()


def show(label, thread, extra=""):
    print(f"{label:24} alive={thread.is_alive()!s:5} {extra}".rstrip())


if __name__ == "__main__":
    go = threading.Event()  # a flag; taught in Synchronisation primitives
    t = threading.Thread(target=wait_for, args=(go,), name="waiter")
    show("before start()", t)
    t.start()
    show("after start()", t)
    result = t.join(timeout=0.1)  # gives up after 0.1 s
    show("after join(timeout=0.1)", t, f"join() returned {result}")
    go.set()
    t.join()  # no timeout: waits as long as it takes
    show("after set() and join()", t)
