import os
import tempfile
import time

from dask.distributed import Client, LocalCluster

TASKS = list(range(10))


def square(n):
    time.sleep(0.1)  # stands for real work
    return n, n * n, os.getpid()


if __name__ == "__main__":
    with (
        tempfile.TemporaryDirectory() as scratch,
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            # A free local port for the dashboard, not the fixed 8787.
            dashboard_address="127.0.0.1:0",
            # The workers' scratch files, for this run only.
            local_directory=scratch,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2)
        workers = client.scheduler_info()["workers"]
        print(f"Master: {len(workers)} workers are ready")
        # Returns at once: one future per task.
        futures = client.map(square, TASKS)
        print(f"Master: submitted {len(futures)} tasks")
        # Waits for all; results in task order.
        results = client.gather(futures)
    for n, result, _ in results:
        print(f"{n} * {n} = {result}")
    pids = {pid for _, _, pid in results}
    print(f"Master: the results came from {len(pids)} worker processes")
    print(f"Master: none of them is this process: {os.getpid() not in pids}")
