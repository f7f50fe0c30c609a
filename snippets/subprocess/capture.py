import subprocess
import sys

CHILD = """
import sys
print("two lines")
print("on stdout")
print("and one on stderr", file=sys.stderr)
"""

if __name__ == "__main__":
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,  # stdout and stderr into pipes, not the terminal
        text=True,  # decode bytes to str, and turn \r\n into \n
    )
    print(f"returncode: {result.returncode}")
    print(f"stdout: {result.stdout!r}")
    print(f"stderr: {result.stderr!r}")
    print(f"lines: {result.stdout.splitlines()}")
