import os
import sys
import threading
import traceback

lock_a = threading.Lock()
lock_b = threading.Lock()
both_hold_one = threading.Barrier(2)


def take_b_then_a():
    with lock_b:
        both_hold_one.wait()
        with lock_a:  # the main thread holds lock_a: waits forever
            pass


def take_a_then_b():
    with lock_a:
        both_hold_one.wait()
        with lock_b:  # the other thread holds lock_b: waits forever
            pass


def dump_stacks_and_exit():
    """Print where every other thread is (innermost call last), then exit."""
    print("Still running after 0.3 s. Where each thread is:")
    frames = sys._current_frames()
    for thread in threading.enumerate():
        if thread is threading.current_thread():
            continue  # the watchdog itself
        print(f"Thread {thread.name}:")
        for frame in traceback.extract_stack(frames[thread.ident]):
            name = os.path.basename(frame.filename)
            print(f"  {name}, line {frame.lineno}, in {frame.name}")
    sys.stdout.flush()
    os._exit(1)  # sys.exit() would only end the watchdog thread


if __name__ == "__main__":
    watchdog = threading.Timer(0.3, dump_stacks_and_exit)
    watchdog.daemon = True
    watchdog.start()
    threading.Thread(target=take_b_then_a, name="worker").start()
    print("Each thread takes one lock, then asks for the other...")
    take_a_then_b()
    print("never printed")
