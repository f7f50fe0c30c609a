import queue
import time
from multiprocessing import Process, Queue


def read(q, seen):
    while True:
        item = q.get()  # waits here, holding the queue's read lock
        print(f"reader: got {item!r}")
        seen.put(item)


if __name__ == "__main__":
    q, seen = Queue(), Queue()
    reader = Process(target=read, args=(q, seen))
    reader.start()
    for item in "ABC":
        q.put(item)
        seen.get()  # the reader has taken it
    time.sleep(1)  # by now the reader is back in q.get(), waiting
    reader.terminate()
    reader.join()
    print(f"parent: reader ended with exit code {reader.exitcode}")
    q.put("D")
    try:
        print(f"parent: got {q.get(timeout=2)!r}")
    except queue.Empty:
        print("parent: 'D' is in the queue, but get() timed out")
