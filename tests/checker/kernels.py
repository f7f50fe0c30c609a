"""A Jupyter kernel on another interpreter, so that notebooks run on every CPython chosen.

The notebooks run in a kernel, not as `python file.py`. The venv that runs
the tests has ipykernel; any other interpreter (pyenv's, or one in the
Debian root) gets a venv of its own under .cache/interpreters/ with the
project's hashed lock, which pins ipykernel and what it needs, made once per
version of that lock. Its kernel spec lives in that venv, and its connection
file in /tmp, the folder that a kernel in the Debian root can see.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

from .interpreters import VENVS, Interpreter, venv_with
from .snippets import ROOT

LOCK = ROOT / "requirements.txt"
NAME = "checker"


class KernelUnavailable(RuntimeError):
    """No kernel can be made for this interpreter; the message says why."""


def _venv(interpreter: Interpreter) -> Path:
    """The interpreter's kernel venv, with its kernel spec."""
    name = f"{interpreter.label}-{interpreter.release}-kernel"
    python, why = venv_with(interpreter, LOCK, name)
    if python is None:
        raise KernelUnavailable(f"the lock did not install: {why[-500:]}")
    home = VENVS / name
    spec = home / "share" / "jupyter" / "kernels" / NAME
    spec.mkdir(parents=True, exist_ok=True)
    argv = [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": interpreter.label, "language": "python"}),
        "utf-8",
    )
    return home


def kernel_manager(interpreter: Interpreter | None) -> KernelManager:
    """A kernel manager that starts a kernel on `interpreter` (None: this Python)."""
    if interpreter is None or interpreter.executable == sys.executable:
        return KernelManager(kernel_name="python3")
    home = _venv(interpreter)
    specs = KernelSpecManager(kernel_dirs=[str(home / "share" / "jupyter" / "kernels")])
    connection = tempfile.NamedTemporaryFile(prefix="kernel-", suffix=".json", dir="/tmp")
    connection.close()  # the kernel manager writes it; /tmp is seen from the Debian root
    return KernelManager(
        kernel_name=NAME, kernel_spec_manager=specs, connection_file=connection.name
    )
