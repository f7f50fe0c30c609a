"""What a reader does across pages: follow the nav, switch language, hit a 404.

Search: test_search.py.
"""

from __future__ import annotations

import contextlib
import re
import sys

import psutil
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Traffic, yields_the_cpu
from tests.checker.pages import all_pages, page_url
from tests.checker.site import TEST_REPO_URL

PAGES = [page_url(p) for p in all_pages()]


def test_sitemap_lists_every_page(page_paths: list[str]) -> None:
    assert sorted(page_paths) == sorted(PAGES)


def test_every_nav_entry_opens(page: Page, traffic: Traffic) -> None:
    page.goto("")
    targets = page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]", "links => [...new Set(links.map(a => a.href))]"
    )
    assert len(targets) >= 5
    for target in targets:
        # Click the entry on whatever page the previous click opened, as soon
        # as its heading is there (test_pages loads every page fully).
        with page.expect_navigation(wait_until="commit"):
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


@pytest.mark.parametrize(
    ("start", "language", "expected"),
    [
        ("pool/", "中文", "zh/pool/"),
        ("zh/lock/", "English", "lock/"),
        ("notebooks/gil/", "中文", "zh/notebooks/gil/"),
    ],
)
def test_language_switcher_keeps_the_page(
    page: Page, site_url: str, start: str, language: str, expected: str
) -> None:
    page.goto(start)
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.get_by_role("link", name=language, exact=True).click()
    assert page.url == f"{site_url}{expected}"


def test_colour_scheme_follows_the_system_then_the_toggle(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, color_scheme="dark")
    page = context.new_page()
    page.goto("pool/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    context.close()


# Counts the times Material's palette marks <body> as switching colours, a
# mark that restyles every element of the page when it is set and again when
# it is removed.
_COUNT_SWITCHING_MARKS = """window.switchingMarks = 0;
new MutationObserver((changes) => { window.switchingMarks += changes.length; })
  .observe(document, { subtree: true, attributeFilter: ["data-md-color-switching"] });"""


@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_a_load_marks_a_colour_switch_only_when_colours_change(
    browser: Browser, site_url: str, system: str, scheme: str
) -> None:
    """hooks/palette.py: the inline script has already applied the system's
    scheme (test_palette.py), so the bundle's load changes no colour and sets
    no switching mark; a click on the toggle does, without a fade."""
    context = browser.new_context(base_url=site_url, color_scheme=system)
    context.add_init_script(_COUNT_SWITCHING_MARKS)
    page = context.new_page()
    page.goto("pool/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    # The palette's last step on load fills the theme-colour tag; the mark,
    # when there is one, is removed in the task after.
    page.wait_for_function("document.querySelector('meta[name=theme-color]')?.content")
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    assert page.evaluate("window.switchingMarks") == 0
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    assert page.evaluate("window.switchingMarks") == 2
    context.close()


# Counts the tables taken out of the page after it was parsed.
_COUNT_MOVED_TABLES = """window.movedTables = 0;
new MutationObserver((changes) => {
  for (const change of changes)
    window.movedTables += [...change.removedNodes].filter((n) => n.nodeName === "TABLE").length;
}).observe(document, { subtree: true, childList: true });"""


def test_a_load_moves_no_table(browser: Browser, site_url: str) -> None:
    """hooks/tables.py: each table arrives wrapped for scrolling, once."""
    context = browser.new_context(base_url=site_url)
    context.add_init_script(_COUNT_MOVED_TABLES)
    page = context.new_page()
    page.goto("verified/")  # returns at the load event, after Material's start
    tables = page.locator("article table")
    assert tables.count() > 1
    expect(page.locator(".md-typeset__scrollwrap > .md-typeset__table > table")).to_have_count(
        tables.count()
    )
    expect(page.locator(".md-typeset__table .md-typeset__table")).to_have_count(0)
    assert page.evaluate("window.movedTables") == 0
    context.close()


# The code blocks wider than a 375 px window that start below its first screen.
_WIDE_BELOW_THE_FOLD = """() => [...document.querySelectorAll("pre > code")].flatMap((code, i) =>
  code.scrollWidth > code.clientWidth && code.getBoundingClientRect().top > innerHeight
    ? [i] : [])"""


def test_a_wide_code_block_is_measured_when_seen_and_reached_by_keyboard(
    browser: Browser, site_url: str
) -> None:
    """hooks/code_overflow.py: no block is measured at load; a keyboard still scrolls each."""
    context = browser.new_context(base_url=site_url, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto("asyncio/")
    # Material makes a wide block focusable only on a screen with hover.
    assert page.evaluate("matchMedia('(hover)').matches")
    # Material adds every block's copy button and, unedited, measures every
    # block, in one task: once the last button is there, so would be the marks.
    expect(page.locator("pre > nav.md-code__nav").last).to_be_attached()
    wide = page.evaluate(_WIDE_BELOW_THE_FOLD)
    assert len(wide) > 1, "no wide code blocks below the fold to test with"
    codes = page.locator("pre > code")
    assert [i for i in wide if codes.nth(i).get_attribute("tabindex") is not None] == []
    # A keyboard comes to the copy button first, which scrolls the block into view.
    code = codes.nth(wide[-1])
    code.locator("xpath=preceding-sibling::nav//button").focus()
    expect(code).to_have_attribute("tabindex", "0")
    page.keyboard.press("Tab")
    expect(code).to_be_focused()
    context.close()


@pytest.mark.parametrize(("path", "source"), [("pool/", "pool.md"), ("zh/pool/", "pool.zh.md")])
def test_edit_link_and_last_update(page: Page, path: str, source: str) -> None:
    page.goto(path)
    edit = page.locator("article a.md-content__button[href*='/edit/']")
    expect(edit).to_have_attribute("href", f"{TEST_REPO_URL}/edit/main/docs/{source}")
    # A program's title bar links to its file (hooks/source_links.py).
    words = "源文件" if source.endswith(".zh.md") else "source"
    program = page.locator(".language-python span.filename", has_text="apply_async.py")
    expect(program.locator("a.source-link")).to_have_attribute(
        "href", f"{TEST_REPO_URL}/blob/main/snippets/pool/apply_async.py"
    )
    expect(program.locator("a.source-link")).to_have_attribute("data-words", words)
    expect(program).to_have_text("apply_async.py")  # the name alone: Material names blocks by it
    # The repository, as a plain link: no component for Material to fill in
    # from GitHub's API (the traffic watcher fails any third-party request).
    source = page.locator("header a.md-source")
    expect(source).to_have_attribute("href", TEST_REPO_URL)
    expect(source).not_to_have_attribute("data-md-component", "source")
    # hooks/last_updated.py; tests/test_last_updated.py checks which date.
    expect(page.locator(".md-source-file__fact")).to_have_text(re.compile(r"\b20\d\d\b"))


@pytest.mark.skipif(sys.platform == "win32", reason="scheduling priority is POSIX")
def test_the_tabs_yield_the_cpu_to_programs(page: Page) -> None:
    """Every thread of the browser's processes, renderers and zygotes
    included, runs at the lowered priority, whichever Chromium this is."""
    page.goto("pool/")
    page.evaluate("new Promise(requestAnimationFrame)")  # the renderer is at work
    verdicts = {}
    for process in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):  # a helper that has just exited
            if process.name().startswith("chrom"):
                kind = next((a for a in process.cmdline() if a.startswith("--type=")), "browser")
                verdicts.setdefault(kind, set()).add(yields_the_cpu(process))
    assert "--type=renderer" in verdicts, "no Chromium renderer process found"
    assert verdicts == {kind: {True} for kind in verdicts}
