"""A Jupyter kernel on another interpreter, so that notebooks run on every CPython chosen.

The notebooks run in a kernel, not as `python file.py`. The venv that runs
the tests has ipykernel; any other interpreter (pyenv's, or one in the
Debian root) gets a venv of its own under .cache/interpreters/ with the
project's hashed lock, which pins ipykernel and what it needs, made once per
version of that lock. Its kernel spec lives in that venv, and its connection
file in /tmp, the folder that a kernel in the Debian root can see.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from filelock import FileLock
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

from . import debian_root
from .interpreters import VENVS, Interpreter, probe
from .snippets import ROOT

LOCK = ROOT / "requirements.txt"
NAME = "checker"


class KernelUnavailable(RuntimeError):
    """No kernel can be made for this interpreter; the message says why."""


def _venv(interpreter: Interpreter) -> Path:
    """The interpreter's kernel venv, made and filled once per version of the lock."""
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()[:12]
    home = VENVS / f"{interpreter.label}-{'.'.join(map(str, interpreter.version))}-kernel"
    python = home / "bin" / "python"
    rooted = debian_root.contains(interpreter.executable)
    outside = home / "outside" if rooted else python
    stamp = home / f".installed-{digest}"
    VENVS.mkdir(parents=True, exist_ok=True)
    with FileLock(home.with_suffix(".lock")):
        if not stamp.exists():
            shutil.rmtree(home, ignore_errors=True)
            subprocess.run([interpreter.executable, "-m", "venv", str(home)], check=True)
        if rooted:  # the venv's python links into the root: it runs only in there
            debian_root.wrap(str(python), outside)
        if not stamp.exists():
            install = subprocess.run(
                [str(outside), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
                + ["--require-hashes", "--no-deps", "-r", str(LOCK)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if install.returncode != 0:
                raise KernelUnavailable(f"the lock did not install: {install.stderr[-500:]}")
            stamp.touch()
    spec = home / "share" / "jupyter" / "kernels" / NAME
    spec.mkdir(parents=True, exist_ok=True)
    argv = [str(outside), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": interpreter.label, "language": "python"}),
        "utf-8",
    )
    return home


def kernel_manager(interpreter: Interpreter | None) -> KernelManager:
    """A kernel manager that starts a kernel on `interpreter` (None: this Python)."""
    if interpreter is None or interpreter.executable == sys.executable:
        return KernelManager(kernel_name="python3")
    if probe(interpreter.executable) is None:
        raise KernelUnavailable(f"{interpreter.executable} does not run")
    home = _venv(interpreter)
    specs = KernelSpecManager(kernel_dirs=[str(home / "share" / "jupyter" / "kernels")])
    connection = tempfile.NamedTemporaryFile(prefix="kernel-", suffix=".json", dir="/tmp")
    connection.close()  # the kernel manager writes it; /tmp is seen from the Debian root
    return KernelManager(
        kernel_name=NAME, kernel_spec_manager=specs, connection_file=connection.name
    )
