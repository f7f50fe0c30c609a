"""The reading order: no chapter needs a chapter that comes after it in the nav.

Two rules, the same in both languages:

1. A chapter's front matter lists the chapters it builds on,
   ``prerequisites: [process, threads]`` (page names without ``.md``); each
   one must come earlier in the nav. The English and Chinese page list the
   same ones.
2. A link from a chapter to a LATER chapter is a "see later" pointer and
   says so in the source: ``[asyncio](asyncio.md){ .later }``. Any other
   link to a later chapter means the page relies on something not yet
   taught, and fails here. Links back, to the home page, to the
   verification page and to the glossary are free.

The home page (a map of the road), the verification page and the glossary
(references) are not chapters; notebooks are not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.checker.snippets import ROOT

DOCS = ROOT / "docs"
NOT_CHAPTERS = {"index", "verified", "glossary"}

# [text](page.md), [text](page.md#anchor), then an optional { .later }.
LINK = re.compile(r"\[[^\]\n]*\]\((?P<page>[a-z0-9_-]+)\.md(?:#[^)\s]*)?\)(?P<attrs>\{[^}\n]*\})?")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml has `!ENV` tags; their values do not matter here."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _flatten(entries: list) -> list[str]:
    found: list[str] = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += _flatten(value)
        elif value.endswith(".md"):
            found.append(value.removesuffix(".md"))
    return found


def road() -> list[str]:
    """The chapters in nav order (no home page, notebooks or reference page)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    return [p for p in _flatten(config["nav"]) if p not in NOT_CHAPTERS]


def front_matter(text: str) -> dict:
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)]) or {}


def _without_code(text: str) -> str:
    """Links inside fenced code blocks are code, not links."""
    return re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)


def problems(name: str, text: str, order: list[str]) -> list[str]:
    """What in one page's Markdown breaks the reading order."""
    place = order.index(name)
    found = []
    prerequisites = front_matter(text).get("prerequisites")
    if prerequisites is None:
        found.append(f"{name}: no `prerequisites:` in the front matter (use [] for none)")
    for wanted in prerequisites or []:
        if wanted not in order:
            found.append(f"{name}: prerequisite {wanted!r} is not a chapter in the nav")
        elif order.index(wanted) >= place:
            found.append(f"{name}: prerequisite {wanted!r} comes after it in the nav")
    for link in LINK.finditer(_without_code(text)):
        target = link["page"]
        if target in NOT_CHAPTERS or target not in order:
            continue
        if order.index(target) > place and ".later" not in (link["attrs"] or ""):
            found.append(
                f"{name}: links to the later chapter {target!r} without"
                f" {{ .later }}: {link.group(0)}"
            )
    return found


ROAD = road()


@pytest.mark.parametrize("language", ["", ".zh"])
@pytest.mark.parametrize("name", ROAD)
def test_page_needs_only_earlier_chapters(name: str, language: str) -> None:
    text = (DOCS / f"{name}{language}.md").read_text("utf-8")
    assert problems(name, text, ROAD) == []


@pytest.mark.parametrize("name", ROAD)
def test_both_languages_list_the_same_prerequisites(name: str) -> None:
    english = front_matter((DOCS / f"{name}.md").read_text("utf-8"))
    chinese = front_matter((DOCS / f"{name}.zh.md").read_text("utf-8"))
    assert english.get("prerequisites") == chinese.get("prerequisites")


def test_every_chapter_is_checked() -> None:
    pages = {p.name.removesuffix(".md") for p in DOCS.glob("*.md") if ".zh." not in p.name}
    assert pages - NOT_CHAPTERS == set(ROAD), (
        "every page is a chapter in the nav (with `prerequisites:`) or a"
        " reference page listed in NOT_CHAPTERS"
    )


# The check itself fails on what it is there to catch.

PLANTED = Path("lock.md")


def _lock_page() -> str:
    return (DOCS / PLANTED).read_text("utf-8")


def test_fails_on_a_planted_forward_link() -> None:
    text = _lock_page() + "\nThis needs [an event loop](asyncio.md#the-event-loop) first.\n"
    assert problems("lock", text, ROAD) == [
        "lock: links to the later chapter 'asyncio' without { .later }:"
        " [an event loop](asyncio.md#the-event-loop)"
    ]


def test_accepts_the_same_link_marked_later() -> None:
    text = _lock_page() + "\nSee [the event loop](asyncio.md#the-event-loop){ .later }.\n"
    assert problems("lock", text, ROAD) == []


def test_fails_on_a_planted_later_prerequisite() -> None:
    text = _lock_page().replace("prerequisites: [", "prerequisites: [asyncio, ", 1)
    assert problems("lock", text, ROAD) == [
        "lock: prerequisite 'asyncio' comes after it in the nav"
    ]


def test_fails_when_a_chapter_moves_before_what_it_needs() -> None:
    moved = [p for p in ROAD if p != "lock"]
    moved.insert(moved.index("threads"), "lock")
    assert "lock: prerequisite 'threads' comes after it in the nav" in problems(
        "lock", _lock_page(), moved
    )
