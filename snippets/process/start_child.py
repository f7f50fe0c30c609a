import os
from multiprocessing import Process, parent_process


def greet(name):
    # Runs in the child process. parent_process() is the process that
    # started it; os.getppid() would name the fork server under forkserver.
    parent = parent_process().pid
    print(f"Child {name} runs in process {os.getpid()}, parent {parent}.")


if __name__ == "__main__":
    print(f"Parent process {os.getpid()}.")
    child = Process(target=greet, args=("test",))
    print("Child process will start.")
    child.start()
    child.join()  # wait until the child has finished
    print(f"Child process ended with exit code {child.exitcode}.")
