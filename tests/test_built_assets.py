"""hooks/built_assets.py: an edit of Material's built code is made once, or the build stops."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks.built_assets import Edit, edit_built_asset

EDITS = (Edit("a<b", "a<=b", "the comparison"),)


def _built(tmp_path: Path, code: str) -> Path:
    asset = tmp_path / "assets" / "app.min.js"
    asset.parent.mkdir(parents=True)
    asset.write_text(code, "utf-8")
    return asset


def test_an_edit_is_made_once(tmp_path: Path) -> None:
    asset = _built(tmp_path, "if(a<b)go()")
    for _ in range(2):  # each language's build runs the hooks
        edit_built_asset(tmp_path, "assets/*.min.js", EDITS, "a hook")
    assert asset.read_text("utf-8") == "if(a<=b)go()"


@pytest.mark.parametrize("code", ["if(a>b)go()", "if(a<b)go();if(a<b)stop()"])
def test_code_not_there_once_stops_the_build(tmp_path: Path, code: str) -> None:
    _built(tmp_path, code)
    with pytest.raises(PluginError, match="no longer has the comparison"):
        edit_built_asset(tmp_path, "assets/*.min.js", EDITS, "a hook")


def test_a_missing_file_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="no assets/"):
        edit_built_asset(tmp_path, "assets/*.min.js", EDITS, "a hook")
