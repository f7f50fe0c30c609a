import subprocess
import sys

# A child that writes Chinese as a console program on a Chinese Windows
# does: in the code page cp936 (GBK), not in UTF-8.
CHILD = "import sys; sys.stdout.buffer.write('非权威应答\\n'.encode('gbk'))"
command = [sys.executable, "-c", CHILD]

# What text=True does where the encoding is UTF-8: on Linux and macOS, and
# on Windows from Python 3.15 (UTF-8 mode).
try:
    subprocess.run(command, capture_output=True, encoding="utf-8")
except UnicodeDecodeError as error:
    print(f"encoding='utf-8': UnicodeDecodeError, {error.reason}")

# The two fixes: name the child's encoding, or keep going with placeholders.
done = subprocess.run(command, capture_output=True, encoding="gbk")
print(f"encoding='gbk': {done.stdout!r}")
done = subprocess.run(
    command, capture_output=True, encoding="utf-8", errors="replace"
)
print(f"errors='replace': {done.stdout!r}")
