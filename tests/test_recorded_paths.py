"""No page shows the machine that recorded it: its checkout or home folder.

Recorded outputs, notebooks, pages and published data are all read; the
checker's own test proves that a planted path is found and that `make
outputs` writes a reader's paths instead (tests/checker/neutral.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checker.neutral import READER_FOLDER, readers_paths, recording_machine_paths
from tests.checker.pages import DOCS
from tests.checker.snippets import ROOT, SNIPPETS

PUBLISHED = sorted(
    [
        *SNIPPETS.glob("*/*.out"),
        *DOCS.rglob("*.ipynb"),
        *DOCS.rglob("*.md"),
        *DOCS.rglob("*.json"),
    ]
)


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_nothing_published_shows_this_machines_paths(path: Path) -> None:
    found = recording_machine_paths(path.read_text("utf-8"))
    assert not found, f"{path.relative_to(ROOT)} shows {found}: run `make outputs`"


def test_a_planted_checkout_or_home_folder_is_found() -> None:
    planted = f'File "{ROOT}/snippets/pool/x.py", line 3\nFile "{Path.home()}/lib/y.py"'
    assert recording_machine_paths(planted) == [f"{ROOT}/", f"{Path.home()}/"]


def test_a_recorded_output_names_a_readers_folders() -> None:
    folder = SNIPPETS / "asyncio"
    stdlib = "/opt/somewhere/lib/python3.12"
    printed = f"{folder}/x.py:10: warning\ncreated at {stdlib}/asyncio/runners.py:118"
    neutral = readers_paths(printed, folder, stdlib, (3, 12, 1))
    assert neutral == (
        f"{READER_FOLDER}/x.py:10: warning\ncreated at /usr/lib/python3.12/asyncio/runners.py:118"
    )
    assert not recording_machine_paths(neutral)
