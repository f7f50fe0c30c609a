import subprocess
import sys
import warnings

SLEEPER = [sys.executable, "-c", "import time; time.sleep(0.5)"]

if __name__ == "__main__":
    warnings.simplefilter("default")  # ResourceWarning is hidden otherwise
    with warnings.catch_warnings(record=True) as caught:
        child = subprocess.Popen(SLEEPER)
        del child  # forgotten while the child runs
        with subprocess.Popen(SLEEPER) as child:
            pass  # leaving the block waits for the child
    for warning in caught:
        print(f"{warning.category.__name__}: {warning.message}")
    print(f"after the with block: exit code {child.returncode}")
