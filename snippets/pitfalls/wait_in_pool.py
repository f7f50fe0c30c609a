from concurrent.futures import ThreadPoolExecutor


def inner():
    return "inner() ran"


def outer(executor):
    future = executor.submit(inner)  # queued: the only worker runs outer()
    try:
        return future.result(timeout=1)  # without a timeout: waits forever
    except TimeoutError:
        return "no result after 1 s: inner() waits for this very worker"


with ThreadPoolExecutor(max_workers=1) as executor:
    print(executor.submit(outer, executor).result())
