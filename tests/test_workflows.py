"""The GitHub workflows pass actionlint and zizmor with no findings (offline)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.checker.snippets import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert path, f"{name} is not installed: run `make test`, which installs the lock"
    return path


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"test.yml", "pages.yml"}


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["actionlint"], id="actionlint"),
        pytest.param(["zizmor", "--offline", "--persona=pedantic"], id="zizmor"),
    ],
)
def test_workflows_have_no_findings(command: list[str]) -> None:
    result = subprocess.run(
        [_tool(command[0]), *command[1:], *map(str, WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
