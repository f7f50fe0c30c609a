"""Which page shows which snippet: the `--8<--` includes in docs/."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .snippets import ROOT

DOCS = ROOT / "docs"
_INCLUDE = re.compile(r"""^\s*--8<--\s+["']([^"':]+)(?::[^"']*)?["']\s*$""", re.M)


def includes(page: Path) -> list[str]:
    """The snippet files (paths below snippets/) a page includes, in order."""
    return _INCLUDE.findall(page.read_text("utf-8"))


def pages_by_include() -> dict[str, list[str]]:
    """For each included file, the pages (paths below docs/) that include it."""
    shown: dict[str, list[str]] = defaultdict(list)
    for page in sorted(DOCS.rglob("*.md")):
        for name in includes(page):
            shown[name].append(page.relative_to(DOCS).as_posix())
    return dict(shown)
