from concurrent import interpreters


def append_one(numbers):
    numbers.append(1)
    return numbers


def fill(view):
    view[:] = b"sent"


if __name__ == "__main__":
    objects = [None, True, 7, 2.5, "text", b"bytes", (1, "a"), [1], {"a": 1}]
    for obj in objects:
        print(f"{obj!r:>10}: shareable {interpreters.is_shareable(obj)}")

    interp = interpreters.create()
    numbers = [0]
    print(f"call() returned {interp.call(append_one, numbers)}")
    print(f"the list here is still {numbers}")  # it went by pickle

    data = bytearray(4)
    interp.call(fill, memoryview(data))  # the buffer itself is shared
    print(f"bytearray after the call: {bytes(data)}")

    with open(__file__) as file:
        try:
            interp.prepare_main(file=file)  # neither shareable nor picklable
        except TypeError as error:
            print(f"sending an open file raised {type(error).__name__}")
    interp.close()
