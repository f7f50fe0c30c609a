import logging
import multiprocessing
import sys

log = logging.getLogger("app")


def work(number):
    log.info("worker %d: step 1", number)
    log.warning("worker %d: disk almost full", number)


if __name__ == "__main__":
    # Configured here, under the guard: a spawned child never runs this.
    logging.basicConfig(
        stream=sys.stdout,
        level=logging.INFO,
        format="%(processName)s %(levelname)s %(message)s",
    )
    log.info("starting one worker")
    spawn = multiprocessing.get_context("spawn")
    worker = spawn.Process(target=work, args=(1,), name="worker-1")
    worker.start()
    worker.join()
    log.info("worker done")
