# Chinese text as a console program on a Chinese Windows writes it:
# in the console's code page, cp936 (GBK), not UTF-8.
output = "非权威应答:\n".encode("cp936")
print(f"bytes: {output!r}")
try:
    output.decode("utf-8")
except UnicodeDecodeError as exc:
    print(f"decode('utf-8'): UnicodeDecodeError: {exc}")
print(f"decode('cp936'): {output.decode('cp936')!r}")
