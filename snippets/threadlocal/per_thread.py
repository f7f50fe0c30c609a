import threading

# One global object; each thread that sets an attribute on it gets its own.
local_school = threading.local()


def process_student():
    # No argument needed: read the student bound to the current thread.
    student = local_school.student
    print(f"Hello, {student} (in {threading.current_thread().name})")


def process_thread(name):
    local_school.student = name
    process_student()


if __name__ == "__main__":
    t1 = threading.Thread(
        target=process_thread, args=("Alice",), name="Thread-A"
    )
    t2 = threading.Thread(
        target=process_thread, args=("Bob",), name="Thread-B"
    )
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    # The main thread never set the attribute, so it has none.
    print(f"Main thread sees a student: {hasattr(local_school, 'student')}")
