import concurrent.futures
import threading
from concurrent.futures import ThreadPoolExecutor

answer_arrived = threading.Event()


def ask_server():
    answer_arrived.wait()  # stands in for a call that hangs
    return "the answer"


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=1) as executor:
        future = executor.submit(ask_server)
        try:
            future.result(timeout=0.2)
        except TimeoutError:
            print("result(timeout=0.2) raised TimeoutError")
        print(f"done() after the timeout: {future.done()}")
        answer_arrived.set()  # the task can finish now
        print(f"result() later: {future.result()}")
    same = concurrent.futures.TimeoutError is TimeoutError
    print(f"concurrent.futures.TimeoutError is the built-in: {same}")
