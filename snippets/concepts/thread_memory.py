import threading

counter = 0


def add_ten():
    # Runs in a second thread of the same process: same counter.
    global counter
    counter += 10
    print(f"Thread: counter = {counter}")


if __name__ == "__main__":
    print(f"Main:   counter = {counter}")
    thread = threading.Thread(target=add_ten)
    thread.start()
    thread.join()
    # The thread changed the one counter that every thread sees.
    print(f"Main:   counter = {counter}")
