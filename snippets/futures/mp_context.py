import multiprocessing
from concurrent.futures import ProcessPoolExecutor

setting = "set at import"


def read_setting():
    return setting


if __name__ == "__main__":
    setting = "changed by the parent"
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as executor:
        print(f"parent sees: {setting}")
        print(f"worker sees: {executor.submit(read_setting).result()}")
