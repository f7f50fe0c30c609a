import queue
from multiprocessing.managers import BaseManager

ADDRESS = ("127.0.0.1", 25000)
AUTHKEY = b"use a long random secret"
NUMBERS = [1, 2, 3, 4, 5]
STOP = None  # one per worker: "no more tasks"

# The two queues the manager serves. They live in the manager's server process,
# which has its own copy of this module (a forked copy, or a fresh import under
# spawn and forkserver).
task_queue = queue.Queue()
result_queue = queue.Queue()


# The server process must find these two functions by name: no lambdas.
def get_task_queue():
    return task_queue


def get_result_queue():
    return result_queue


class QueueManager(BaseManager):
    pass


QueueManager.register("get_task_queue", callable=get_task_queue)
QueueManager.register("get_result_queue", callable=get_result_queue)


def main(workers, address=ADDRESS):
    manager = QueueManager(address=address, authkey=AUTHKEY)
    manager.start()  # returns once the server process is listening
    print(f"master: serving on {address[0]}:{address[1]}")
    tasks = manager.get_task_queue()  # a proxy: each call goes to the server
    results = manager.get_result_queue()

    for n in NUMBERS:
        tasks.put(n)
    print(f"master: put {len(NUMBERS)} tasks")

    squares = []
    try:
        for _ in NUMBERS:
            squares.append(results.get(timeout=10))
    except queue.Empty:
        print(f"master: no result for 10 s, giving up with {len(squares)}")
    for n, square in sorted(squares):  # they arrive in any order
        print(f"master: {n} squared is {square}")

    for _ in range(workers):
        tasks.put(STOP)
    try:
        for _ in range(workers):
            results.get(timeout=10)  # a worker's goodbye
            print("master: a worker has stopped")
    except queue.Empty:
        print("master: a worker did not stop within 10 s")
    manager.shutdown()
    print("master: shut down")


if __name__ == "__main__":
    main(workers=1)
