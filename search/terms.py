"""The guide's terms, each with the page that teaches it.

The list is docs/glossary.toml's (en, zh, page): one list of the guide's
words, for the Glossary page, the vocabulary test and search alike.

Search must list that page first when a reader types the term
(tests/browser/test_search.py), and `words.py` keeps every Chinese term one
word for the index. Each term: English term, Chinese term (or None),
teaching page (`lock.md`, or `sync.md#semaphore` for a section of it).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import NamedTuple


class Term(NamedTuple):
    en: str
    zh: str | None
    page: str


GLOSSARY = Path(__file__).resolve().parents[1] / "docs" / "glossary.toml"


def terms() -> list[Term]:
    """Every term a reader may search for, with its teaching page: the glossary's."""
    return from_glossary(GLOSSARY)


def from_glossary(path: Path) -> list[Term]:
    """The terms of a glossary file (`[[term]]` tables with `en`, `zh`, `page`)."""
    table = tomllib.loads(path.read_text("utf-8"))
    return [Term(t["en"], t.get("zh"), t["page"]) for t in table["term"]]
