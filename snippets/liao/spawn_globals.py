import multiprocessing
import threading

setting = "set at import"
lock = threading.Lock()  # pickle refuses a lock, yet nothing here fails


def show(value):
    print(f"child: global setting = {setting!r}")
    print(f"child: argument       = {value!r}")


if __name__ == "__main__":
    setting = "changed by the parent before start()"
    spawn = multiprocessing.get_context("spawn")
    # Pickled and sent to the child: show and its arguments
    child = spawn.Process(target=show, args=(setting,))
    child.start()
    child.join()
    print(f"parent: child exit code {child.exitcode}")
