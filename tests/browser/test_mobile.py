"""A 375-pixel-wide phone: the drawer opens, code scrolls inside its block."""

from __future__ import annotations

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
