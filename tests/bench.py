"""`make bench`: how long the build and the test suite take, and how big the site is.

A benchmark, not a test: it prints figures and never fails on them, each
beside its target (set for a 2-core machine).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from tests.checker.snippets import ROOT

BUILD_TARGET = 5.0  # seconds
SUITE_TARGET = 60.0  # seconds


def _busy_cpu() -> float:
    """CPU seconds the whole machine has spent busy so far, on all cores.

    The OS adds a process's CPU time to its parent's only once the parent has
    waited for it, and many of the suite's processes are never waited for by
    an ancestor of ours (xdist's workers, Chromium's renderers, the orphans of
    a killed snippet): counted that way, one run showed 61 s of about 135 s.
    The machine's own counters see all of it; on an otherwise idle machine,
    that is the suite.
    """
    times = psutil.cpu_times()._asdict()
    # Linux counts a guest's time in user and nice too; waiting is not busy.
    not_busy = ("idle", "iowait", "guest", "guest_nice")
    return sum(seconds for name, seconds in times.items() if name not in not_busy)


def _timed(command: list[str], **env: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env}
    )
    return time.perf_counter() - started, result


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> int:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        builds = []
        for _ in range(3):
            seconds, result = _timed(
                [python, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
            )
            if result.returncode:
                print(result.stderr)
                return 1
            builds.append(seconds)
        files, size = _size(site)

    interpreters = os.environ.get("INTERPRETERS", "default")
    _, collected = _timed(
        [python, "-m", "pytest", "-q", "-n0", "--collect-only", "tests/test_snippets.py"],
        INTERPRETERS=interpreters,
    )
    runs = sum(1 for line in collected.stdout.splitlines() if "::" in line)
    cpu_before = _busy_cpu()
    suite, result = _timed([python, "-m", "pytest", "-q"], INTERPRETERS=interpreters)
    suite_cpu = _busy_cpu() - cpu_before
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "?"

    cores = os.cpu_count() or 1
    rows = [
        (
            "strict build (median of 3)",
            f"{statistics.median(builds):.2f} s   (target: under {BUILD_TARGET:.0f} s)",
        ),
        (
            f"test suite (INTERPRETERS={interpreters})",
            f"{suite:.1f} s   (target: under {SUITE_TARGET:.0f} s)   [{summary}]",
        ),
        # The wall time drifts with the machine's load; the CPU time shows the
        # work, and how far it is from what the cores can give in the target time.
        (
            "CPU time the machine spent busy during the suite",
            f"{suite_cpu:.0f} s   ({cores} cores give {cores * SUITE_TARGET:.0f} s"
            f" in {SUITE_TARGET:.0f} s)",
        ),
        ("snippet runs (snippet x start method x interpreter)", str(runs)),
        ("built site", f"{size / 1e6:.2f} MB in {files} files"),
        ("cores", str(cores)),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
