import multiprocessing
import time


def child(method):
    pass  # nothing to do: only starting the child is measured


def start_and_join(method):
    context = multiprocessing.get_context(method)
    name = f"{method} child"
    process = context.Process(target=child, args=(method,), name=name)
    begin = time.perf_counter()
    process.start()
    process.join()
    return time.perf_counter() - begin


if __name__ == "__main__":
    # fork goes last: a program's first start(), whatever the method, also
    # imports the modules that starting a child needs.
    for method in ["spawn", "forkserver", "fork"]:
        ms = start_and_join(method) * 1000
        print(f"{method + ':':<12} start() and join() took {ms:.1f} ms")
