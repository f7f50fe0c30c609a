"""Shared set-up: which interpreters to use, and the leftover-process guard."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest
from filelock import FileLock

from tests.checker import record
from tests.checker.interpreters import Interpreter, discover
from tests.checker.run import RUN_MARK
from tests.checker.site import BuiltSite, build, free_local_url

# MkDocs loads each hook with its folder on the path, so hooks import one
# another by bare name (`import printed_by`); the tests import them as
# `hooks.name`, and need the same folder for those imports. Appended, so that
# no hook's name can shadow an installed module.
sys.path.append(str(Path(__file__).resolve().parents[1] / "hooks"))


def pytest_configure(config: pytest.Config) -> None:
    # Set once in the controller; xdist workers inherit it, so every run of
    # this session carries the same mark.
    os.environ.setdefault(RUN_MARK, uuid.uuid4().hex)


def _strict_build(folder: Path) -> BuiltSite:
    site = BuiltSite(folder / "site", free_local_url())
    result = build(site.path, url=site.url)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site


def _shared_build(shared: Path) -> BuiltSite:
    """Build into `shared` unless another xdist worker of this session already has."""
    with FileLock(shared / "build.lock"):
        done = shared / "build-url.txt"
        if not done.exists():
            done.write_text(_strict_build(shared).url, "utf-8")
        return BuiltSite(shared / "site", done.read_text("utf-8"))


# Programs run for real, the notebooks longest: they mostly wait, on purpose.
_WAITING = ("test_notebooks.py", "test_snippets.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The waiting programs first, notebooks first among them; then the quick
    tests; the tests of the built site, which keep a core busy, last.

    xdist's worksteal gives the first half of this list to one worker and the
    second half to the other: one runs the programs, starting with the
    longest, while the other runs the quick tests beside the build (see
    below) and then the browser. Each steals from the other's end when done.
    With both halves starting on programs, a third of the time the cores sat
    idle; with the notebooks last, one core ran them alone at the end.
    """

    def order(item: pytest.Item) -> int:
        if item.path.name in _WAITING:
            return _WAITING.index(item.path.name)
        return 3 if "built_site" in item.fixturenames else 2

    items.sort(key=order)


@pytest.fixture(scope="session", autouse=True)
def _site_build(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, worker_id: str
) -> Iterator[Future[BuiltSite] | None]:
    """Start the strict build with the session, in the background, if any test needs it.

    The build is a subprocess of about 6 s; other tests run meanwhile (see the
    order above).
    xdist workers share one build: the first to take the lock makes it.
    """
    if not any("built_site" in item.fixturenames for item in request.session.items):
        yield None
        return
    with ThreadPoolExecutor(max_workers=1) as background:
        if worker_id == "master":
            yield background.submit(_strict_build, tmp_path_factory.mktemp("build"))
        else:  # the session's temporary folder, common to its workers
            yield background.submit(_shared_build, tmp_path_factory.getbasetemp().parent)


@pytest.fixture(scope="session")
def built_site(_site_build: Future[BuiltSite]) -> BuiltSite:
    """The strict build of this session, served by tests/browser and read by the site checks."""
    return _site_build.result()


_interpreters: list[Interpreter] | None = None


def interpreters() -> list[Interpreter]:
    """The interpreters chosen by $INTERPRETERS (default: the one running pytest)."""
    global _interpreters
    if _interpreters is None:
        _interpreters = discover(os.environ.get("INTERPRETERS", "default"))
    return _interpreters


def pytest_report_header(config: pytest.Config) -> str:
    """Which releases this session runs the programs on, so that a run on
    fewer than the machine can have is visible at the top of its log."""
    found = ", ".join(i.release for i in interpreters())
    return f"interpreters (INTERPRETERS={os.environ.get('INTERPRETERS', 'default')}): {found}"


def _leftovers(mark: str) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(RUN_MARK) == mark and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
    return found


_runs: list[dict[str, object]] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # In the controller, reports arrive from every xdist worker.
    run = record.outcome(report)
    if run is not None:
        _runs.append(run)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Record what was verified; fail if any process of a snippet run is still alive."""
    if hasattr(session.config, "workerinput"):
        return  # only the controller looks, once every worker is done
    if _runs:
        record.write(_runs)
    left = _leftovers(os.environ[RUN_MARK])
    if left:
        names = ", ".join(f"{p.pid} {' '.join(p.cmdline())[:80]}" for p in left)
        for proc in left:
            proc.kill()
        session.config.get_terminal_writer().line(
            f"LEFTOVER PROCESSES from snippet runs (now killed): {names}", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
