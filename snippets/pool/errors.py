from multiprocessing import Pool


def divide(a, b):
    return a / b


if __name__ == "__main__":
    with Pool(2) as pool:
        good = pool.apply_async(divide, (1, 4))
        bad = pool.apply_async(divide, (1, 0))
        print(f"1 / 4 = {good.get(timeout=10)}")
        try:
            bad.get(timeout=10)
        except ZeroDivisionError as exc:
            # The worker's exception is pickled and raised again here.
            print(f"The worker raised {type(exc).__name__}: {exc}")
        print(f"successful(): {good.successful()} and {bad.successful()}")
