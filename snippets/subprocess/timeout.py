import subprocess
import sys
import time

SLEEPER = [sys.executable, "-c", "import time; time.sleep(5)"]

if __name__ == "__main__":
    start = time.perf_counter()
    try:
        subprocess.run(SLEEPER, timeout=0.2)
    except subprocess.TimeoutExpired:
        # run() has already killed the child and waited for it to end.
        print("TimeoutExpired: the child did not finish within 0.2 s.")
    print(
        f"run() came back after {time.perf_counter() - start:.1f} s, not 5 s."
    )
