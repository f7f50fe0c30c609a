import threading
import time


def save(seconds, started):
    name = threading.current_thread().name
    try:
        print(f"{name}: saving, needs {seconds} s")
        started.set()
        time.sleep(seconds)
        print(f"{name}: saved")
    finally:
        print(f"{name}: file closed")


if __name__ == "__main__":
    for name, seconds, daemon in [
        ("daemon", 10, True),
        ("normal", 0.5, False),
    ]:
        started = threading.Event()
        t = threading.Thread(
            target=save, args=(seconds, started), name=name, daemon=daemon
        )
        t.start()
        started.wait()  # so the two threads print in this order
    print("main: reached the end of the program")
