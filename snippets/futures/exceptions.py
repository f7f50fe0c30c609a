from concurrent.futures import ProcessPoolExecutor


def check_age(age):
    if age < 0:
        raise ValueError(f"age cannot be negative: {age}")
    return age


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        good = executor.submit(check_age, 30)
        bad = executor.submit(check_age, -1)
        print(f"good.exception() -> {good.exception()}")
        print(f"bad.exception() -> {bad.exception()!r}")
        try:
            bad.result()
        except ValueError as exc:
            # The worker's exception was pickled and is raised again here.
            print(f"bad.result() raised ValueError: {exc}")

        results = executor.map(check_age, [30, 40, -1, 50])
        try:
            for age in results:
                print(f"map gave {age}")
        except ValueError as exc:
            print(f"map raised ValueError: {exc}")
