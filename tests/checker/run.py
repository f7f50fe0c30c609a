"""Run a snippet the way a reader does: `python name.py` in its folder, in a fresh process.

stdout and stderr of the parent and all its children go into one pipe, as
they share one terminal for the reader. On POSIX each run gets its own
process group, and the whole group is killed when the run ends or times
out, so nothing outlives it; on Windows the process tree is killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from .interpreters import Interpreter
from .snippets import Snippet

RUNTIME = Path(__file__).with_name("runtime")

# Marks every process a snippet run starts, so leftovers can be found
# (see tests/conftest.py) even after they were re-parented.
RUN_MARK = "SNIPPET_CHECKER_RUN"

# Variables that would make a run differ from a reader's plain `python x.py`.
_DROPPED = {
    "PYTHONPATH",
    "PYTHONSTARTUP",
    "PYTHONWARNINGS",
    "PYTHONUNBUFFERED",
    "PYTHONDEVMODE",
    "PYTHONASYNCIODEBUG",
    "PYTHONINSPECT",
    "PYTHONSAFEPATH",
    "PYTHON_GIL",
}


@dataclass(frozen=True)
class Run:
    command: str
    output: str
    returncode: int | None
    timed_out: bool
    seconds: float


def environment(start_method: str | None, buffering: str, mark: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env.update(
        PYTHONPATH=str(RUNTIME),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONIOENCODING="utf-8",
        SNIPPET_BUFFERING=buffering,
        **{RUN_MARK: mark},
    )
    if start_method:
        env["SNIPPET_START_METHOD"] = start_method
    return env


def _group(pgid: int) -> list[psutil.Process]:
    members = []
    for proc in psutil.process_iter():
        try:
            if os.getpgid(proc.pid) == pgid and proc.status() != psutil.STATUS_ZOMBIE:
                members.append(proc)
        except (OSError, psutil.Error):
            continue
    return members


def _kill_tree(proc: subprocess.Popen[bytes]) -> None:
    """Kill the run's whole process tree and wait until it is really gone."""
    if sys.platform == "win32":
        try:
            members = [*psutil.Process(proc.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            members = []
        for member in members:
            member.kill()
        proc.kill()
        psutil.wait_procs(members, timeout=5)
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    # SIGKILL is delivered asynchronously; a dying process is not yet gone.
    deadline = time.monotonic() + 5
    while _group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.01)


def run_snippet(
    snippet: Snippet, interpreter: Interpreter, start_method: str | None, mark: str
) -> Run:
    """Run once; the start method is forced only where it is not the interpreter's default."""
    forced = start_method if start_method != interpreter.default_start_method else None
    command = f"python {snippet.path.name}"
    if forced:
        command = f"SNIPPET_START_METHOD={forced} {command}"
    popen_options: dict[str, object] = (
        {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
        if sys.platform == "win32"
        else {"start_new_session": True}
    )
    started = time.monotonic()
    proc = subprocess.Popen(
        [interpreter.executable, snippet.path.name],
        cwd=snippet.path.parent,
        env=environment(forced, snippet.spec.buffering, mark),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        **popen_options,
    )
    timed_out = False
    try:
        out, _ = proc.communicate(timeout=snippet.spec.timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_tree(proc)
        try:
            out, _ = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired as still_open:
            # A process outside the group holds the pipe; keep what came.
            out = still_open.output or b""
    finally:
        # Also after a clean exit: a helper such as multiprocessing's
        # resource tracker may still be in the group.
        _kill_tree(proc)
    return Run(
        command=command,
        output=out.decode("utf-8", errors="replace").replace("\r\n", "\n"),
        returncode=None if timed_out else proc.returncode,
        timed_out=timed_out,
        seconds=time.monotonic() - started,
    )
