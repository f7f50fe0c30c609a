"""The notebooks: each runs in a fresh kernel, on every interpreter chosen
(INTERPRETERS, as for snippets; kernels.py), and prints what its page shows,
and the Chinese notebook differs from the English one only in its prose."""

from __future__ import annotations

import platform
from functools import cache
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from tests.checker.interpreters import Interpreter
from tests.checker.notebooks import (
    RECORDED_FROM,
    all_notebooks,
    code_cells,
    differences,
    english_notebooks,
    execute,
    printed,
    python_dependent,
    python_version,
    read,
    source_digest,
    store,
    translations,
)
from tests.conftest import interpreters

NOTEBOOKS = english_notebooks()
# The notebooks with cells whose output each Python version words its own way.
WORDED_BY_VERSION = [n for n in NOTEBOOKS if any(map(python_dependent, code_cells(read(n))))]

# One kernel run per notebook and interpreter serves both tests below.
_fresh = cache(execute)


def _cases(notebooks: list[Path]) -> list:
    return [pytest.param(n, i, id=f"{n.name}-{i.label}") for n in notebooks for i in interpreters()]


def _report(notebook: Path, found: list[str]) -> str:
    return f"docs/{notebook.name}: run `make outputs` if this is on purpose\n" + "\n".join(found)


@pytest.mark.parametrize(("notebook", "interpreter"), _cases(NOTEBOOKS))
def test_notebook_prints_its_stored_outputs(notebook: Path, interpreter: Interpreter) -> None:
    found = differences(read(notebook), _fresh(notebook, interpreter))
    assert not found, _report(notebook, found)


@pytest.mark.parametrize(("notebook", "interpreter"), _cases(WORDED_BY_VERSION))
def test_cells_worded_by_python_version_print_their_outputs(
    notebook: Path, interpreter: Interpreter
) -> None:
    """Compared on the Python version that recorded them, and said to be skipped elsewhere."""
    stored, fresh = read(notebook), _fresh(notebook, interpreter)
    recorded, running = python_version(stored), python_version(fresh)
    # Unknown, the cells would be skipped everywhere, so checked nowhere.
    assert recorded, f"docs/{notebook.name} does not say which Python recorded it: `make outputs`"
    if recorded != running:
        pytest.skip(
            f"{notebook.name}: cells declared python_dependent were recorded with "
            f"Python {recorded}; this kernel is {running}"
        )
    found = differences(stored, fresh, dependent=True)
    assert not found, _report(notebook, found)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_translation_has_the_same_code_and_outputs(notebook: Path) -> None:
    english = code_cells(read(notebook))
    for path in translations(notebook):
        assert path.exists(), f"{notebook.name} has no translation {path.name}"
        other = code_cells(read(path))
        assert [c.source for c in other] == [c.source for c in english], path.name
        assert [c.metadata.get("checker") for c in other] == [
            c.metadata.get("checker") for c in english
        ], path.name
        assert [printed(c) for c in other] == [printed(c) for c in english], path.name


@pytest.mark.parametrize(
    ("stored", "why"),
    [
        pytest.param("4\n", "changed", id="changed-line"),
        pytest.param("", "missing", id="missing-line"),
        pytest.param("2\n3\n", "extra", id="extra-line"),
    ],
)
def test_a_wrong_stored_output_is_caught(tmp_path: Path, stored: str, why: str) -> None:
    cell = new_code_cell("print(1 + 1)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
    path = tmp_path / "demo.ipynb"
    nbformat.write(new_notebook(cells=[cell]), path)
    found = differences(read(path), execute(path))
    assert found, f"a {why} output line went unnoticed"


def test_a_cell_worded_by_python_version_is_compared_apart(tmp_path: Path) -> None:
    cell = new_code_cell("print(1 + 1)", metadata={"checker": {"python_dependent": "a demo"}})
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="3\n")]
    path = tmp_path / "demo.ipynb"
    nbformat.write(new_notebook(cells=[cell]), path)
    stored, fresh = read(path), execute(path)
    assert differences(stored, fresh) == []  # not with the other cells ...
    assert differences(stored, fresh, dependent=True)  # ... but where it is compared


def test_a_cell_that_raises_is_caught(tmp_path: Path) -> None:
    cell = new_code_cell("1 / 0")
    path = tmp_path / "demo.ipynb"
    nbformat.write(new_notebook(cells=[cell]), path)
    found = differences(read(path), execute(path))
    assert found and "ZeroDivisionError" in found[0]


# A child that writes to stderr only after its cell has ended, so that what it
# writes is always forwarded under the next cell: the race of a busy machine,
# made certain.
_LATE_CHILD = (
    "import subprocess, sys\n"
    "child = subprocess.Popen([sys.executable, '-c', "
    "'import sys, time; time.sleep(0.5); sys.stderr.write(\"late\\\\n\")'])"
)


