import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def slow_square(x):
    time.sleep(0.3)
    return x * x


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(slow_square, x) for x in range(4)]
    # Leaving the block called shutdown(wait=True): every task has run.
    finished = sum(future.done() for future in futures)
    print(f"ProcessPoolExecutor: {finished} of 4 tasks finished")
    print(f"  results: {[future.result() for future in futures]}")

    with Pool(2) as pool:
        results = [pool.apply_async(slow_square, (x,)) for x in range(4)]
    # Leaving the block called terminate(): the workers were killed.
    finished = sum(result.ready() for result in results)
    print(f"Pool: {finished} of 4 tasks finished")
