"""The first paint follows the reader's system scheme, before Material's bundle runs.

The bundle is deferred (overrides/main.html), so until it runs only the
inline palette script (overrides/partials/javascripts/palette.html) decides
the colours. These tests block the bundle, so that what they see is what a
reader sees in the first second of every page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

SCHEMES = {"light": "default", "dark": "slate"}


def _saved(scheme: str) -> str:
    """Material's stored choice, as its toggle writes it."""
    color = {"media": "", "scheme": scheme, "primary": "indigo", "accent": "indigo"}
    return json.dumps({"index": 0, "color": color})


@pytest.fixture(params=sorted(SCHEMES))
def system(request: pytest.FixtureRequest, browser: Browser, site_url: str) -> Iterator[Page]:
    """A fresh tab on a system that prefers the light or the dark scheme,
    with Material's bundle never arriving."""
    context = browser.new_context(base_url=site_url, color_scheme=request.param)
    context.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page = context.new_page()
    page.system = request.param
    yield page
    context.close()


def _scheme(page: Page, path: str) -> str:
    page.goto(path, wait_until="domcontentloaded")
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_the_system_scheme_is_applied_without_the_bundle(system: Page) -> None:
    assert _scheme(system, "") == SCHEMES[system.system]
    assert _scheme(system, "zh/lock/") == SCHEMES[system.system]


@pytest.mark.parametrize("chosen", ["default", "slate"])
def test_a_saved_choice_wins_over_the_system(system: Page, chosen: str) -> None:
    system.goto("", wait_until="domcontentloaded")
    key = system.evaluate("() => new URL('.', location).pathname + '.__palette'")
    system.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, _saved(chosen)])
    assert _scheme(system, "") == chosen
