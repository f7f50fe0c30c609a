import os
from concurrent.futures import ProcessPoolExecutor


def crash(code):
    os._exit(code)  # the worker process ends here, without raising


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as executor:
        future = executor.submit(crash, 3)
        try:
            future.result(timeout=10)
        except Exception as exc:
            print(f"result(): {type(exc).__name__}: {exc}")
        try:
            executor.submit(abs, -1)
        except Exception as exc:
            print(f"submit(): {type(exc).__name__}: {exc}")
