"""`make bench`: each figure beside its budget, on a 2-core machine.

A benchmark, not a test: it prints figures and never fails on them. The
budgets scale with the site: the build and the suite as wholes, the browser
checks per page (1.5 CPU-s per English page, which also gets a dark-scheme
pass and the copy and width checks, 1.0 per Chinese page), the edit loop of
one example (`make check`), and the cost of tracing a timeline's program
(a traced run against an untraced one, paired, median of 3).
This VM's speed drifts by up to a third within an hour: compare figures
only from runs made one after the other.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from tests.checker.snippets import ROOT

BUILD_BUDGET = 5.0  # seconds, median of 3
SUITE_BUDGET = 120.0  # seconds, warm venv, 2 cores
PAGE_BUDGET = {"en": 1.5, "zh": 1.0}  # CPU-s per page of the browser checks
EDIT_LOOP_BUDGET = 10.0  # seconds: `make check` for one example
TRACING_BUDGET = 1.25  # a traced run / the same run untraced
EDIT_LOOP_EXAMPLE = "pool/apply_async"


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


def _browser_cpu_per_page(python: str) -> dict[str, tuple[float, int]]:
    """CPU-s per page of test_page, by language: each language's pages in one
    serial run, less a run of one cheap browser test (the build, the browser's
    start), divided by the number of pages."""

    def cpu(selection: str) -> tuple[float, int]:
        before = _busy_cpu()
        _, result = _timed([python, "-m", "pytest", "-q", "-n0", "tests/browser/", "-k", selection])
        counted = re.search(r"(\d+) passed", result.stdout)
        passed = int(counted[1]) if counted else 0
        return _busy_cpu() - before, passed

    base, _ = cpu("test_unknown_path_shows_the_404_page")
    found = {}
    for language, selection in (("en", "test_page and not zh/"), ("zh", "test_page and zh/")):
        spent, pages = cpu(selection)
        found[language] = ((spent - base) / max(pages, 1), pages)
    return found


def _tracing_cost() -> list[tuple[str, float, float]]:
    """Each figure's program, untraced and traced, one after the other, three
    times: the median seconds of each."""
    from tests.checker.interpreters import discover
    from tests.checker.run import readers_start_method, run_group
    from tests.checker.timeline import all_figures, traced_run

    interpreter = discover("default")[0]
    rows = []
    for figure in all_figures():
        snippet = figure.snippet
        method = readers_start_method(snippet, interpreter)
        plain, traced = [], []
        for _ in range(3):
            plain.append(run_group(snippet, interpreter, method, "bench")[0].seconds)
            traced.append(traced_run(figure, interpreter, method, "bench")[0][0].seconds)
        rows.append((figure.name, statistics.median(plain), statistics.median(traced)))
    return rows


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
    edit_loop, _ = _timed([python, "-m", "tests.check_one", EDIT_LOOP_EXAMPLE])
    per_page = _browser_cpu_per_page(python)
    tracing = _tracing_cost()

    def verdict(value: float, budget: float) -> str:
        return "within" if value <= budget else f"OVER by {value - budget:.2f}"

    build = statistics.median(builds)
    rows = [
        (
            "strict build (median of 3)",
            f"{build:.2f} s   budget {BUILD_BUDGET:.0f} s: {verdict(build, BUILD_BUDGET)}",
        ),
        (
            f"test suite (INTERPRETERS={interpreters})",
            f"{suite:.1f} s   budget {SUITE_BUDGET:.0f} s: {verdict(suite, SUITE_BUDGET)}"
            f"   [{summary}]",
        ),
        # The wall time drifts with the machine's load; the CPU time shows the work.
        ("CPU time the machine spent busy during the suite", f"{suite_cpu:.0f} s"),
    ]
    for language, (spent, pages) in per_page.items():
        rows.append(
            (
                f"browser checks per {language} page ({pages} pages)",
                f"{spent:.2f} CPU-s   budget {PAGE_BUDGET[language]}: "
                f"{verdict(spent, PAGE_BUDGET[language])}",
            )
        )
    rows.append(
        (
            f"edit loop: make check SNIPPET={EDIT_LOOP_EXAMPLE}",
            f"{edit_loop:.1f} s   budget {EDIT_LOOP_BUDGET:.0f} s: "
            f"{verdict(edit_loop, EDIT_LOOP_BUDGET)}",
        )
    )
    for name, plain, traced in tracing:
        ratio = traced / plain
        rows.append(
            (
                f"tracing {name} (median of 3)",
                f"{plain:.2f} s -> {traced:.2f} s, x{ratio:.2f}   budget x{TRACING_BUDGET}: "
                f"{verdict(ratio, TRACING_BUDGET)}",
            )
        )
    rows += [
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
