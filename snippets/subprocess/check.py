import subprocess
import sys

FAILING = """
import sys
print("cannot open settings.ini", file=sys.stderr)
sys.exit(3)
"""

if __name__ == "__main__":
    command = [sys.executable, "-c", FAILING]

    result = subprocess.run(command, capture_output=True, text=True)
    print(f"Without check: no exception, returncode is {result.returncode}.")

    try:
        subprocess.run(command, capture_output=True, text=True, check=True)
    except subprocess.CalledProcessError as exc:
        code = exc.returncode
        print(f"With check=True: CalledProcessError, returncode {code}.")
        print(f"The child's stderr travels with it: {exc.stderr!r}")
