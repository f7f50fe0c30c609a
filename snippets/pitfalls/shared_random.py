import multiprocessing
import random

# Made when the file is imported. Under forkserver that import happens once,
# in the fork server, and every child is a fork of it.
rng = random.Random()


def draw(results):
    results.put(rng.random())


if __name__ == "__main__":
    forkserver = multiprocessing.get_context("forkserver")
    results = forkserver.Queue()
    children = [
        forkserver.Process(target=draw, args=(results,)) for _ in range(3)
    ]
    for child in children:
        child.start()
    values = {results.get() for _ in children}
    for child in children:
        child.join()
    print(f"{len(children)} children drew {len(values)} distinct value(s)")
