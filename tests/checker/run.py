"""Run a snippet the way a reader does: `python name.py` in its folder, in a fresh process.

stdout and stderr of the parent and all its children go into one pipe, as
they share one terminal for the reader. On POSIX each run gets its own
process group, and the whole group is killed when the run ends or times
out, so nothing outlives it; on Windows the process tree is killed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
from filelock import FileLock

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


def _command(snippet: Snippet, forced: str | None) -> str:
    command = f"python {snippet.path.name}"
    return f"SNIPPET_START_METHOD={forced} {command}" if forced else command


class _Program:
    """One program of a run, started now, its output read as it comes."""

    def __init__(self, snippet: Snippet, executable: str, env: dict[str, str]) -> None:
        self.snippet = snippet
        self.started = time.monotonic()
        self.ended: float | None = None  # when it was seen to exit
        popen_options: dict[str, object] = (
            {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
            if sys.platform == "win32"
            else {"start_new_session": True}
        )
        self.proc = subprocess.Popen(
            [executable, snippet.path.name],
            cwd=snippet.path.parent,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            **popen_options,
        )
        self.chunks: list[bytes] = []
        self.first_line = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.chunks.append(line)
            self.first_line.set()
        self.first_line.set()  # also at end of output: nothing more will come

    def wait(self, deadline: float) -> bool:
        """True when the program exited before the deadline.

        Popen.wait(timeout) polls, at most every 50 ms: each run took up to
        that long more to be seen ending, and every measured time came in
        50 ms steps. Where Linux gives a descriptor for the process, the
        wait is woken by the exit itself.
        """
        remaining = max(deadline - time.monotonic(), 0)
        try:
            pidfd = os.pidfd_open(self.proc.pid)  # type: ignore[attr-defined]
        except (AttributeError, OSError):  # not Linux 5.3+
            try:
                self.proc.wait(timeout=remaining)
            except subprocess.TimeoutExpired:
                return False
        else:
            # poll(), not select(): a descriptor past 1023 is fine.
            waiting = select.poll()
            waiting.register(pidfd, select.POLLIN)
            try:
                if not waiting.poll(remaining * 1000):
                    return False
            finally:
                os.close(pidfd)
            self.proc.wait()
        self.ended = time.monotonic()
        return True

    def finish(self, command: str, timed_out: bool) -> Run:
        # Also after a clean exit: a helper such as multiprocessing's
        # resource tracker may still be in the group.
        _kill_tree(self.proc)
        # A process outside the group may still hold the pipe; keep what came.
        self._reader.join(timeout=5)
        return Run(
            command=command,
            output=b"".join(self.chunks).decode("utf-8", errors="replace").replace("\r\n", "\n"),
            returncode=None if timed_out else self.proc.returncode,
            timed_out=timed_out,
            seconds=(self.ended or time.monotonic()) - self.started,
        )


def readers_start_method(snippet: Snippet, interpreter: Interpreter) -> str | None:
    """The start method a reader's plain `python name.py` gets: the
    interpreter's default, or None for a program without multiprocessing."""
    if snippet.start_methods(interpreter.start_methods) == (None,):
        return None
    return interpreter.default_start_method


@contextlib.contextmanager
def _one_group_at_a_time(snippet: Snippet) -> Iterator[None]:
    """Programs run together talk over a fixed port: one such run per snippet
    folder at a time (a chapter's groups may share a port), across all test
    workers and interpreters, whether the run is checked, traced for a
    figure or recorded (two traced runs of distributed/task_master, on two
    interpreters at once, met on its port: `Address already in use`)."""
    if not snippet.companions:
        yield
        return
    key = hashlib.sha256(str(snippet.path.parent).encode()).hexdigest()[:16]
    with FileLock(Path(tempfile.gettempdir()) / f"snippet-group-{key}.lock"):
        yield


def run_group(
    snippet: Snippet,
    interpreter: Interpreter,
    start_method: str | None,
    mark: str,
    extra_env: dict[str, str] | None = None,
) -> list[Run]:
    """Run a snippet and the programs declared `together` with it, one Run each.

    Each companion starts once the program before it has printed its first
    line, as a reader starts a worker after the server says it listens. The
    snippet's timeout bounds the whole group. The start method is forced
    only where it is not the interpreter's default. `extra_env` is for the
    traced runs of the timeline figures (timeline.py) only.
    """
    forced = start_method if start_method != interpreter.default_start_method else None
    env = {**environment(forced, snippet.spec.buffering, mark), **(extra_env or {})}
    with _one_group_at_a_time(snippet):
        deadline = time.monotonic() + snippet.spec.timeout
        programs = [_Program(snippet, interpreter.executable, env)]
        for companion in snippet.companions:
            programs[-1].first_line.wait(timeout=max(deadline - time.monotonic(), 0))
            if time.monotonic() >= deadline:
                break
            programs.append(_Program(companion, interpreter.executable, env))
        # Companions first: the leader typically waits for them.
        exited = {id(p): p.wait(deadline) for p in reversed(programs)}
        return [p.finish(_command(p.snippet, forced), not exited[id(p)]) for p in programs]
