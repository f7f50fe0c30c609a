"""The notebooks in docs/: executed as a reader runs them, their outputs checked.

A notebook page shows the outputs stored in its .ipynb; the build does not
execute it (a spawn-based pool inside a notebook executed by the build can
hang it, and every build would pay for the run). `make outputs` executes the
English notebook with nbclient and stores the outputs in both languages;
the tests execute it again and compare every code cell's printed text with
what is stored, exactly as for snippets.

A cell whose output varies declares it in its own metadata, in the same
terms as a snippet's .toml:

    "metadata": {"checker": {"vary": [{"pattern": "...", "why": "..."}],
                             "unordered": [{"lines": "2-5", "why": "..."}]}}

A cell whose output is worded differently by each Python version (a raw
traceback, say) declares `"python_dependent": "why"`. It is compared only
on the Python version that recorded the outputs, which `make outputs`
writes into the notebook's metadata; elsewhere the test says it was not.

What a child process writes to its stderr reaches the kernel through a pipe
that the kernel reads in a thread of its own, and forwards under whichever
cell is running when it gets round to it: on a busy machine, the cell after
the one that started the child (a reader who presses "Run All" sees this
too). A cell whose children print to stderr declares `"late_stderr": "why"`;
it takes back the stderr that the cells after it printed, up to the first
cell that stores stderr of its own. Every line is still compared, in the
cell that caused it. So that what arrives after the last cell is not lost
when the kernel shuts down, a notebook with such a cell is run with one more
cell at its end, which prints nothing and waits until the kernel has read
its output pipes empty (`_DRAIN`); what it collects is taken back too, and
the cell is then removed.

The Chinese notebook must have the same code cells, declarations and
outputs as the English one: only the Markdown cells are translated.

Each code cell's metadata also says which code its output was recorded
from (`recorded_from`, a digest of its source). An output that still
matches a fresh run only through its declared variations (the timings)
came from the code as it was then; when the code has changed since,
`make outputs` records it again, and a test says when that is due.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .compare import Unordered, Vary, check_declarations, compare
from .interpreters import Interpreter
from .kernels import kernel_manager
from .neutral import readers_paths, recording_machine_paths
from .pages import DOCS, LANGUAGES, language

CELL_TIMEOUT = 60  # seconds; nbclient interrupts a cell that runs longer
RECORDED_FROM = "recorded_from"  # cell metadata: see the module's docstring
LATE_STDERR = "late_stderr"  # a declaration: see the module's docstring


def all_notebooks() -> list[Path]:
    return sorted(DOCS.rglob("*.ipynb"))


def english_notebooks() -> list[Path]:
    return [n for n in all_notebooks() if language(n) == LANGUAGES[0]]


def translations(english: Path) -> list[Path]:
    stem = english.name.removesuffix(".ipynb")
    return [english.with_name(f"{stem}.{lang}.ipynb") for lang in LANGUAGES[1:]]


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def code_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in notebook.cells if c.cell_type == "code"]


def source_digest(cell: nbformat.NotebookNode) -> str:
    return hashlib.sha256(cell.source.encode("utf-8")).hexdigest()[:16]


def printed(cell: nbformat.NotebookNode) -> str:
    """What a reader sees under a code cell, as text: stdout and results, then
    stderr, then an error. The kernel forwards a child process's stderr on its
    own schedule, so the two streams are compared each as a whole."""
    stdout, stderr, error = [], [], []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            (stdout if output.name == "stdout" else stderr).append(output.text)
        elif output.output_type in {"execute_result", "display_data"}:
            stdout.append(output.data.get("text/plain", "") + "\n")
        elif output.output_type == "error":
            error.append(f"{output.ename}: {output.evalue}\n")
    return "".join(stdout + stderr + error)


# Run after the last cell of a notebook that declares late_stderr: wait
# (10 s at most) until the kernel's child processes have ended (Linux's
# /proc; elsewhere this part is skipped) and its threads have read the
# stdout and stderr pipes empty, then give them time to send what they read.
_DRAIN = """\
import array, os, sys, time
try:
    import fcntl, termios
except ImportError:  # Windows: the kernel reads no pipes there
    fcntl = None
def _running_children():
    pids = []
    for task in os.listdir("/proc/self/task") if os.path.isdir("/proc/self/task") else []:
        with open(f"/proc/self/task/{task}/children") as listed:
            pids += listed.read().split()
    def alive(pid):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False
    return any(map(alive, pids))
def _unread(stream):
    pipe = getattr(stream, "_fid", None)
    if fcntl is None or pipe is None:
        return 0
    waiting = array.array("i", [0])
    fcntl.ioctl(pipe, termios.FIONREAD, waiting)
    return waiting[0]
_until = time.monotonic() + 10
while time.monotonic() < _until and (
    _running_children() or any(map(_unread, (sys.stdout, sys.stderr)))
):
    time.sleep(0.05)
