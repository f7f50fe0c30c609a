"""`make check SNIPPET=pool/apply_async`: the edit loop for one example.

Runs what a change to one snippet can break, and nothing else: the snippet
under every start method on the venv's interpreter, its timeline figure if
it has one (a fresh traced run, and the recorded trace), and the browser's
checks of every page that shows it, on a strict build of the site. One
pytest run, so the build starts at once, beside the snippet runs.
"""

from __future__ import annotations

import subprocess
import sys

from tests.checker.pages import page_url, pages_by_include
from tests.checker.snippets import ROOT, SNIPPETS
from tests.checker.timeline import all_figures


def selection(name: str) -> list[str]:
    """The pytest arguments for one snippet, named as below snippets/ (`.py` optional)."""
    name = name.removesuffix(".py")
    if not (SNIPPETS / f"{name}.py").exists():
        raise SystemExit(f"no snippets/{name}.py")
    pages = pages_by_include().get(f"{name}.py", [])
    keys = [f"{name}.py-"]
    keys += [f"test_page[{page_url(ROOT / 'docs' / page) or 'home'}]" for page in pages]
    files = ["tests/test_snippets.py", "tests/browser/test_pages.py"]
    if any(f.name == name for f in all_figures()):
        files.append("tests/test_timelines.py")
        keys.append(f"[{name}")
    # Two workers: the build and the browser on one, the programs on the other.
    return ["-n", "2", *files, "-k", " or ".join(keys)]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m tests.check_one chapter/name")
    sys.exit(
        subprocess.run([sys.executable, "-m", "pytest", "-q", *selection(sys.argv[1])]).returncode
    )
