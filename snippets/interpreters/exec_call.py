import threading
from concurrent import interpreters


def add(a, b):
    return a + b


if __name__ == "__main__":
    interp = interpreters.create()
    interp.exec("total = 40")  # runs in the interpreter's own __main__
    interp.exec("total += 2")  # which keeps its variables between calls
    interp.prepare_main(greeting="hello")  # bind a name in it from here
    answers = interpreters.create_queue()
    interp.prepare_main(answers=answers)
    interp.exec("answers.put((greeting, total))")
    print(f"From exec(): {answers.get()}")
    print(f"From call(): {interp.call(add, 2, 3)}")
    print(f"'total' in this interpreter: {'total' in globals()}")
    there = interp.call(threading.get_native_id)  # the OS thread's ID there
    print(f"Same thread: {there == threading.get_native_id()}")
    try:
        interp.exec("1 / 0")
    except interpreters.ExecutionFailed as error:
        print(f"exec() raised {error!r}")
    interp.close()
