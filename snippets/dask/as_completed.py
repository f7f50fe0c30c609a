import tempfile
import time

from dask.distributed import Client, LocalCluster, as_completed

DURATIONS = {"a": 0.4, "b": 0.1, "c": 0.3, "d": 0.2}


def job(name, seconds):
    time.sleep(seconds)  # stands for work of different sizes
    return name


if __name__ == "__main__":
    with (
        tempfile.TemporaryDirectory() as scratch,
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",
            local_directory=scratch,
        ) as cluster,
        Client(cluster) as client,
    ):
        futures = [client.submit(job, n, s) for n, s in DURATIONS.items()]
        for future in as_completed(futures):  # each one as soon as it is done
            name = future.result()
            print(f"Done: job {name} ({DURATIONS[name]} s)")
        names = client.gather(futures)  # in the order the jobs were submitted
        print(f"gather() returns: {', '.join(names)}")