time.sleep(0.5)
"""


def _declares_late_stderr(notebook: nbformat.NotebookNode) -> bool:
    return any(c.metadata.get("checker", {}).get(LATE_STDERR) for c in code_cells(notebook))


def _stderr(cell: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [o for o in cell.get("outputs", []) if o.output_type == "stream" and o.name == "stderr"]


def _late_stderr_taken_back(stored: nbformat.NotebookNode, fresh: nbformat.NotebookNode) -> None:
    """Move, in `fresh`, the stderr that reached a later cell back to the
    declaring cell whose child printed it (see the module's docstring)."""
    old, new = code_cells(stored), code_cells(fresh)
    for number, cell in enumerate(old):
        if not cell.metadata.get("checker", {}).get(LATE_STDERR):
            continue
        for later_old, later_new in zip(old[number + 1 :], new[number + 1 :], strict=True):
            if _stderr(later_old):
                break
            late = _stderr(later_new)
            later_new.outputs = [o for o in later_new.outputs if all(o is not x for x in late)]
            new[number].outputs.extend(late)


def declarations(cell: nbformat.NotebookNode) -> tuple[tuple[Vary, ...], tuple[Unordered, ...]]:
    declared = cell.metadata.get("checker", {})
    return (
        tuple(Vary.declare(**v) for v in declared.get("vary", [])),
        tuple(Unordered.declare(**u) for u in declared.get("unordered", [])),
    )


def python_dependent(cell: nbformat.NotebookNode) -> bool:
    return bool(cell.metadata.get("checker", {}).get("python_dependent"))


def python_version(notebook: nbformat.NotebookNode) -> str:
    """The Python that ran (or recorded) the notebook: "3.11", or "" if unknown."""
    full = notebook.metadata.get("language_info", {}).get("version", "")
    return ".".join(full.split(".")[:2])


def _reader_environment() -> dict[str, str]:
    # Under pytest, ipykernel stops forwarding what child processes write to
    # stdout and stderr (it checks PYTEST_CURRENT_TEST); a reader's kernel
    # forwards it, and the stored outputs show it.
    return {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}


def execute(path: Path, interpreter: Interpreter | None = None) -> nbformat.NotebookNode:
    """Run a copy of the notebook in a fresh kernel on `interpreter` (None:
    this Python), in a folder of its own (cells may write files, as a
    reader's would). Paths of this machine in its outputs read as on a
    reader's (neutral.py), as they are stored."""
    notebook, stored = read(path), read(path)
    drain = _declares_late_stderr(notebook)
    if drain:
        for copy in (notebook, stored):
            copy.cells.append(nbformat.v4.new_code_cell(_DRAIN))
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:  # seen from the Debian root
        shutil.copy(path, folder)
        NotebookClient(
            notebook,
            km=kernel_manager(interpreter),
            timeout=CELL_TIMEOUT,
            allow_errors=True,  # an error is an output like any other; compared below
            resources={"metadata": {"path": folder}},
        ).execute(env=_reader_environment(), cleanup_kc=True)  # we made the kernel: end it
    _late_stderr_taken_back(stored, notebook)
    if drain:
        notebook.cells.pop()
    if interpreter is None:
        stdlib, version = sysconfig.get_paths()["stdlib"], tuple(sys.version_info[:3])
    else:
        stdlib, version = interpreter.stdlib, interpreter.version
    for cell in code_cells(notebook):
        for output in cell.get("outputs", []):
            _as_on_a_readers_machine(output, stdlib, version)
    return notebook


def _as_on_a_readers_machine(
    output: nbformat.NotebookNode, stdlib: str, version: tuple[int, ...]
) -> None:
    """Rewrite the texts of one cell output with a reader's paths, in place,
    for a kernel whose standard library is `stdlib`."""

    def neutral(text: str) -> str:
        return readers_paths(text, None, stdlib, version)

    if "text" in output:
        output.text = neutral(output.text)
    if "traceback" in output:
        output.traceback = [neutral(line) for line in output.traceback]
    if "evalue" in output:
        output.evalue = neutral(output.evalue)
    if "text/plain" in output.get("data", {}):
        output.data["text/plain"] = neutral(output.data["text/plain"])


def differences(
    stored: nbformat.NotebookNode, fresh: nbformat.NotebookNode, dependent: bool = False
) -> list[str]:
    """Where a fresh run printed something else than the stored outputs: in the
    cells whose output the Python version words, or (by default) in the others."""
    found = []
    for number, (old, new) in enumerate(
        zip(code_cells(stored), code_cells(fresh), strict=True), start=1
    ):
        if python_dependent(old) != dependent:
            continue
        vary, unordered = declarations(old)
        problems = check_declarations(printed(old), vary, unordered)
        if old.metadata.get("checker", {}).get(LATE_STDERR) and not _stderr(old):
            problems.append(f"declares {LATE_STDERR} but stores no stderr")
        mismatch = compare(printed(old), printed(new), vary, unordered)
        where = f"code cell {number} ({old.source.splitlines()[0] if old.source else 'empty'})"
        found += [f"{where}: {p}" for p in problems]
        if mismatch:
            found.append(f"{where}: the printed output differs:\n{mismatch.diff}")
    return found


def store(english: Path, fresh: nbformat.NotebookNode) -> list[str]:
    """Write fresh outputs into the notebook and its translations, keeping each
    cell's stored output where it still matches and was recorded from the
    cell's code as it is now, by the same Python release; the cells that changed."""
    changed = []
    # Which Python recorded these outputs (see python_dependent).
    recorded = fresh.metadata.get("language_info", {}).get("version")
    for path in (english, *translations(english)):
        notebook = read(path)
        # An output printed by another release is not kept: the page names the release.
        same_python = notebook.metadata.get("language_info", {}).get("version") == recorded
        if recorded:
            notebook.metadata.setdefault("language_info", {})["version"] = recorded
        for number, (cell, new) in enumerate(
            zip(code_cells(notebook), code_cells(fresh), strict=True), start=1
        ):
            vary, unordered = declarations(cell)
            digest = source_digest(cell)
            if (
                not same_python
                or cell.metadata.get(RECORDED_FROM) != digest
                or recording_machine_paths(printed(cell))
                or compare(printed(cell), printed(new), vary, unordered) is not None
            ):
                cell.outputs = new.outputs
                changed.append(f"{path.name} cell {number}")
            cell.metadata[RECORDED_FROM] = digest
            cell.execution_count = new.execution_count
        nbformat.write(notebook, path)
    return changed
