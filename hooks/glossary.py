"""The glossary page: one vocabulary for both languages, kept in one file.

docs/glossary.toml holds every term the guide uses, in English and Chinese,
with the page that teaches it and a one-line definition in each language.
This hook replaces the marker `<!-- glossary -->` on docs/glossary.md and
docs/glossary.zh.md with a table in the page's language, each term linked to
its teaching page. tests/test_glossary.py checks the pages against the same
file, so the table and the words the pages use cannot drift apart.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

MARKER = "<!-- glossary -->"
SOURCE = Path(__file__).parent.parent / "docs" / "glossary.toml"

_HEADERS = {
    "en": ("Term", "中文", "Meaning"),
    "zh": ("术语", "English", "释义"),
}


def load(path: Path = SOURCE) -> list[dict]:
    """The [[term]] entries of the glossary file, in the file's order."""
    return tomllib.loads(path.read_text("utf-8"))["term"]


def _cell(text: str) -> str:
    return text.replace("|", r"\|")


def _words(text: str) -> str:
    """A term as link text: its underscores shown, not read as emphasis."""
    return _cell(text).replace("_", r"\_")


def table(terms: list[dict], lang: str) -> str:
    """A Markdown table of `terms` for a page in `lang` ("en" or "zh")."""
    other = "zh" if lang == "en" else "en"
    head = _HEADERS[lang]
    rows = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | --- | --- |"]
    for term in terms:
        meaning = term[f"{lang}_definition"]
        if lang == "zh" and term["zh_also"]:
            meaning += "（又称 " + "、".join(term["zh_also"]) + "）"
        rows.append(
            f"| [{_words(term[lang])}]({term['page']}) | {_words(term[other])} | {_cell(meaning)} |"
        )
    return "\n".join(rows)


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    if MARKER not in markdown:
        return markdown
    lang = "zh" if page.file.src_uri.endswith(".zh.md") else "en"
    return markdown.replace(MARKER, table(load(), lang))
