import subprocess
import sys

# Writes numbered lines forever, like the Unix `yes`, until nobody reads them.
PRODUCER = """
import os, sys
n = 0
try:
    while True:
        n += 1
        print(f"line {n}")
except OSError:  # BrokenPipeError; on Windows, OSError with EINVAL
    # Point stdout at the null device, so that the final flush at exit
    # does not fail a second time, and stop.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)
"""

# Reads three lines, prints them in capitals, exits.
HEAD = """
import sys
for _ in range(3):
    print(sys.stdin.readline().upper(), end="")
"""

if __name__ == "__main__":
    producer = subprocess.Popen(
        [sys.executable, "-c", PRODUCER], stdout=subprocess.PIPE
    )
    head = subprocess.Popen(
        [sys.executable, "-c", HEAD],
        stdin=producer.stdout,  # the producer's output is head's input
        stdout=subprocess.PIPE,
        text=True,
    )
    # head has its own copy of the read end now. Close ours, so that when
    # head exits, nobody reads the pipe and the producer's next write fails.
    producer.stdout.close()
    out, _ = head.communicate()
    print(f"head printed: {out!r}")
    print(f"The producer stopped with exit code {producer.wait()}.")
