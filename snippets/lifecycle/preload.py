import sys
from multiprocessing import get_context


def is_loaded(name, answers):
    answers.put(name in sys.modules)


if __name__ == "__main__":
    ctx = get_context("forkserver")
    ctx.set_forkserver_preload(["__main__", "decimal"])
    answers = ctx.Queue()
    child = ctx.Process(target=is_loaded, args=("decimal", answers))
    child.start()
    print(f"decimal already imported in the child: {answers.get()}")
    child.join()
    print(f"decimal imported in the parent: {'decimal' in sys.modules}")
