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
    page.goto("", wait_until="networkidle")
    links = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    hrefs = sorted({links.nth(i).get_attribute("href") or "" for i in range(links.count())})
    assert len(hrefs) >= 5
    for href in hrefs:
        page.goto("", wait_until="networkidle")
        page.locator(f'nav.md-nav--primary a.md-nav__link[href="{href}"]').first.dispatch_event(
            "click"
        )
        page.wait_for_load_state("networkidle")
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
        page.goto(url, wait_until="networkidle")
        for file in files:
            block = page.locator(f'div.highlight:has(span.filename:text-is("{file.name}"))').first
            block.hover()
            block.locator("button.md-clipboard").click()
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == file.read_text("utf-8"), f"{url}: copy of {file.name}"
            checked += 1
    assert checked >= 10


def test_search_finds_the_pool_page(page: Page) -> None:
    page.goto("", wait_until="networkidle")
    page.locator("label.md-search__icon, label[for='__search']").first.click()
    page.locator("input.md-search__input").fill("Pool")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any("pool/" in h for h in hrefs), hrefs
