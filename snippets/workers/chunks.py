import time
from multiprocessing import Pool, current_process


def slow_square(x):
    time.sleep(0.03)  # stands in for 30 ms of real work
    return x * x, current_process().name


if __name__ == "__main__":
    with Pool(2) as pool:
        # Twelve inputs in chunks of four: three messages, not twelve.
        results = pool.map(slow_square, range(12), chunksize=4)
    print([square for square, _ in results])
    for first in range(0, 12, 4):
        workers = {name for _, name in results[first : first + 4]}
        print(f"inputs {first} to {first + 3} ran in {len(workers)} worker")
