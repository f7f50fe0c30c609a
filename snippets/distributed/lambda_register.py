import multiprocessing
import queue
from multiprocessing.managers import BaseManager

task_queue = queue.Queue()


class QueueManager(BaseManager):
    pass


# As in the widely copied task_master.py: the callable is a lambda.
QueueManager.register("get_task_queue", callable=lambda: task_queue)


if __name__ == "__main__":
    # The default on Windows and macOS.
    spawn = multiprocessing.get_context("spawn")
    # Port 0: any free port; this server never gets as far as listening.
    manager = QueueManager(address=("127.0.0.1", 0), authkey=b"abc", ctx=spawn)
    try:
        manager.start()
    except Exception as exc:
        # The message up to its first colon: the reason given after it can
        # be worded differently from one Python version to another.
        print(f"manager.start() failed: {type(exc).__name__}")
        print(str(exc).partition(": ")[0])
    else:
        print("manager.start() worked")
        manager.shutdown()
