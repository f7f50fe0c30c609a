"""English and Chinese: every page in both, showing the same examples."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from tests.checker.pages import LANGUAGES, all_pages, includes, language, source_name


def _by_source() -> dict[str, dict[str, Path]]:
    found: dict[str, dict[str, Path]] = defaultdict(dict)
    for page in all_pages():
        found[source_name(page)][language(page)] = page
    return dict(found)


PAGES = _by_source()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_exists_in_every_language(name: str) -> None:
    missing = [lang for lang in LANGUAGES if lang not in PAGES[name]]
    assert not missing, f"docs/{name} has no {missing} version"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_translations_show_the_same_snippets(name: str) -> None:
    shown = {lang: includes(page) for lang, page in PAGES[name].items()}
    english = shown[LANGUAGES[0]]
    for lang, files in shown.items():
        assert files == english, f"docs/{name}: {lang} includes {files}, English {english}"


@pytest.mark.parametrize("page", all_pages(), ids=lambda p: p.name)
def test_page_has_a_description(page: Path) -> None:
    text = page.read_text("utf-8")
    if page.suffix == ".ipynb":  # hooks/notebooks.py takes it from the notebook's metadata
        assert json.loads(text)["metadata"].get("description"), f"{page.name}: no description"
        return
    head = text.split("---", 2)[1] if text.startswith("---") else ""
    assert "description:" in head, f"{page.name} has no meta description in its front matter"
