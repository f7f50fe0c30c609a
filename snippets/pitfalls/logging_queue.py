import logging
import logging.handlers
import multiprocessing
import sys

log = logging.getLogger("app")


def send_logs_to(queue):
    # Every process, the parent included, sends its records to the queue.
    root = logging.getLogger()
    root.handlers.clear()  # a forked child inherits its parent's handlers
    root.addHandler(logging.handlers.QueueHandler(queue))
    root.setLevel(logging.INFO)


def work(queue, number):
    send_logs_to(queue)
    log.info("worker %d: step 1", number)
    log.warning("worker %d: disk almost full", number)


if __name__ == "__main__":
    queue = multiprocessing.Queue()
    # The only handler that writes: it will run in a thread of the parent.
    console = logging.StreamHandler(sys.stdout)
    console.setFormatter(
        logging.Formatter("%(processName)s %(levelname)s %(message)s")
    )
    listener = logging.handlers.QueueListener(queue, console)
    send_logs_to(queue)

    workers = [
        multiprocessing.Process(
            target=work, args=(queue, n), name=f"worker-{n}"
        )
        for n in (1, 2)
    ]
    for worker in workers:
        worker.start()
    # Only now start the listener and let the parent log: under fork, no
    # thread may run in the parent while it forks, and the parent's first
    # record starts the queue's feeder thread. Records wait in the queue.
    listener.start()
    for worker in workers:
        worker.join()
    log.info("all workers done")
    listener.stop()  # writes what is still queued, then ends the thread
