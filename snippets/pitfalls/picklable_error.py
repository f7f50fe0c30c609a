from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


class TaskError(Exception):
    def __init__(self, task, reason):
        # Both arguments go to Exception.__init__: self.args is (task, reason),
        # and unpickling calls TaskError(task, reason), which works.
        super().__init__(task, reason)
        self.task = task
        self.reason = reason

    def __str__(self):
        return f"task {self.task} failed: {self.reason}"


def double(x):
    if x < 0:
        raise TaskError(x, "negative input")
    return 2 * x


if __name__ == "__main__":
    with Pool(1) as pool:
        try:
            pool.apply_async(double, (-1,)).get(timeout=10)
        except TaskError as exc:
            print(f"Pool: caught TaskError: {exc} (task={exc.task})")

    with ProcessPoolExecutor(1) as executor:
        try:
            executor.submit(double, -1).result(timeout=10)
        except TaskError as exc:
            print(f"Executor: caught TaskError: {exc} (reason={exc.reason!r})")
