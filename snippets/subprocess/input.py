import subprocess
import sys

# Reads all of its standard input, writes it back in capitals.
UPPER = "import sys; print(sys.stdin.read().upper(), end='')"

if __name__ == "__main__":
    command = [sys.executable, "-c", UPPER]

    # run(): the whole input at once, as a str because of text=True.
    result = subprocess.run(
        command, input="one\ntwo\n", capture_output=True, text=True
    )
    print(f"run(input=...): {result.stdout!r}")

    # Popen: the same thing in two steps.
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    # Write, close stdin, read, wait.
    out, err = proc.communicate("three\nfour\n")
    print(
        f"communicate(): {out!r}, stderr {err!r}, returncode {proc.returncode}"
    )
