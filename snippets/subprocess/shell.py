import subprocess
import sys
import tempfile
from pathlib import Path

# Prints the arguments it was given, as a list.
SHOW_ARGS = "import sys; print(sys.argv[1:])"

if __name__ == "__main__":
    name = "World > owned.txt"  # imagine this came from a web form
    with tempfile.TemporaryDirectory() as folder:
        # One string, parsed by the shell: /bin/sh on POSIX, cmd.exe on
        # Windows.
        command = f'"{sys.executable}" -c "{SHOW_ARGS}" {name}'
        shell = subprocess.run(
            command, shell=True, cwd=folder, capture_output=True, text=True
        )
        print(f"With shell=True the program printed {shell.stdout!r}.")
        created = Path(folder, "owned.txt")
        print(f"The shell created {created.name}: {created.read_text()!r}")

        # A list: no shell, and the program gets the string as one argument.
        listed = subprocess.run(
            [sys.executable, "-c", SHOW_ARGS, name],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        print(f"With a list the program printed {listed.stdout!r}.")
