import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def download(name, seconds):
    time.sleep(seconds)  # stands in for waiting on a slow server
    return f"{name} ({seconds} s)"


if __name__ == "__main__":
    jobs = {"large": 0.7, "small": 0.1, "medium": 0.4}
    with ThreadPoolExecutor(max_workers=3) as executor:
        futures = [
            executor.submit(download, name, seconds)
            for name, seconds in jobs.items()
        ]
        for future in as_completed(futures):
            print(f"finished: {future.result()}")
    print(f"submitted: {[future.result() for future in futures]}")
