import multiprocessing
import queue


def worker(tasks, results):
    # The bug: the parent never sends a task, so this get() waits forever.
    n = tasks.get()
    results.put(n * n)


if __name__ == "__main__":
    tasks = multiprocessing.Queue()
    results = multiprocessing.Queue()
    p = multiprocessing.Process(target=worker, args=(tasks, results))
    p.start()
    try:
        print("Result:", results.get(timeout=0.5))
    except queue.Empty:
        print("No result within 0.5 s.")
    p.join(timeout=0.1)
    if p.is_alive():
        print("The worker is still running: terminating it.")
        p.terminate()
        p.join()
    print("Exit code:", p.exitcode)
