import multiprocessing
import os

# Module level: runs in the parent, and again in every child started with
# "spawn", because such a child imports this file to find work().
print(f"Module code runs in process {os.getpid()} as {__name__!r}.")


def work():
    print(f"work() runs in process {os.getpid()}.")


if __name__ == "__main__":
    # Only the parent gets here: in a spawned child, __name__ is "__mp_main__".
    spawn = multiprocessing.get_context("spawn")
    child = spawn.Process(target=work)
    child.start()
    child.join()
