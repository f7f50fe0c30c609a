import multiprocessing
import os
import signal
import time


def ignore_ctrl_c(ready):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ready.wait()


def slow_square(x):
    time.sleep(0.2)
    return x * x


def press_ctrl_c():
    if hasattr(os, "killpg"):
        # POSIX: a terminal sends SIGINT to every process of the foreground
        # process group: this one and its workers.
        os.killpg(os.getpgrp(), signal.SIGINT)
    else:
        signal.raise_signal(signal.SIGINT)  # Windows: this process only


if __name__ == "__main__":
    ready = multiprocessing.Barrier(3)  # two workers and the parent
    pool = multiprocessing.Pool(
        2, initializer=ignore_ctrl_c, initargs=(ready,)
    )
    ready.wait()  # both workers ignore SIGINT from here on
    try:
        for result in pool.imap(slow_square, range(8)):
            print(f"got {result}")
            press_ctrl_c()
    except KeyboardInterrupt:
        print("KeyboardInterrupt in the parent: terminating the pool")
        pool.terminate()
    else:
        pool.close()
    pool.join()
    print(f"worker processes left: {len(multiprocessing.active_children())}")
