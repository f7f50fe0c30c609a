import threading
from concurrent.futures import CancelledError, ThreadPoolExecutor

started = threading.Event()
release = threading.Event()


def blocker():
    started.set()
    release.wait()
    return "blocker finished"


def double(x):
    return 2 * x


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=1) as executor:
        running = executor.submit(blocker)
        waiting = executor.submit(double, 21)  # queued behind blocker()
        started.wait()  # the only worker is now inside blocker()
        print(f"running.cancel() -> {running.cancel()}")
        print(f"waiting.cancel() -> {waiting.cancel()}")
        release.set()
    print(f"running.result() -> {running.result()}")
    print(f"waiting.cancelled() -> {waiting.cancelled()}")
    try:
        waiting.result()
    except CancelledError:
        print("waiting.result() raised CancelledError")
