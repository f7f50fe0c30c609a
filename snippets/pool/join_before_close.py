from multiprocessing import Pool


def double(x):
    return 2 * x


if __name__ == "__main__":
    pool = Pool(2)
    result = pool.apply_async(double, (21,))
    try:
        pool.join()
    except ValueError as exc:
        print(f"join() before close() fails: ValueError: {exc}")
    pool.close()
    pool.join()
    print(f"close() then join() works; the result was {result.get()}.")
