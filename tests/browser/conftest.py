"""Browser fixtures: the built site served on 127.0.0.1, opened in Chromium.

The browser is the system's Chromium (Debian's `chromium` here; .ci/run
installs it) or one Playwright already installed. Nothing downloads a
browser. Without one, every browser test is skipped and the summary says so
in red.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser, Error, Page, sync_playwright

from tests.checker.site import BuiltSite, serve

# Quiet, offline Chromium: no update checks, sync or other background calls.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
_skipped_because: list[str] = []


def pytest_terminal_summary(terminalreporter) -> None:
    if _skipped_because:
        terminalreporter.write_line(
            f"BROWSER TESTS SKIPPED: {_skipped_because[0]} "
            "Install Chromium (Debian: apt-get install chromium) and run again.",
            red=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def page_paths(built_site: BuiltSite) -> list[str]:
    """Every page of the site, from its sitemap, as paths below the site root."""
    tree = ElementTree.parse(built_site.path / "sitemap.xml")
    locs = sorted(el.text or "" for el in tree.iter() if el.tag.endswith("loc"))
    return [loc.removeprefix(built_site.url) for loc in locs]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = next((shutil.which(name) for name in SYSTEM_CHROMIUMS if shutil.which(name)), None)
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as exc:
            reason = f"no Chromium found ({str(exc).splitlines()[0]})."
            _skipped_because.append(reason)
            pytest.skip(reason)
        yield launched
        launched.close()


@dataclass
class Traffic:
    """What a page did on the network and in its console."""

    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser: Browser, site_url: str, traffic: Traffic) -> Iterator[Page]:
    origin = urlparse(site_url).netloc
    context = browser.new_context(base_url=site_url)
    new_page = context.new_page()
    new_page.on(
        "console", lambda m: traffic.console_errors.append(m.text) if m.type == "error" else None
    )
    new_page.on("pageerror", lambda exc: traffic.console_errors.append(str(exc)))
    new_page.on("requestfailed", lambda r: traffic.failed.append(f"{r.url} ({r.failure})"))
    new_page.on(
        "request",
        lambda r: (
            traffic.foreign.append(r.url)
            if urlparse(r.url).netloc not in ("", origin) and not r.url.startswith("data:")
            else None
        ),
    )
    yield new_page
    context.close()
