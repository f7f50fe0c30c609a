"""The checker itself: it must fail whenever a page would lie.

Each test writes a small snippet and its documented output into a temporary
folder and runs it through the same `verify` the real snippets go through.
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import psutil
import pytest

from tests.checker.check import verify
from tests.checker.compare import Tail, Unordered, Vary, check_declarations, compare
from tests.checker.interpreters import probe
from tests.checker.regenerate import _record, printed_by
from tests.checker.run import RUN_MARK, Run
from tests.checker.snippets import Snippet, SpecError, _uses_multiprocessing, all_snippets

THIS_PYTHON = probe(sys.executable)

PRINTS_THREE = """
import os
print("first line")
print(f"process {os.getpid()} says hello")
print("last line")
"""
DOCUMENTED_THREE = "first line\nprocess 4242 says hello\nlast line\n"
PID_VARIES = """
[[vary]]
pattern = 'process (?P<pid>\\d+)'
why = "a new process on every run"
"""


def make_snippet(
    folder: Path,
    source: str,
    documented: str,
    spec: str = PID_VARIES,
    name: str = "demo",
) -> Snippet:
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(source), "utf-8")
    path.with_suffix(".out").write_text(documented, "utf-8")
    path.with_suffix(".toml").write_text(spec, "utf-8")
    return Snippet.load(path)


def check(snippet: Snippet, start_method: str | None = None) -> str | None:
    return verify(snippet, THIS_PYTHON, start_method, os.environ[RUN_MARK], ["demo.md"])


def test_matching_output_passes(tmp_path: Path) -> None:
    assert check(make_snippet(tmp_path, PRINTS_THREE, DOCUMENTED_THREE)) is None


@pytest.mark.parametrize(
    ("documented", "shown_in_report"),
    [
        pytest.param(DOCUMENTED_THREE.replace("last", "final"), "-final line", id="changed-word"),
        pytest.param("first line\nprocess 4242 says hello\n", "+last line", id="missing-line"),
        pytest.param(DOCUMENTED_THREE + "one more\n", "-one more", id="extra-line"),
        pytest.param(
            "process 4242 says hello\nfirst line\nlast line\n",
            "process <pid> says",
            id="out-of-order",
        ),
        pytest.param(DOCUMENTED_THREE.replace("says", "said"), "said", id="word-next-to-pid"),
    ],
)
def test_wrong_documented_output_fails(
    tmp_path: Path, documented: str, shown_in_report: str
) -> None:
    report = check(make_snippet(tmp_path, PRINTS_THREE, documented))
    assert report is not None
    assert shown_in_report in report
    # The report names everything needed to reproduce the failure.
    for part in ("demo.py", "docs/demo.md", THIS_PYTHON.label, "start method"):
        assert part in report


def test_changed_print_in_snippet_fails(tmp_path: Path) -> None:
    report = check(
        make_snippet(tmp_path, PRINTS_THREE.replace("hello", "goodbye"), DOCUMENTED_THREE)
    )
    assert report is not None and "+process <pid> says goodbye" in report


def test_pid_mask_accepts_digits_only(tmp_path: Path) -> None:
    source = PRINTS_THREE.replace("{os.getpid()}", "{os.getpid()}x")
    report = check(make_snippet(tmp_path, source, DOCUMENTED_THREE))
    assert report is not None


def test_unordered_range_accepts_any_order_but_not_other_lines(tmp_path: Path) -> None:
    spec = PID_VARIES + '[[unordered]]\nlines = "1-2"\nwhy = "demo"\n'
    swapped = "process 1 says hello\nfirst line\nlast line\n"
    assert check(make_snippet(tmp_path, PRINTS_THREE, swapped, spec)) is None
    # The range does not reach line 3: it must still be exactly in place.
    wrong = "process 1 says hello\nlast line\nfirst line\n"
    assert check(make_snippet(tmp_path, PRINTS_THREE, wrong, spec)) is not None


def test_non_zero_exit_fails(tmp_path: Path) -> None:
    source = PRINTS_THREE + "raise SystemExit(3)\n"
    report = check(make_snippet(tmp_path, source, DOCUMENTED_THREE))
    assert report is not None and "exit code 3, expected 0" in report


def test_declared_exit_code_passes(tmp_path: Path) -> None:
    source = PRINTS_THREE + "raise SystemExit(3)\n"
    # A plain key must come before the tables in TOML.
    spec = "exit_code = 3\n" + PID_VARIES
    assert check(make_snippet(tmp_path, source, DOCUMENTED_THREE, spec)) is None


def test_hang_is_killed_with_its_children(tmp_path: Path) -> None:
    source = """
    import subprocess, sys, time
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    print(f"child {child.pid}", flush=True)
    time.sleep(60)
    """
    spec = 'timeout = 1\n[[vary]]\npattern = "child (?P<pid>\\\\d+)"\nwhy = "new process"\n'
    snippet = make_snippet(tmp_path, source, "child 1\n", spec)
    report = check(snippet)
    assert report is not None and "HUNG" in report
    child_pid = int(report.split("child ")[-1].split()[0])
    assert not _alive(child_pid), "the hung snippet's child outlived the run"


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize("start_method", THIS_PYTHON.start_methods)
def test_child_output_is_captured_under_every_start_method(
    tmp_path: Path, start_method: str
) -> None:
    source = """
    from multiprocessing import Process

    def child():
        print("from the child")

    if __name__ == "__main__":
        print("from the parent")
        p = Process(target=child)
        p.start()
        p.join()
        print("parent done")
    """
    documented = "from the parent\nfrom the child\nparent done\n"
    snippet = make_snippet(tmp_path, source, documented, spec="")
    assert check(snippet, start_method) is None
    assert check(make_snippet(tmp_path, source, "from the parent\nparent done\n", "")) is not None


def test_declaration_that_masks_nothing_fails(tmp_path: Path) -> None:
    spec = PID_VARIES + '[[vary]]\npattern = "thread (?P<count>\\\\d+)"\nwhy = "stale"\n'
    report = check(make_snippet(tmp_path, PRINTS_THREE, DOCUMENTED_THREE, spec))
    assert report is not None and "masks nothing" in report


@pytest.mark.parametrize(
    "spec",
    [
        '[[vary]]\npattern = "process (\\\\d+)"\nwhy = "no kind named"\n',
        '[[vary]]\npattern = "process (?P<word>\\\\w+)"\nwhy = "not a kind"\n',
        '[[vary]]\npattern = "process (?P<pid>\\\\d+)"\nwhy = ""\n',
        '[[unordered]]\nlines = "2"\nwhy = "one line is not a range"\n',
        '[[may_end_with]]\nfirst_line = "ERROR .*"\nwhy = ""\n',
        "timeout = 600\n",
        "typo = 1\n",
        'requires_python = "3.14"\npython_below = "3.14"\n',
    ],
)
def test_malformed_declarations_are_rejected(tmp_path: Path, spec: str) -> None:
    with pytest.raises(SpecError):
        make_snippet(tmp_path, PRINTS_THREE, DOCUMENTED_THREE, spec)


def test_a_version_range_skips_below_and_from_its_bounds(tmp_path: Path) -> None:
    spec = 'requires_python = "3.14"\npython_below = "3.15"\n'
    snippet = make_snippet(tmp_path, PRINTS_THREE, DOCUMENTED_THREE, spec)
    assert snippet.spec.skip_reason((3, 13, 18)) == "needs Python 3.14+"
    assert snippet.spec.skip_reason((3, 14, 10)) is None
    assert snippet.spec.skip_reason((3, 15, 0)) == "shows a behaviour that Python 3.15 changed"


def test_every_documented_line_is_guarded() -> None:
    """Changing any line of any real documented output must be noticed."""
    for snippet in all_snippets():
        documented = snippet.documented_output
        spec = snippet.spec
        lines = documented.splitlines()
        for i in range(len(lines)):
            changed = "\n".join([*lines[:i], lines[i] + " (changed)", *lines[i + 1 :]])
            assert compare(documented, changed, spec.vary, spec.unordered, spec.tails), (
                snippet.name,
                i + 1,
            )


def test_a_declared_tail_is_cut_only_from_the_end() -> None:
    tails = (Tail.declare(r"LOG ERROR: .*", "a library's message at shutdown"),)
    documented = "a\nb\n"
    assert compare(documented, "a\nb\nLOG ERROR: lost\n  Traceback line\n", tails=tails) is None
    # Earlier, it would take a documented line with it: that line is missing.
    assert compare(documented, "a\nLOG ERROR: lost\nb\n", tails=tails) is not None
    # Another message is not the declared one.
    assert compare(documented, "a\nb\nLOG WARNING: other\n", tails=tails) is not None
    # Undeclared, the same block is extra lines like any others.
    assert compare(documented, "a\nb\nLOG ERROR: lost\n") is not None


def test_a_declared_tail_in_the_documented_output_is_reported() -> None:
    tails = (Tail.declare(r"LOG ERROR: .*", "a library's message at shutdown"),)
    assert check_declarations("a\nLOG ERROR: lost\n", (), (), tails)
    assert not check_declarations("a\nb\n", (), (), tails)


def test_unordered_sorts_only_its_range() -> None:
    ranges = (Unordered.declare("2-3", "demo"),)
    assert compare("a\nb\nc\nd\n", "a\nc\nb\nd\n", (), ranges) is None
    assert compare("a\nb\nc\nd\n", "b\na\nc\nd\n", (), ranges) is not None


def test_vary_replaces_only_the_named_group() -> None:
    vary = Vary.declare(r"took (?P<seconds>\d+\.\d+) s", "timing")
    assert vary.mask("took 0.25 s, task 7") == "took <seconds> s, task 7"


def test_path_kind_is_an_absolute_folder_only() -> None:
    vary = Vary.declare(r"^(?P<path>\S*[\\/])demo\.py:3: Warn", "where the file was saved")
    assert vary.mask("/home/me/demo.py:3: Warn") == "<path>demo.py:3: Warn"
    assert vary.mask(r"C:\Users\me\demo.py:3: Warn") == "<path>demo.py:3: Warn"
    # Not absolute: left as it is, so the diff shows it.
    assert vary.mask("relative/demo.py:3: Warn") == "relative/demo.py:3: Warn"


def test_address_kind_is_a_pointer_as_linux_or_windows_prints_it() -> None:
    vary = Vary.declare(r"at (?P<address>0x\w+)>", "an address")
    assert vary.mask("<f at 0x7f803b2804a0>") == "<f at <address>>"
    assert vary.mask("<f at 0x000001E4B5F6D2D0>") == "<f at <address>>"
    # Not a number: left as it is, so the diff shows it.
    assert vary.mask("<f at 0xnothing>") == "<f at 0xnothing>"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import multiprocessing", True),
        ("from multiprocessing.pool import Pool", True),
        ("from concurrent.futures import ProcessPoolExecutor", True),
        ("import concurrent.futures\nconcurrent.futures.ProcessPoolExecutor()", True),
        ("from concurrent import futures\nfutures.ProcessPoolExecutor()", True),
        ("from concurrent.futures import ThreadPoolExecutor", False),
        ("import threading", False),
    ],
)
def test_multiprocessing_is_detected_however_imported(source: str, expected: bool) -> None:
    """A snippet that can start processes must run under every start method."""
    assert _uses_multiprocessing(source) is expected


# A server and a client as two programs: the client can only connect once the
# server listens, which is when the server prints its first line.
SERVER = """
import socket
with socket.create_server(("127.0.0.1", 0)) as server:
    port = server.getsockname()[1]
    with open("port.txt", "w") as f:
        f.write(str(port))
    print("server: listening", flush=True)
    connection, _ = server.accept()
    with connection:
        print("server: got", connection.recv(100).decode())
