"""The CPython interpreters that snippets run on.

INTERPRETERS=default (what `make test` uses) means the interpreter running
the tests; INTERPRETERS=all (what .ci/run uses) adds one of each other
CPython 3.11+ found on PATH, under pyenv or in the Debian root that `make
interpreters` builds (debian_root.py): of two patch releases of one minor
version, the newest, since a claim about 3.13 is a claim about its newest
release; a comma-separated list of paths names them exactly.

Snippets may import the third-party packages of snippets/requirements.txt.
The project's venv has them; for every other interpreter the checker makes
a venv of its own under .cache/interpreters/, once per version of that lock.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from filelock import FileLock

from . import debian_root
from .snippets import ROOT, SNIPPETS

SNIPPET_LOCK = SNIPPETS / "requirements.txt"
VENVS = ROOT / ".cache" / "interpreters"

MINIMUM = (3, 11)

_PROBE = """
import json, multiprocessing as mp, sys, sysconfig
print(json.dumps({
    "version": list(sys.version_info[:3]),
    "stdlib": sysconfig.get_paths()["stdlib"],
    "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "default_start_method": mp.get_start_method(),
    "start_methods": mp.get_all_start_methods(),
}))
"""


@dataclass(frozen=True)
class Interpreter:
    executable: str
    version: tuple[int, int, int]
    free_threaded: bool
    default_start_method: str
    start_methods: tuple[str, ...]
    stdlib: str  # its standard library's folder (see neutral.py)

    @property
    def label(self) -> str:
        """Short name used in test IDs: py3.12, py3.14t."""
        return f"py{self.version[0]}.{self.version[1]}{'t' if self.free_threaded else ''}"

    @property
    def release(self) -> str:
        """The release as pages and records write it: 3.14.10, 3.14.7t."""
        return ".".join(map(str, self.version)) + ("t" if self.free_threaded else "")

    def missing(self, modules: tuple[str, ...]) -> list[str]:
        """Those of the named modules this interpreter cannot import."""
        return _missing(self.executable, modules) if modules else []


@cache
def _missing(executable: str, modules: tuple[str, ...]) -> list[str]:
    code = (
        "import importlib.util as u, sys; print(*[m for m in sys.argv[1:] if not u.find_spec(m)])"
    )
    out = subprocess.run(
        [executable, "-c", code, *modules], capture_output=True, text=True, check=True
    ).stdout
    return out.split()


def probe(executable: str) -> Interpreter | None:
    """Ask an interpreter what it is; None when it is not a usable CPython 3.11+."""
    try:
        out = subprocess.run(
            [executable, "-c", _PROBE],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    info = json.loads(out)
    version = tuple(info["version"])
    if version[:2] < MINIMUM:
        return None
    return Interpreter(
        executable=executable,
        version=version,
        free_threaded=info["free_threaded"],
        default_start_method=info["default_start_method"],
        start_methods=tuple(info["start_methods"]),
        stdlib=info["stdlib"],
    )


def _candidates() -> list[str]:
    found = [sys.executable]
    for minor in range(MINIMUM[1], 20):
        for suffix in ("", "t"):
            path = shutil.which(f"python3.{minor}{suffix}")
            if path:
                found.append(path)
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    found += sorted(str(p) for p in pyenv_root.glob("versions/*/bin/python3"))
    return found + debian_root.found()


def venv_with(interpreter: Interpreter, lock: Path, name: str) -> tuple[str | None, str]:
    """A venv of this CPython with a hashed lock installed, made once per
    version of the lock: (its python, "") or (None, why it could not be made).

    A venv of an interpreter in the Debian root links to the root's
    /usr/bin, so it runs only in there: its python is then a script that
    enters the root (debian_root.wrap), rewritten each time, since the root
    may be new.
    """
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()[:12]
    home = VENVS / name
    python = home / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    rooted = debian_root.contains(interpreter.executable)
    command = home / "outside" if rooted else python
    stamp = home / f".installed-{digest}"
    VENVS.mkdir(parents=True, exist_ok=True)
    with FileLock(home.with_suffix(".lock")):  # xdist workers discover at the same time
        if not stamp.exists():
            shutil.rmtree(home, ignore_errors=True)
            subprocess.run([interpreter.executable, "-m", "venv", str(home)], check=True)
        if rooted:
            debian_root.wrap(str(python), command)
        if not stamp.exists():
            install = subprocess.run(
                [str(command), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
                + ["--require-hashes", "--no-deps", "-r", str(lock)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if install.returncode != 0:
                return None, install.stderr
            stamp.touch()
    return str(command), ""


def with_snippet_packages(interpreter: Interpreter) -> Interpreter:
    """The same CPython in a venv that has the snippets' packages, made once.

    If the packages cannot be installed (no wheel for that version, say), the
    bare interpreter is kept and the snippets that need them are skipped
    there, each with the reason.
    """
    name = f"{interpreter.label}-{interpreter.release}"
    python, why = venv_with(interpreter, SNIPPET_LOCK, name)
    if python is None:
        print(f"snippet packages not installed for {interpreter.label}:\n{why}")
        return interpreter
    return probe(python) or interpreter


def discover(selection: str) -> list[Interpreter]:
    """The interpreters named by an INTERPRETERS value, one per version."""
    if selection == "default":
        paths = [sys.executable]
    elif selection == "all":
        paths = _candidates()
    else:
        paths = [p.strip() for p in selection.split(",") if p.strip()]
    chosen = newest_of_each(filter(None, map(probe, paths)))
    if not chosen:
        raise RuntimeError(f"no CPython {MINIMUM[0]}.{MINIMUM[1]}+ among {paths}")
    return [i if i.executable == sys.executable else with_snippet_packages(i) for i in chosen]


def newest_of_each(found: Iterable[Interpreter]) -> list[Interpreter]:
    """One interpreter per minor version and build (3.14, 3.14t): its newest
    patch release, and of two equal ones the first found."""
    chosen: dict[tuple[int, int, bool], Interpreter] = {}
    for interpreter in found:
        key = (*interpreter.version[:2], interpreter.free_threaded)
        if key not in chosen or interpreter.version > chosen[key].version:
            chosen[key] = interpreter
    return sorted(chosen.values(), key=lambda i: (i.version[:2], i.free_threaded))
