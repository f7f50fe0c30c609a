import subprocess
import sys

PRODUCER = """
import os, sys
n = 0
try:
    while True:
        n += 1
        print(f"line {n}")
except OSError:  # BrokenPipeError; on Windows, OSError with EINVAL
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)
"""

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
        stdin=producer.stdout,
        stdout=subprocess.PIPE,
        text=True,
    )
    # The mistake: producer.stdout is not closed here.
    out, _ = head.communicate()
    print(f"head printed: {out!r}")
    try:
        producer.wait(timeout=0.5)
    except subprocess.TimeoutExpired:
        print("After 0.5 s the producer is still running, stuck in a write.")
    producer.stdout.close()  # the last read end: now its write fails
    code = producer.wait()
    print(f"Closed our copy: the producer stopped with exit code {code}.")
