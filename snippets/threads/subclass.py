import threading
import time

PAGES = {
    "index.html": "Welcome!",
    "about.html": "About us",
    "faq.html": "Ask away",
}


class Fetcher(threading.Thread):
    def __init__(self, path):
        super().__init__()  # always first: it sets up the thread
        self.path = path
        self.text = None

    def run(self):
        # start() calls run() in the new thread.
        time.sleep(0.1)  # stands for waiting on a server
        self.text = PAGES[self.path]


if __name__ == "__main__":
    start = time.perf_counter()
    fetchers = [Fetcher(path) for path in PAGES]
    for f in fetchers:
        f.start()
    for f in fetchers:
        f.join()
    for f in fetchers:
        print(f"{f.name}: {f.path} -> {f.text!r}")
    elapsed = time.perf_counter() - start
    print(f"3 fetches of 0.1 s each took {elapsed:.2f} s in all")
