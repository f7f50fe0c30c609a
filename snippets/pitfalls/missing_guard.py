import subprocess
import sys
import tempfile
from pathlib import Path

# A program that starts a child at its top level, with no __main__ guard.
UNGUARDED = """\
import multiprocessing


def work():
    print("work() ran")


forkserver = multiprocessing.get_context("forkserver")
child = forkserver.Process(target=work)
child.start()
child.join()
print("exit code of the child:", child.exitcode)
"""

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder, "unguarded.py")
        program.write_text(UNGUARDED)
        run = subprocess.run(
            [sys.executable, program],
            capture_output=True,
            text=True,
            timeout=10,
        )
    print(run.stdout, end="")
    # Of the lines of a traceback, only the last one starts with a letter
    # (after "Traceback"): "ExceptionName: message".
    for line in run.stderr.splitlines():
        if line[:1].isalpha() and not line.startswith("Traceback"):
            print("a traceback ends with", line.partition(":")[0])
    print("exit code of unguarded.py:", run.returncode)