def _late_notebook(tmp_path: Path, checker: dict, second_cell_stderr: str = "") -> Path:
    first = new_code_cell(_LATE_CHILD, metadata={"checker": checker})
    first.outputs = [nbformat.v4.new_output("stream", name="stderr", text="late\n")]
    second = new_code_cell("import time\ntime.sleep(2)\nprint('next')")
    second.outputs = [nbformat.v4.new_output("stream", name="stdout", text="next\n")]
    if second_cell_stderr:
        second.outputs.append(
            nbformat.v4.new_output("stream", name="stderr", text=second_cell_stderr)
        )
    path = tmp_path / "demo.ipynb"
    nbformat.write(new_notebook(cells=[first, second]), path)
    return path


def test_late_stderr_is_compared_in_the_cell_that_declares_it(tmp_path: Path) -> None:
    path = _late_notebook(tmp_path, {"late_stderr": "a demo"})
    assert differences(read(path), execute(path)) == []


def test_late_stderr_after_the_last_cell_is_not_lost(tmp_path: Path) -> None:
    """The child writes after every cell has run: the drain cell collects it."""
    first = new_code_cell(_LATE_CHILD, metadata={"checker": {"late_stderr": "a demo"}})
    first.outputs = [nbformat.v4.new_output("stream", name="stderr", text="late\n")]
    second = new_code_cell("print('next')")
    second.outputs = [nbformat.v4.new_output("stream", name="stdout", text="next\n")]
    path = tmp_path / "demo.ipynb"
    nbformat.write(new_notebook(cells=[first, second]), path)
    fresh = execute(path)
    assert len(code_cells(fresh)) == 2  # the drain cell is gone
    assert differences(read(path), fresh) == []


@pytest.mark.parametrize(
    ("checker", "second_cell_stderr", "why"),
    [
        pytest.param({}, "", "undeclared", id="undeclared"),
        # The next cell stores stderr of its own: nothing is taken back past it.
        pytest.param({"late_stderr": "a demo"}, "own\n", "stopped", id="stops-at-own-stderr"),
    ],
)
def test_late_stderr_is_caught_where_not_declared(
    tmp_path: Path, checker: dict, second_cell_stderr: str, why: str
) -> None:
    path = _late_notebook(tmp_path, checker, second_cell_stderr)
    assert differences(read(path), execute(path)), f"late stderr went unnoticed ({why})"


def test_late_stderr_declared_on_a_cell_without_stderr_is_refused(tmp_path: Path) -> None:
    cell = new_code_cell("print(1)", metadata={"checker": {"late_stderr": "a demo"}})
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    path = tmp_path / "demo.ipynb"
    nbformat.write(new_notebook(cells=[cell]), path)
    assert any("stores no stderr" in f for f in differences(read(path), execute(path)))


@pytest.mark.parametrize("notebook", all_notebooks(), ids=lambda p: p.name)
def test_every_stored_output_was_recorded_from_its_cell_as_it_is_now(notebook: Path) -> None:
    stale = [
        number
        for number, cell in enumerate(code_cells(read(notebook)), start=1)
        if cell.metadata.get(RECORDED_FROM) != source_digest(cell)
    ]
    assert not stale, (
        f"{notebook.name}: code cells {stale} changed since their outputs were stored "
        "(run `make outputs`)"
    )


@pytest.mark.parametrize(
    ("recorded_from", "recorded_by"),
    [
        ("print('took 0.1 s')", platform.python_version()),
        ("print('took 0.5 s')", platform.python_version()),
        ("print('took 0.5 s')", "3.10.0"),
    ],
)
def test_an_output_is_kept_only_if_it_came_from_the_code_as_it_is(
    tmp_path: Path, recorded_from: str, recorded_by: str
) -> None:
    """Stored "took 0.1 s" matches a fresh "took 0.5 s" through the declared
    timing, so only the record of the code it came from, and of the Python
    release that printed it, decides."""
    timing = {"pattern": " (?P<seconds>\\d+\\.\\d+) s$", "why": "a demo timing"}
    cell = new_code_cell("print('took 0.5 s')", metadata={"checker": {"vary": [timing]}})
    cell.metadata[RECORDED_FROM] = source_digest(new_code_cell(recorded_from))
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="took 0.1 s\n")]
    english = tmp_path / "demo.ipynb"
    for path in (english, *translations(english)):
        notebook = new_notebook(
            cells=[cell], metadata={"language_info": {"name": "python", "version": recorded_by}}
        )
        nbformat.write(notebook, path)
    store(english, execute(english))
    for path in (english, *translations(english)):
        stored = code_cells(read(path))[0]
        assert stored.metadata[RECORDED_FROM] == source_digest(stored)
        kept = recorded_from == stored.source and recorded_by == platform.python_version()
        assert printed(stored) == ("took 0.1 s\n" if kept else "took 0.5 s\n"), path.name
