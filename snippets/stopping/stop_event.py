import threading
import time


def poll(stop, done):
    rounds = 0
    # wait() returns False after each 0.05 s, True once stop is set.
    while not stop.wait(timeout=0.05):
        rounds += 1  # one round of work: check a folder, a socket...
    done.append(f"worker saw the stop request after {rounds} rounds")


if __name__ == "__main__":
    stop = threading.Event()
    done = []
    worker = threading.Thread(target=poll, args=(stop, done))
    worker.start()
    time.sleep(0.2)
    stop.set()  # ask; the worker decides when it is safe to return
    worker.join(timeout=5)
    print(done[0])
    print(f"worker alive after join: {worker.is_alive()}")
