"""What a reader does: open pages, follow the nav, copy code, search."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.conftest import Traffic
from tests.checker.pages import DOCS, includes
from tests.checker.snippets import SNIPPETS


def test_every_page_loads_cleanly(page: Page, page_paths: list[str], traffic: Traffic) -> None:
    """No console errors, no failed request, nothing fetched from another origin."""
    assert len(page_paths) >= 5
    for path in page_paths:
        response = page.goto(path, wait_until="networkidle")
        assert response and response.ok, path
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


def _snippet_pages() -> list[tuple[str, list[Path]]]:
    pages = []
    for md in sorted(DOCS.rglob("*.md")):
        files = [SNIPPETS / name for name in includes(md) if name.endswith(".py")]
        if files:
            url = md.relative_to(DOCS).with_suffix("").as_posix() + "/"
            pages.append((url, files))
    return pages


def test_copy_button_copies_the_snippet_file(page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    checked = 0
    for url, files in _snippet_pages():
        page.goto(url)
        for file in files:
            block = page.locator(f'div.highlight:has(span.filename:text-is("{file.name}"))').first
            block.hover()
            block.locator("button.md-code__button[data-md-type='copy']").click()
            copied = page.evaluate("navigator.clipboard.readText()")
            # Material drops the block's final newline, and only that.
            assert copied + "\n" == file.read_text("utf-8"), f"{url}: copy of {file.name}"
            checked += 1
    assert checked >= 10


def test_search_finds_the_pool_page(page: Page) -> None:
    page.goto("")
    # Typing before the search index is loaded would be lost, as for a reader.
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Pool")
    # Results arrive as the index answers; wait for the one that matters.
    expect(page.locator(".md-search-result__item a[href*='pool/']").first).to_be_visible()
