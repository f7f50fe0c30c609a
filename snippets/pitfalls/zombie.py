import multiprocessing
import subprocess
from multiprocessing.connection import wait


def state(pid):
    """The process's state as `ps` reports it: Z for a zombie."""
    ps = subprocess.run(
        ["ps", "-o", "stat=", "-p", str(pid)], capture_output=True
    )
    return ps.stdout.decode().strip()[:1] or "gone"


def work():
    pass


if __name__ == "__main__":
    fork = multiprocessing.get_context("fork")

    child = fork.Process(target=work)
    child.start()
    wait([child.sentinel])  # returns once the child has ended; reaps nothing
    print(f"child 1 has ended, not joined: state {state(child.pid)}")
    child.join()
    print(
        f"after join(): state {state(child.pid)}, exit code {child.exitcode}"
    )

    child = fork.Process(target=work)
    child.start()
    wait([child.sentinel])
    print(f"child 2 has ended, not joined: state {state(child.pid)}")
    print(f"active_children() lists {len(multiprocessing.active_children())}")
    print(f"after active_children(): state {state(child.pid)}")
