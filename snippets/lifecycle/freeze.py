import sys
from multiprocessing import Process, freeze_support


def work():
    print("The child runs work().")


if __name__ == "__main__":
    freeze_support()  # first line under the guard; a no-op unless frozen
    print(f"Frozen executable: {getattr(sys, 'frozen', False)}")
    child = Process(target=work)
    child.start()
    child.join()
