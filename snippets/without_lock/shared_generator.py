import threading

inside = threading.Event()
go_on = threading.Event()


def numbers():
    for n in range(3):
        inside.set()
        go_on.wait(timeout=5)  # the first thread is still in here
        yield n


def take(gen, results):
    results.append(next(gen))


if __name__ == "__main__":
    gen = numbers()
    results = []
    first = threading.Thread(target=take, args=(gen, results))
    first.start()
    inside.wait(timeout=5)  # the first thread is running the generator
    try:
        next(gen)  # the main thread asks for the next item meanwhile
    except ValueError as exc:
        print(f"main thread: ValueError: {exc}")
    go_on.set()
    first.join()
    print(f"first thread got {results}")
