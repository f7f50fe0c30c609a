import multiprocessing
import time


def worker(started):
    print("worker: started, working...", flush=True)
    started.set()
    time.sleep(10)  # still working when the parent gives up on it


if __name__ == "__main__":
    started = multiprocessing.Event()
    child = multiprocessing.Process(target=worker, args=(started,))
    child.start()
    started.wait()  # the worker has run its print()
    child.terminate()
    child.join()
    print(f"parent: worker stopped with exit code {child.exitcode}")
