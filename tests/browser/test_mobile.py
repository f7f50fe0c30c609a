"""A 375-pixel-wide phone: the drawer opens, code scrolls inside its block."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect


def test_drawer_and_code_on_a_phone(browser: Browser, site_url: str) -> None:
    context = browser.new_context(
        base_url=site_url, viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto("pool/")

    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator("nav.md-nav--primary")).to_be_in_viewport()

    # Nothing makes the page itself wider than the screen ...
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # ... while a long code line scrolls inside its own block.
    overflowing = page.evaluate(
        """[...document.querySelectorAll('pre > code')]
             .filter(c => c.scrollWidth > c.clientWidth)
             .map(c => getComputedStyle(c).overflowX)"""
    )
    assert overflowing, "expected at least one code block wider than a phone"
    assert set(overflowing) <= {"auto", "scroll"}
    context.close()


# The smallest text of each timeline figure, as drawn: its font size times
# the scale at which the SVG is shown.
_SMALLEST_FIGURE_TEXT = """[...document.querySelectorAll('figure.timeline svg')].map(svg => {
  const scale = svg.getScreenCTM().a;
  const sizes = [...svg.querySelectorAll('text')]
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  return [svg.closest('figure').id, Math.min(...sizes)];
})"""


def test_timeline_text_is_readable_on_a_phone(browser: Browser, site_url: str) -> None:
    """No text of a timeline is under 11 px at 375 px, on a page with several."""
    context = browser.new_context(
        base_url=site_url, viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    small = {}
    for path in ("lock/", "zh/asyncio/"):
        page.goto(path)
        figures = page.evaluate(_SMALLEST_FIGURE_TEXT)
        assert len(figures) >= 2, f"{path}: expected two timelines or more"
        small.update({f"{path}#{name}": px for name, px in figures if px < 11})
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert not small, f"timeline text under 11 px: {small}"
    context.close()


def _growth_while_scrolling(page, path: str) -> float:
    """How much longer the page is once every code block has been laid out
    (scrolled through) than as first shown, as a fraction of the final length."""
    page.goto(path)
    first = page.evaluate("document.documentElement.scrollHeight")
    page.evaluate(
        """async () => {
             for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
               window.scrollTo(0, y);
               await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
             }
           }"""
    )
    last = page.evaluate("document.documentElement.scrollHeight")
    return (last - first) / last


@pytest.mark.parametrize("width", [375, 1280])
def test_a_long_page_keeps_its_length_while_scrolling(
    browser: Browser, site_url: str, width: int
) -> None:
    """Each code block waits for layout in a placeholder of its own height
    (hooks/code_placeholders.py), so the scroll bar does not jump: with one
    height for every block, /asyncio/ grew by 18% at 375 px and 22% at 1280."""
    context = browser.new_context(base_url=site_url, viewport={"width": width, "height": 740})
    page = context.new_page()
    grown = {p: _growth_while_scrolling(page, p) for p in ("asyncio/", "zh/pitfalls/")}
    context.close()
    assert all(abs(g) <= 0.02 for g in grown.values()), grown


# Each code name in a table, cut where its lines break: the text before each
# break, found by the line each character is drawn on.
_TABLE_CODE_BREAKS = """[...document.querySelectorAll('.md-typeset__table code')].flatMap(code => {
  const text = code.textContent, range = document.createRange(), walker =
    document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  const tops = [];
  for (let node; (node = walker.nextNode());)
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      tops.push(Math.round(range.getBoundingClientRect().top));
    }
  const cuts = [];
  for (let i = 1; i < tops.length; i++) if (tops[i] > tops[i - 1]) cuts.push(text.slice(0, i));
  return cuts.map(before => [text, before]);
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_code_names_in_tables_break_only_after_a_dot_or_underscore(
    browser: Browser, site_url: str, width: int
) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": width, "height": 800})
    page = context.new_page()
    bad = []
    for path in ("choosing/", "process/", "futures/", "zh/choosing/"):
        page.goto(path)
        breaks = page.evaluate(_TABLE_CODE_BREAKS)
        bad += [
            f"{path} {text!r} after {before!r}"
            for text, before in breaks
            if not before.endswith((".", "_", " "))
        ]
    context.close()
    assert not bad, "\n".join(bad)
