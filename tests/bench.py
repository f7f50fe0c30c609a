"""`make bench`: how long the build and the test suite take, and how big the site is.

A benchmark, not a test: it prints figures and never fails on them. The
targets for a 2-core machine are a build under 5 s and `make test` under 60 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.checker.snippets import ROOT


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
    suite, result = _timed([python, "-m", "pytest", "-q"], INTERPRETERS=interpreters)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "?"

    rows = [
        ("strict build (median of 3)", f"{statistics.median(builds):.2f} s"),
        (f"test suite (INTERPRETERS={interpreters})", f"{suite:.1f} s   [{summary}]"),
        ("snippet runs (snippet x start method x interpreter)", str(runs)),
        ("built site", f"{size / 1e6:.2f} MB in {files} files"),
        ("cores", str(os.cpu_count())),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
