import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool, TimeoutError


class TaskError(Exception):
    def __init__(self, task, reason):
        # Only the message goes to Exception.__init__, so self.args has one
        # item; unpickling calls TaskError(*self.args) and fails.
        super().__init__(f"task {task} failed: {reason}")
        self.task = task
        self.reason = reason


def double(x):
    if x < 0:
        raise TaskError(x, "negative input")
    return 2 * x


def one_line(args):
    # Print a crashed thread's exception in one line instead of a traceback.
    print(f"Thread crashed: {args.exc_type.__name__}: {args.exc_value}")


if __name__ == "__main__":
    threading.excepthook = one_line

    pool = Pool(1)
    print(
        f"Pool: double(1) = {pool.apply_async(double, (1,)).get(timeout=10)}"
    )
    result = pool.apply_async(double, (-1,))
    try:
        result.get(timeout=1)
    except TimeoutError:
        print(
            "Pool: no result after 1 s; get() without a timeout waits forever"
        )
    try:
        pool.terminate()
    except AssertionError:
        print("Pool: terminate() fails too, with an AssertionError")

    with ProcessPoolExecutor(1) as executor:
        print(f"Executor: double(1) = {executor.submit(double, 1).result()}")
        future = executor.submit(double, -1)
        try:
            future.result(timeout=10)
        except Exception as exc:
            print(f"Executor: {type(exc).__name__}: {exc}")
            print(f"  caused by {str(exc.__cause__).splitlines()[-2]}")
