import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def square(x):
    return x * x


def runs_in(parent_pid):
    return (
        "the parent process"
        if os.getpid() == parent_pid
        else "another process"
    )


def use(executor_class):
    # The same code works with either executor.
    with executor_class(max_workers=2) as executor:
        future = executor.submit(square, 7)  # one call, one Future
        print(f"  submit(square, 7).result() -> {future.result()}")
        squares = list(executor.map(square, range(5)))
        print(f"  map(square, range(5)) -> {squares}")
        where = executor.submit(runs_in, os.getpid()).result()
        print(f"  the tasks ran in {where}")


if __name__ == "__main__":
    for executor_class in (ThreadPoolExecutor, ProcessPoolExecutor):
        print(executor_class.__name__)
        use(executor_class)
