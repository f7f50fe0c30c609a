from multiprocessing import Process


def grandchild():
    print("This never runs.")


def daemon():
    try:
        Process(target=grandchild).start()
    except AssertionError as error:
        print(f"{type(error).__name__}: {error}")


if __name__ == "__main__":
    child = Process(target=daemon, daemon=True)
    child.start()
    child.join()
    print(f"The daemon ended with exitcode {child.exitcode}")
