import threading
import time


def count_down(n):
    name = threading.current_thread().name
    for i in range(n, 0, -1):
        print(f"{name}: {i}")
        time.sleep(0.05)
    print(f"{name}: done")


if __name__ == "__main__":
    print(f"{threading.current_thread().name}: starting a thread")
    t = threading.Thread(target=count_down, args=(3,))
    t.start()  # count_down(3) now runs in the new thread
    t.join()  # wait here until it returns
    print(f"{threading.current_thread().name}: {t.name} has ended")
