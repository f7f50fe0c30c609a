"""What a reader does: open pages, follow the nav, copy code, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Traffic
from tests.checker.pages import LANGUAGES, all_pages, includes, language, page_url
from tests.checker.site import TEST_REPO_URL
from tests.checker.snippets import SNIPPETS

PAGES = [page_url(p) for p in all_pages()]
ENGLISH = [p for p in all_pages() if language(p) == LANGUAGES[0]]


def test_sitemap_lists_every_page(page_paths: list[str]) -> None:
    assert sorted(page_paths) == sorted(PAGES)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_loads_cleanly(page: Page, traffic: Traffic, path: str) -> None:
    """No console errors, no failed request, nothing fetched from another origin."""
    response = page.goto(path, wait_until="networkidle")
    assert response and response.ok
    assert not traffic.console_errors
    assert not traffic.failed
    assert not traffic.foreign


def test_every_nav_entry_opens(page: Page, traffic: Traffic) -> None:
    page.goto("")
    targets = page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]", "links => [...new Set(links.map(a => a.href))]"
    )
    assert len(targets) >= 5
    for target in targets:
        # Click the entry on whatever page the previous click opened.
        with page.expect_navigation(wait_until="load"):
            page.evaluate(
                """url => [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link')]
                     .find(a => a.href === url).click()""",
                target,
            )
        assert page.url == target
        expect(page.locator("article h1")).to_have_count(1)
    assert not traffic.console_errors


def test_unknown_path_shows_the_404_page(page: Page) -> None:
    response = page.goto("no/such/page/")
    assert response is not None and response.status == 404
    expect(page.locator("article h1")).to_contain_text("404")
    # The 404 page is styled: its stylesheets load from any depth.
    assert page.evaluate("getComputedStyle(document.body).fontSize") != ""
    expect(page.locator("header.md-header")).to_be_visible()


@pytest.mark.parametrize("md", [p for p in ENGLISH if includes(p)], ids=lambda p: p.name)
def test_copy_button_copies_the_snippet_file(page: Page, md: Path) -> None:
    """English pages; test_i18n proves the Chinese ones include the same files."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(page_url(md))
    files = [SNIPPETS / name for name in includes(md) if name.endswith(".py")]
    for file in files:
        block = page.locator(f'div.highlight:has(span.filename:text-is("{file.name}"))').first
        block.hover()
        block.locator("button.md-code__button[data-md-type='copy']").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        # Material drops the block's final newline, and only that.
        assert copied + "\n" == file.read_text("utf-8"), f"copy of {file.name}"


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [("", "Pool", "pool/"), ("zh/", "进程池", "zh/pool/")],
    ids=["en", "zh"],
)
def test_search_finds_the_pool_page(
    page: Page, site_url: str, start: str, query: str, expected: str
) -> None:
    page.goto(start)
    # Typing before the search index is loaded would be lost, as for a reader.
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    # Results arrive as the index answers; wait for the one that matters.
    target = f"{site_url}{expected}"
    page.wait_for_function(
        """target => [...document.querySelectorAll('.md-search-result__item > a')]
             .some(a => a.href.split('?')[0] === target)""",
        arg=target,
    )


@pytest.mark.parametrize(
    ("start", "language", "expected"),
    [("pool/", "中文", "zh/pool/"), ("zh/lock/", "English", "lock/")],
)
def test_language_switcher_keeps_the_page(
    page: Page, site_url: str, start: str, language: str, expected: str
) -> None:
    page.goto(start)
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.get_by_role("link", name=language, exact=True).click()
    assert page.url == f"{site_url}{expected}"


@pytest.mark.parametrize(("path", "source"), [("pool/", "pool.md"), ("zh/pool/", "pool.zh.md")])
def test_edit_link_and_last_update(page: Page, path: str, source: str) -> None:
    page.goto(path)
    edit = page.locator("article a.md-content__button[href*='/edit/']")
    expect(edit).to_have_attribute("href", f"{TEST_REPO_URL}/edit/main/docs/{source}")
    expect(page.locator(".git-revision-date-localized-plugin-date")).to_have_count(1)
