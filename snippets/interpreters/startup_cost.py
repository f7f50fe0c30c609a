import multiprocessing
import statistics
import threading
import time
from concurrent import interpreters

TRIES = 7


def nothing():
    pass


def run_child(context):
    child = context.Process(target=nothing)
    child.start()
    child.join()


def run_thread():
    thread = threading.Thread(target=nothing)
    thread.start()
    thread.join()


def run_interpreter():
    interp = interpreters.create()
    interp.exec("pass")
    interp.close()


def median_ms(start_one, *args):
    start_one(*args)  # a first, untimed one (forkserver starts its server)
    times = []
    for _ in range(TRIES):
        start = time.perf_counter()
        start_one(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    costs = {"thread": median_ms(run_thread)}
    for method in ["fork", "forkserver", "spawn"]:
        context = multiprocessing.get_context(method)
        costs[f"process, {method}"] = median_ms(run_child, context)
    costs["interpreter"] = median_ms(run_interpreter)
    for name, cost in costs.items():
        print(f"{name + ':':<20} {cost:.1f} ms")
    for method in ["fork", "forkserver", "spawn"]:
        faster = costs["interpreter"] < costs[f"process, {method}"]
        print(f"interpreter faster than {method}: {faster}")
