import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


def crash(code):
    os._exit(code)


if __name__ == "__main__":
    forkserver = get_context("forkserver")
    with ProcessPoolExecutor(max_workers=1, mp_context=forkserver) as pool:
        try:
            pool.submit(crash, 3).result(timeout=10)
        except Exception as exc:
            # Python 3.15+: the cause names the worker and its exit code.
            print(str(exc.__cause__).strip("\n'"))