"""
CLIENT = """
import socket
with open("port.txt") as f:
    port = int(f.read())
with socket.create_connection(("127.0.0.1", port)) as client:
    client.sendall(b"hello")
print("client: sent hello")
"""


def make_pair(folder: Path, server_out: str, client_out: str) -> Snippet:
    make_snippet(folder, CLIENT, client_out, spec="", name="client")
    return make_snippet(
        folder, SERVER, server_out, spec='together = ["client.py"]\ntimeout = 10', name="server"
    )


def test_programs_run_together_each_match_their_output(tmp_path: Path) -> None:
    server = make_pair(tmp_path, "server: listening\nserver: got hello\n", "client: sent hello\n")
    assert [c.name for c in server.companions] == ["client.py"]
    assert check(server) is None


@pytest.mark.parametrize(
    ("server_out", "client_out", "shown_in_report"),
    [
        pytest.param(
            "server: listening\nserver: got hi\n",
            "client: sent hello\n",
            "-server: got hi",
            id="leader-wrong",
        ),
        pytest.param(
            "server: listening\nserver: got hello\n",
            "client: sent hi\n",
            "-client: sent hi",
            id="companion-wrong",
        ),
        pytest.param(
            "server: listening\nserver: got hello\n",
            "",
            "+client: sent hello",
            id="companion-missing-line",
        ),
    ],
)
def test_wrong_output_of_either_program_fails(
    tmp_path: Path, server_out: str, client_out: str, shown_in_report: str
) -> None:
    report = check(make_pair(tmp_path, server_out, client_out))
    assert report is not None
    assert shown_in_report in report


def test_companion_never_started_fails(tmp_path: Path) -> None:
    """A leader that prints nothing before the timeout: its companion never starts."""
    make_snippet(tmp_path, "print('client')", "client\n", spec="", name="client")
    silent = make_snippet(
        tmp_path,
        "import time\ntime.sleep(30)\n",
        "",
        spec='together = ["client.py"]\ntimeout = 1',
        name="server",
    )
    report = check(silent)
    assert report is not None
    assert "HUNG" in report
    assert "client.py never started" in report


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param('together = ["../other/worker.py"]', id="outside-folder"),
        pytest.param('together = ["worker"]', id="not-a-program"),
    ],
)
def test_malformed_together_is_rejected(tmp_path: Path, spec: str) -> None:
    (tmp_path / "demo.toml").write_text(spec, "utf-8")
    with pytest.raises(SpecError):
        Snippet.load(tmp_path / "demo.py")


def test_companion_may_not_declare_a_timeout(tmp_path: Path) -> None:
    make_snippet(tmp_path, CLIENT, "", spec="timeout = 5", name="client")
    server = make_snippet(tmp_path, SERVER, "", spec='together = ["client.py"]', name="server")
    with pytest.raises(SpecError):
        server.companions  # noqa: B018 (the property loads and checks them)


def test_missing_package_is_reported_by_the_interpreter() -> None:
    assert THIS_PYTHON.missing(("json", "no_such_package_here")) == ["no_such_package_here"]


@pytest.mark.parametrize(
    ("unchanged", "same_python", "kept"),
    [(True, True, True), (False, True, False), (True, False, False)],
)
def test_outputs_keep_matching_figures_only_for_an_unchanged_snippet(
    tmp_path: Path, unchanged: bool, same_python: bool, kept: bool
) -> None:
    """`make outputs` keeps old PIDs and timings unless the program changed
    since verified, or the output was printed by another Python release."""
    snippet = make_snippet(tmp_path, PRINTS_THREE, DOCUMENTED_THREE)
    new_run = Run("python demo.py", DOCUMENTED_THREE.replace("4242", "77"), 0, False, 0.1)
    this = printed_by(snippet, THIS_PYTHON)
    known = {snippet.output_name: this if same_python else {**this, "python": "3.10.0"}}
    assert _record(snippet, new_run, THIS_PYTHON, unchanged, known) == []
    assert (snippet.documented_output == DOCUMENTED_THREE) is kept
    assert known == {snippet.output_name: this}
