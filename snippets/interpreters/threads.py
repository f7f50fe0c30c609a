from concurrent import interpreters


def count_primes(limit, results):
    count = 0
    for n in range(2, limit):
        for divisor in range(2, int(n**0.5) + 1):
            if n % divisor == 0:
                break
        else:
            count += 1
    results.put((limit, count))  # call_in_thread() discards return values


if __name__ == "__main__":
    results = interpreters.create_queue()
    limits = [50_000, 60_000]
    workers = {limit: interpreters.create() for limit in limits}
    threads = [
        worker.call_in_thread(count_primes, limit, results)
        for limit, worker in workers.items()
    ]
    for thread in threads:
        thread.join()
    for limit, count in sorted(results.get() for _ in limits):
        print(f"Primes below {limit:,}: {count:,}")
    for worker in workers.values():
        worker.close()
