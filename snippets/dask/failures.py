import logging
import os
import tempfile

from dask.distributed import Client, LocalCluster


def inverse(x):
    return 1 / x


def flaky(path):
    """Fails on the first two calls, like a service that is briefly down."""
    # The file counts the calls, in any process.
    with open(path, "a+") as calls:
        calls.write("x")
        calls.seek(0)
        attempt = len(calls.read())
    print(f"Worker: flaky() attempt {attempt}")
    if attempt < 3:
        raise ConnectionError(f"attempt {attempt} failed")
    return f"succeeded on attempt {attempt}"


if __name__ == "__main__":
    with (
        tempfile.TemporaryDirectory() as tmp,
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",
            local_directory=tmp,
            # This program reports the failures itself.
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        future = client.submit(inverse, 0)
        try:
            future.result()  # raises the worker's exception in the master
        except ZeroDivisionError as exc:
            print(f"Master: inverse(0) raised {type(exc).__name__}: {exc}")
        print(f"Master: the future's status is {future.status!r}")

        future = client.submit(flaky, os.path.join(tmp, "calls"), retries=2)
        print(f"Master: flaky() {future.result()}")
