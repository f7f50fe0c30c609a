"""pytest-examples, for what it does well.

Every Python block written on a page is linted (ruff) and format-checked
(black); blocks that print, single-process ones only, are run in-process and
their `#>` comments compared with what they print. Multi-process output is
the job of test_snippets.py, which runs real processes. Snippet files (and
this test suite) go through ruff's own linter and formatter.

`make outputs` runs this file with --update-examples, which reformats and
rewrites the `#>` comments from a real run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from tests.checker.pages import DOCS
from tests.checker.snippets import ROOT, SNIPPETS

# Blocks that only include a snippet file: the file itself is checked below.
_INCLUDE_ONLY = "--8<--"


def _page_blocks() -> list[CodeExample]:
    return [ex for ex in find_examples(DOCS) if _INCLUDE_ONLY not in ex.source]


def _configure(eval_example: EvalExample) -> None:
    eval_example.set_config(
        quotes="double",
        # As snippets/ruff.toml: what fits a code block on the site.
        line_length=79,
        target_version="py311",
        isort=True,
        upgrade=True,
        ruff_select=["E", "F", "W", "I", "B", "UP"],
    )


def _id(example: CodeExample) -> str:
    return f"{example.path.relative_to(DOCS.parent).as_posix()}:{example.start_line}"


@pytest.mark.parametrize("example", _page_blocks(), ids=_id)
def test_page_block(example: CodeExample, eval_example: EvalExample) -> None:
    _configure(eval_example)
    prints = "#>" in example.source
    if eval_example.update_examples:
        eval_example.format(example)
        if prints:
            eval_example.run_print_update(example)
    else:
        eval_example.lint(example)
        if prints:
            eval_example.run_print_check(example)


@pytest.mark.parametrize(
    "command", [["check"], ["format", "--check", "--diff"]], ids=["lint", "format"]
)
def test_python_files_are_clean(command: list[str]) -> None:
    """Snippets, the checker and its tests, the hooks: ruff settings from pyproject.toml."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "snippets", "tests", "hooks", "search"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_have_python_blocks() -> None:
    """Guard against the collection silently finding nothing."""
    assert any(Path(ex.path).suffix == ".md" for ex in _page_blocks())


# ```python title="busy_loops.py" hl_lines="23-26 29-31"
# --8<-- "gil/busy_loops.py"
_HIGHLIGHTED = re.compile(
    r'^[ \t]*```+\w+ [^\n]*hl_lines="(?P<lines>[^"]+)"[^\n]*\n[ \t]*--8<-- "(?P<path>[^"]+)"$',
    re.M,
)


def stale_highlights(page_text: str, read=lambda path: (SNIPPETS / path).read_text("utf-8")):
    """Highlighted lines of an included file that are past its end or blank:
    where the file changed and its highlights did not follow."""
    found = []
    for block in _HIGHLIGHTED.finditer(page_text):
        lines = read(block["path"]).splitlines()
        for part in block["lines"].split():
            first, _, last = part.partition("-")
            for number in range(int(first), int(last or first) + 1):
                if number > len(lines) or not lines[number - 1].strip():
                    found.append(f"{block['path']}:{number}")
    return found


def test_highlighted_lines_still_point_at_code() -> None:
    stale = [
        f"{page.name}: {line}"
        for page in DOCS.glob("*.md")
        for line in stale_highlights(page.read_text("utf-8"))
    ]
    assert not stale, stale


def test_a_highlight_that_slid_onto_a_blank_line_is_caught() -> None:
    page = '```python title="a.py" hl_lines="1 3-4"\n--8<-- "x/a.py"\n```\n'
    assert stale_highlights(page, lambda _: "a = 1\n\nb = 2\nc = 3\n") == []
    assert stale_highlights(page, lambda _: "a = 1\nb = 2\n\nc = 3\n") == ["x/a.py:3"]
    assert stale_highlights(page, lambda _: "a = 1\n\nb = 2\n") == ["x/a.py:4"]
