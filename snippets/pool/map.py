from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool(4) as pool:
        # map() splits the inputs among the workers and returns the
        # results in input order, whichever worker finished first.
        print(pool.map(square, range(10)))
        # imap_unordered() yields each result as soon as it is ready.
        print(sorted(pool.imap_unordered(square, range(10))))
    # Leaving the with block calls terminate(): collect results inside it.
