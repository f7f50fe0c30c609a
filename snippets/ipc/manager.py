from multiprocessing import Manager, Process


def work(n, results, log):
    results[n] = n * n  # each worker writes its own key
    log.append(f"worker {n} done")


if __name__ == "__main__":
    # Manager() starts a server process that holds the real dict and list;
    # results and log are proxies that send every operation to it.
    with Manager() as manager:
        results = manager.dict()
        log = manager.list()
        print(f"{type(results).__name__} and {type(log).__name__}")
        workers = [
            Process(target=work, args=(n, results, log)) for n in range(4)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(f"results: {dict(sorted(results.items()))}")
        print(f"log: {sorted(log)}")
    # The with block shut the server down: the proxies no longer work here.
