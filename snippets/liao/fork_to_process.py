import os
from multiprocessing import Process, Queue


def child(pids):
    # The code an os.fork() program put under `if pid == 0:`
    pids.put(os.getpid())
    print("child: running the target function")


if __name__ == "__main__":
    pids = Queue()
    p = Process(target=child, args=(pids,))
    p.start()  # where os.fork() returned the child's PID to the parent
    own_pid = pids.get()
    p.join()
    print(f"parent: the child exited with code {p.exitcode}")
    print(f"parent: p.pid is the child's own PID: {p.pid == own_pid}")
