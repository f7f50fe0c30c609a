import os
from collections import Counter
from multiprocessing import Pool


def which_process(task):
    return task, os.getpid()


if __name__ == "__main__":
    with Pool(2, maxtasksperchild=2) as pool:
        runs = pool.map(which_process, range(6), chunksize=1)
    for task, pid in runs:
        print(f"Task {task} ran in process {pid}")
    per_process = Counter(pid for _, pid in runs)
    print(f"Most tasks in one process: {max(per_process.values())}")
    print(f"Processes used: at least 3? {len(per_process) >= 3}")
