import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def nothing():
    pass


def start_a_child():
    child = multiprocessing.Process(target=nothing)
    try:
        child.start()
    except AssertionError as error:
        return f"AssertionError: {error}"
    child.join()
    return f"started a child, exit code {child.exitcode}"


if __name__ == "__main__":
    with multiprocessing.Pool(1) as pool:
        print(f"Pool:                {pool.apply(start_a_child)}")
    with ProcessPoolExecutor(1) as executor:
        result = executor.submit(start_a_child).result()
        print(f"ProcessPoolExecutor: {result}")
