"""`make soak`: run the suite, or a selection of it, many times and count the failures.

A flake is a false alarm; this finds them so that each can be fixed at its
cause. Each round is a fresh `pytest` run (the selection, with the suite's
own options); the results are read from its JUnit XML report. At the end it
prints, per test that failed at least once, failures/runs and the first
lines of its first failure, then a summary line.

    make soak RUNS=20                               # the whole suite, 20 times
    make soak RUNS=200 SELECT="tests/test_snippets.py -k 'pool/ or lock/'" BUSY=1

BUSY=1 keeps one core busy with a spinning process while the rounds run, as
a loaded CI machine would.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from tests.checker.snippets import ROOT

_SPIN = "import time\nwhile True:\n    time.perf_counter()\n"


def _outcomes(report: Path) -> dict[str, str | None]:
    """Each test of a JUnit report: None when it passed or was skipped, else its failure."""
    found: dict[str, str | None] = {}
    for case in ElementTree.parse(report).iter("testcase"):
        test = f"{case.get('classname')}::{case.get('name')}"
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        found[test] = (
            None
            if problem is None
            else (problem.get("message") or "") + ("\n" + (problem.text or ""))
        )
    return found


def main(runs: int, selection: list[str], busy: bool) -> int:
    spinner = subprocess.Popen([sys.executable, "-c", _SPIN]) if busy else None
    failures: Counter[str] = Counter()
    first: dict[str, str] = {}
    seen: Counter[str] = Counter()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as folder:
            for round_ in range(1, runs + 1):
                report = Path(folder) / f"round-{round_}.xml"
                result = subprocess.run(
                    [sys.executable, "-m", "pytest", "-q", f"--junitxml={report}", *selection],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                )
                if not report.exists():
                    print(result.stdout[-2000:], result.stderr[-2000:])
                    return 2
                outcomes = _outcomes(report)
                for test, problem in outcomes.items():
                    seen[test] += 1
                    if problem is not None:
                        failures[test] += 1
                        first.setdefault(test, problem)
                failed = sum(1 for p in outcomes.values() if p is not None)
                print(f"round {round_}/{runs}: {len(outcomes)} tests, {failed} failed", flush=True)
    finally:
        if spinner:
            spinner.kill()
            spinner.wait()
    for test, count in failures.most_common():
        print(f"\n{count}/{seen[test]}  {test}")
        print("\n".join("    " + line for line in first[test].strip().splitlines()[:25]))
    total = sum(seen.values())
    minutes = (time.perf_counter() - started) / 60
    print(
        f"\nsoak: {runs} rounds, {len(seen)} tests, {total} test runs, "
        f"{sum(failures.values())} failures in {len(failures)} tests "
        f"({minutes:.1f} min{', one core kept busy' if busy else ''})"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(
        main(
            int(os.environ.get("RUNS", "20")),
            shlex.split(os.environ.get("SELECT", "")),
            os.environ.get("BUSY", "") not in ("", "0"),
        )
    )
