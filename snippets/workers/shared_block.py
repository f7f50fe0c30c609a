import pickle
from multiprocessing import Pool
from multiprocessing.managers import SharedMemoryManager
from multiprocessing.shared_memory import SharedMemory

NUMBERS = 1_000_000
SIZE = 8  # bytes per number: the "q" format, a 64-bit integer


def partial_sum(name, start, stop):
    block = SharedMemory(name=name)  # attach: nothing is copied
    numbers = block.buf.cast("q")
    total = sum(numbers[start:stop])
    numbers.release()  # a block with views still open cannot close
    block.close()
    return total


if __name__ == "__main__":
    with SharedMemoryManager() as manager:
        block = manager.SharedMemory(size=NUMBERS * SIZE)
        numbers = block.buf.cast("q")
        for i in range(NUMBERS):
            numbers[i] = i
        quarter = NUMBERS // 4
        tasks = [
            (block.name, i, i + quarter) for i in range(0, NUMBERS, quarter)
        ]
        with Pool(2) as pool:
            totals = pool.starmap(partial_sum, tasks)
        print(f"Sum of the four quarters: {sum(totals):,}")
        print(f"Sum computed here:        {sum(numbers):,}")
        by_value = len(pickle.dumps(numbers[:quarter].tolist()))
        by_name = max(len(pickle.dumps(task)) for task in tasks)
        print(f"A quarter as a list, pickled: {by_value:,} bytes")
        print(f"A task, pickled, under 100 bytes: {by_name < 100}")
        numbers.release()
    # leaving the block unlinks every block the manager created
