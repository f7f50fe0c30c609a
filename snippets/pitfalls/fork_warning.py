import multiprocessing
import threading
import warnings


def nothing():
    pass


if __name__ == "__main__":
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()  # a second thread is running from here on

    fork = multiprocessing.get_context("fork")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # the default filters hide this one
        process = fork.Process(target=nothing)
        process.start()
    process.join()
    stop.set()
    thread.join()
    for warning in caught:
        print(f"{warning.category.__name__}: {warning.message}")
