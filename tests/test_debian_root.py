"""The interpreters of the Debian root: the newest patch release counts, a
root that was not finished is never used, and a root that cannot be had is
said in one line while the other interpreters still run."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from tests.checker import debian_root
from tests.checker.interpreters import Interpreter, newest_of_each


def _interpreter(version: tuple[int, int, int], free_threaded: bool = False) -> Interpreter:
    return Interpreter(
        executable=f"/x/python{'.'.join(map(str, version))}",
        version=version,
        free_threaded=free_threaded,
        default_start_method="forkserver",
        start_methods=("forkserver", "fork", "spawn"),
        stdlib="/usr/lib/python3.x",
    )


def test_of_two_patch_releases_the_newest_counts() -> None:
    old, new, other = _interpreter((3, 13, 0)), _interpreter((3, 13, 18)), _interpreter((3, 12, 1))
    free = _interpreter((3, 13, 0), free_threaded=True)
    assert newest_of_each([old, other, new, free]) == [other, new, free]
    assert newest_of_each([free, new, other]) == [other, new, free]
    assert newest_of_each([new, old]) == [new]
    twin = replace(new, executable="/y/python3.13")
    assert newest_of_each([new, twin]) == [new]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, path in {
        "HOME": tmp_path,
        "TREE": tmp_path / "root",
        "BUILDING": tmp_path / "building",
        "BIN": tmp_path / "bin",
    }.items():
        monkeypatch.setattr(debian_root, name, path)
    return tmp_path


def test_a_root_without_its_stamp_is_not_used(home: Path) -> None:
    """What an interrupted build or an older recipe leaves behind."""
    (home / "root" / "usr" / "bin").mkdir(parents=True)
    (home / "bin").mkdir()
    (home / "bin" / "python3.14").write_text("#!/bin/sh\n")
    (home / "root" / ".complete-0ld0recipe0").touch()
    assert debian_root.found() == []
    (home / "root" / debian_root.STAMP).touch()
    assert debian_root.found() == [str(home / "bin" / "python3.14")]


def test_a_trusted_root_that_no_longer_runs_is_built_again(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / "root").mkdir()
    (home / "root" / debian_root.STAMP).touch()
    built = []

    def broken(tree: Path) -> None:
        raise debian_root.Unavailable("python3.14 does not run in the root")

    monkeypatch.setattr(debian_root, "_check", broken)
    monkeypatch.setattr(debian_root, "build", lambda: built.append(debian_root.trusted()))
    monkeypatch.setattr(debian_root, "wrap", lambda inside, script: script)
    debian_root.ensure()
    assert built == [False]  # its stamp was gone before the build began


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("debootstrap", path="/usr/sbin:/usr/bin"),
    reason="needs root and debootstrap (.ci/run installs it)",
)
def test_a_failed_build_leaves_nothing_that_a_later_run_trusts(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A registry that does not answer: nothing listens on port 9 here.
    monkeypatch.setenv("DEBIAN_MIRROR", "http://127.0.0.1:9/debian")
    (home / "building" / "half").mkdir(parents=True)  # left by an interrupted run
    assert debian_root.main() == 0
    message = capsys.readouterr().err.splitlines()
    assert len(message) == 1, message
    assert message[0].startswith("interpreters: not had: python3.13, python3.14, python3.15")
    assert "debootstrap failed" in message[0]
    assert not (home / "building").exists() and not (home / "root").exists()
    assert debian_root.found() == []


def test_without_root_it_says_so_in_one_line(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert debian_root.main() == 0
    assert capsys.readouterr().err == (
        "interpreters: not had: python3.13, python3.14, python3.15 from Debian sid "
        "(debootstrap needs root, and this is not root)\n"
    )


def test_the_mirror_is_the_one_apt_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEBIAN_MIRROR", raising=False)
    deb822, classic = tmp_path / "debian.sources", tmp_path / "sources.list"
    deb822.write_text(
        "Types: deb\nURIs: http://mirror.example/debian-security\nSuites: x-security\n\n"
        "Types: deb\nURIs: http://mirror.example/debian\nSuites: x\n"
    )
    classic.write_text("deb [arch=amd64] http://other.example/debian x main\n")
    assert debian_root.mirror([deb822, classic]) == "http://mirror.example/debian"
    assert debian_root.mirror([classic]) == "http://other.example/debian"
    assert debian_root.mirror([tmp_path / "none"]) == debian_root.DEFAULT_MIRROR
    monkeypatch.setenv("DEBIAN_MIRROR", "http://mirror.invalid/debian")
    assert debian_root.mirror([deb822]) == "http://mirror.invalid/debian"


@pytest.mark.skipif(not debian_root.found(), reason="no Debian root here (make interpreters)")
def test_a_program_in_the_root_keeps_the_process_id_it_was_started_with() -> None:
    """So that Ctrl-C sent to its process group, and the checker's kill, reach
    it and its children, as on a reader's machine (pitfalls/ctrl_c_clean.py)."""
    for python in debian_root.found():
        proc = subprocess.Popen(
            [
                python,
                "-c",
                "import os, sys; print(os.getpid(), os.getpgrp(), sys.version_info[:2])",
            ],
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
            cwd=Path(__file__).parent,
        )
        out, _ = proc.communicate(timeout=30)
        minor = python.rsplit("python3.", 1)[1]
        assert out.split(maxsplit=2) == [str(proc.pid), str(proc.pid), f"(3, {minor})\n"], python
