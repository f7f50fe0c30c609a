import subprocess
import sys
import tempfile
from pathlib import Path

# What a reader types into `python` (or a notebook cell): square() is defined
# in the session itself, so it lives in the session's __main__ module.
TYPED_IN = """
import multiprocessing

def square(x):
    return x * x

spawn = multiprocessing.get_context("spawn")
child = spawn.Process(target=square, args=(3,))
child.start()
child.join()
print("exit code of the child:", child.exitcode)
"""

# The fix: the same session, with square() imported from a file.
IMPORTED = TYPED_IN.replace(
    "def square(x):\n    return x * x\n", "from tasks import square\n"
)


def run_session(code, folder):
    # `python -c code` runs code that comes from no file, like what is typed
    # into the interactive interpreter or a Jupyter notebook.
    session = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=10,
    )
    print(session.stdout, end="")
    errors = session.stderr.splitlines()
    if errors:
        # The last line of the traceback is "ExceptionName: message"; the
        # message is worded differently by different Python versions.
        print("the child failed with", errors[-1].partition(":")[0])


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "tasks.py").write_text(
            "def square(x):\n    return x * x\n"
        )
        print("--- square() typed into the session")
        run_session(TYPED_IN, folder)
        print("--- square() imported from tasks.py")
        run_session(IMPORTED, folder)
