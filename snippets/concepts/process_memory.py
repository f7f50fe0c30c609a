from multiprocessing import Process

counter = 0


def add_ten():
    # Runs in the child process, on the child's own copy of counter.
    global counter
    counter += 10
    print(f"Child:  counter = {counter}")


if __name__ == "__main__":
    print(f"Parent: counter = {counter}")
    child = Process(target=add_ten)
    child.start()
    child.join()
    # The child's change stayed in the child's memory.
    print(f"Parent: counter = {counter}")
