import subprocess
import sys

if __name__ == "__main__":
    print("Parent: starting the child.")
    # The child is Python itself: sys.executable is the interpreter running
    # this file, so the example works wherever Python does.
    completed = subprocess.run(
        [sys.executable, "-c", "print('Child: hello.')"]
    )
    print(f"Parent: the child exited with code {completed.returncode}.")
