"""The pages in docs/: which snippets each shows, its language, its URL."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from hooks.last_updated import INCLUDE

from .snippets import ROOT

DOCS = ROOT / "docs"
LANGUAGES = ("en", "zh")  # the first is the default, served from the site root


def includes(page: Path) -> list[str]:
    """The snippet files (paths below snippets/) a page includes, in order."""
    return INCLUDE.findall(page.read_text("utf-8"))


def all_pages() -> list[Path]:
    """Markdown pages and notebook pages."""
    return sorted([*DOCS.rglob("*.md"), *DOCS.rglob("*.ipynb")])


def language(page: Path) -> str:
    """`zh` for docs/pool.zh.md, the default language for docs/pool.md."""
    suffix = page.suffixes[-2][1:] if len(page.suffixes) > 1 else ""
    return suffix if suffix in LANGUAGES else LANGUAGES[0]


def source_name(page: Path) -> str:
    """The page's name without language: `pool.md` for both pool.md and pool.zh.md."""
    relative = page.relative_to(DOCS).as_posix()
    lang = language(page)
    if lang == LANGUAGES[0]:
        return relative
    return relative.replace(f".{lang}.md", ".md").replace(f".{lang}.ipynb", ".ipynb")


def page_url(page: Path) -> str:
    """The page's path below the site root: `pool/`, `zh/pool/`, `` for the home page."""
    name = source_name(page).removesuffix(".md").removesuffix(".ipynb")
    path = "" if name == "index" else f"{name.removesuffix('/index')}/"
    lang = language(page)
    return path if lang == LANGUAGES[0] else f"{lang}/{path}"


def pages_by_include() -> dict[str, list[str]]:
    """For each included file, the pages (paths below docs/) that include it."""
    shown: dict[str, list[str]] = defaultdict(list)
    for page in all_pages():
        for name in includes(page):
            shown[name].append(page.relative_to(DOCS).as_posix())
    return dict(shown)
