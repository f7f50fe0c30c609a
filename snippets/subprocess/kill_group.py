import os
import signal
import subprocess
import sys

# The child starts a grandchild, which inherits the child's standard output.
CHILD = """
import subprocess, sys, time
sleeper = [sys.executable, "-c", "import time; time.sleep(30)"]
grandchild = subprocess.Popen(sleeper)
print(grandchild.pid, flush=True)
time.sleep(30)
"""


def start_and_kill(new_session):
    with subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdout=subprocess.PIPE,
        start_new_session=new_session,
    ) as child:
        grandchild = int(child.stdout.readline())
        if new_session:
            os.killpg(child.pid, signal.SIGKILL)  # the child's whole group
        else:
            child.kill()  # the child only
        try:
            child.communicate(timeout=1)
            print("  output closed at once: no process is left")
        except subprocess.TimeoutExpired:
            print("  no end of output after 1 s: the grandchild holds it open")
            os.kill(grandchild, signal.SIGKILL)


if __name__ == "__main__":
    print("child.kill():")
    start_and_kill(new_session=False)
    print("os.killpg() after start_new_session=True:")
    start_and_kill(new_session=True)
