import os
import re
import subprocess
import sys
from multiprocessing import Process

# The output printed under the chapter's Process example
SHOWN = [
    "Parent process 928.",
    "Child process will start.",
    "Run child process test (929)...",
    "Process end.",
]


def run_proc(name):
    print(f"Run child process {name} ({os.getpid()})...")


def example():  # the same prints as the chapter's code
    print(f"Parent process {os.getpid()}.")
    p = Process(target=run_proc, args=("test",))
    print("Child process will start.")
    p.start()
    p.join()
    print("Child process end.")


def without_pids(line):
    return re.sub(r"\d+", "N", line)


if __name__ == "__main__":
    if sys.argv[1:] == ["example"]:
        example()
        sys.exit()
    env = dict(os.environ, PYTHONUNBUFFERED="1")  # lines in the order printed
    run = subprocess.run(
        [sys.executable, __file__, "example"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    for got, shown in zip(run.stdout.splitlines(), SHOWN, strict=True):
        if without_pids(got) == without_pids(shown):
            print(f"same     {shown}")
        else:
            print(f"differs  printed {got!r}, shown {shown!r}")
