import threading


class Connection(threading.local):
    # __init__ runs when the object is created, and again in each other
    # thread the first time it uses the object: every thread starts fresh.
    def __init__(self):
        self.queries = []


conn = Connection()


def run_queries(*queries):
    for query in queries:
        conn.queries.append(query)
    print(f"{threading.current_thread().name} ran {conn.queries}")


if __name__ == "__main__":
    worker = threading.Thread(
        target=run_queries, args=("a", "b"), name="worker"
    )
    worker.start()
    worker.join()
    run_queries("c")
