import multiprocessing
import signal
import time


def slow_square(x):
    time.sleep(0.2)
    return x * x


if __name__ == "__main__":
    try:
        with multiprocessing.Pool(2) as pool:
            for result in pool.imap(slow_square, range(8)):
                print(f"got {result}")
                # As if Ctrl-C were pressed now; it reaches this process only.
                signal.raise_signal(signal.SIGINT)
    except KeyboardInterrupt:
        print(
            "KeyboardInterrupt in the parent;",
            "the with block terminated the pool",
        )
    print(f"worker processes left: {len(multiprocessing.active_children())}")
