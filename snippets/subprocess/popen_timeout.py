import subprocess
import sys

SLEEPER = [sys.executable, "-c", "import time; time.sleep(5)"]

if __name__ == "__main__":
    proc = subprocess.Popen(SLEEPER)
    try:
        proc.communicate(timeout=0.2)
    except subprocess.TimeoutExpired:
        # Popen only stops waiting: the child is still there.
        print(
            f"After the timeout, the child is running: {proc.poll() is None}"
        )
        proc.kill()
        proc.communicate()  # wait for it to die, and collect it
    print(f"After kill() and communicate(): {proc.poll() is None}")
