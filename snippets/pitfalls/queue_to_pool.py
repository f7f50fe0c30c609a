import multiprocessing


def square_into(queue, n):
    queue.put(n * n)


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    with multiprocessing.Pool(1) as pool:
        try:
            pool.apply(square_into, (queue, 3))
        except RuntimeError as error:
            print(f"RuntimeError: {error}")

    with multiprocessing.Manager() as manager, multiprocessing.Pool(1) as pool:
        queue = manager.Queue()  # a proxy, which can be pickled
        pool.apply(square_into, (queue, 3))
        print(f"manager.Queue(): got {queue.get()}")
