import os
from multiprocessing import Process


def greet(name):
    # Runs in the child process.
    print(f"Child {name} runs in process {os.getpid()}, parent {os.getppid()}.")


if __name__ == "__main__":
    print(f"Parent process {os.getpid()}.")
    child = Process(target=greet, args=("test",))
    print("Child process will start.")
    child.start()
    child.join()  # wait until the child has finished
    print(f"Child process ended with exit code {child.exitcode}.")
