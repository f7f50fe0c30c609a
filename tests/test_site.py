"""The site: it builds strictly, and every snippet and its output is on a page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from search.words import WORDS, han_runs, needed_words
from tests.checker.pages import all_pages, pages_by_include, source_name
from tests.checker.site import BuiltSite, build
from tests.checker.snippets import ROOT, SNIPPETS, all_snippets


def test_strict_build_passes(built_site: BuiltSite) -> None:
    assert (built_site.path / "index.html").exists()


def test_missing_include_fails_the_build(tmp_path: Path) -> None:
    """check_paths: including a file that does not exist is an error, not an empty block."""
    project = tmp_path / "project"
    for part in ("docs", "snippets", "hooks", "overrides", "search"):
        shutil.copytree(ROOT / part, project / part)
    shutil.copy(ROOT / "mkdocs.yml", project)
    (project / "docs" / "broken.md").write_text(
        '# Broken\n\n```python\n--8<-- "process/no_such_file.py"\n```\n', "utf-8"
    )
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "no_such_file.py" in result.stderr


def test_every_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    pages = {source_name(p) for p in all_pages()}
    missing = {p for p in pages if f": {p}" not in config}
    assert not missing, f"pages not in the nav of mkdocs.yml: {sorted(missing)}"


SHOWN = pages_by_include()


@pytest.mark.parametrize("snippet", all_snippets(), ids=lambda s: s.name)
def test_snippet_and_its_output_are_shown_together(snippet) -> None:
    code_pages = SHOWN.get(snippet.name, [])
    assert code_pages, f"snippets/{snippet.name} is on no page"
    output_pages = SHOWN.get(snippet.output_name, [])
    assert sorted(code_pages) == sorted(output_pages), (
        f"snippets/{snippet.name} is shown on {code_pages}, "
        f"its output {snippet.output_name} on {output_pages}"
    )


# What may stand beside `name.py`: its recorded output, its declarations, and
# its timeline figure's declaration and recorded trace (tests/checker/timeline.py).
# Longest first, so that `name.timeline.toml` is not read as `name.timeline` + `.toml`.
COMPANIONS = (".timeline.toml", ".trace.json", ".out", ".toml")


def _program_of(path: Path) -> Path | None:
    """The `name` that `path` belongs beside, or None if its ending is not a companion's."""
    for ending in COMPANIONS:
        if path.name.endswith(ending):
            return path.with_name(path.name.removesuffix(ending))
    return None


def test_no_stray_files_in_snippets() -> None:
    programs = {p.with_suffix("") for p in SNIPPETS.glob("*/*.py")}
    stray = [
        p.relative_to(SNIPPETS).as_posix()
        for p in SNIPPETS.glob("*/*")
        if p.suffix in {".out", ".toml", ".json"} and _program_of(p) not in programs
    ]
    assert not stray, f"no snippet for {stray}"


def test_contents_entries_read_as_their_headings(built_site: BuiltSite) -> None:
    """Each "on this page" entry shows its heading's words (a notebook's once lost its code)."""
    wrong = []
    # Only the contents and the headings: half the parsing time.
    wanted = SoupStrainer(["nav", "h1", "h2", "h3", "h4", "h5", "h6"])
    for path in sorted(built_site.path.rglob("index.html")):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser", parse_only=wanted)
        for entry in soup.select("nav.md-nav--secondary a.md-nav__link[href^='#']"):
            heading = soup.find(id=entry["href"][1:])
            for mark in heading.select("a.headerlink"):
                mark.decompose()
            if entry.get_text().split() != heading.get_text().split():
                where = path.relative_to(built_site.path).parent.as_posix()
                wrong.append(f"{where}: {entry.get_text().strip()!r} for {heading.get_text()!r}")
    assert not wrong, "\n".join(wrong)


def test_search_words_cover_every_page(built_site: BuiltSite) -> None:
    """jieba's words for the pages' Chinese text are all in search/words.txt, with the whole sum."""
    wanted = needed_words(han_runs(built_site.path))
    assert WORDS.read_text("utf-8") == wanted, (
        "the pages use Chinese words that search/words.txt lacks, or no longer use some it has: "
        "run `make search-words` and commit search/words.txt"
    )


def test_notebook_headings_keep_their_code_in_their_ids(built_site: BuiltSite) -> None:
    """As on a Markdown page: "Why `fork` seemed to work" is #why-fork-seemed-to-work."""
    page = (built_site.path / "notebooks" / "jupyter" / "index.html").read_text("utf-8")
    assert 'id="why-fork-seemed-to-work"' in page
    assert 'href="#why-fork-seemed-to-work"' in page


def test_every_page_has_a_title_and_summary_for_shared_links(built_site: BuiltSite) -> None:
    """OpenGraph tags (overrides/main.html), in the page's language."""
    for path in built_site.path.rglob("index.html"):
        head = BeautifulSoup(
            path.read_text("utf-8"), "html.parser", parse_only=SoupStrainer("meta")
        )
        tags = {m.get("property"): m.get("content") for m in head.find_all("meta")}
        folder = path.relative_to(built_site.path).as_posix()
        assert tags.get("og:title") and tags.get("og:description"), folder
        chinese = folder.startswith("zh/")
        assert tags.get("og:locale") == ("zh_CN" if chinese else "en_US"), folder
