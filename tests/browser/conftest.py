"""Browser fixtures: the built site served on 127.0.0.1, opened in Chromium.

The browser is the system's Chromium (Debian's `chromium` here; .ci/run
installs it), preferably its headless shell, or one Playwright already
installed. Nothing downloads a browser. Without one, every browser test is
skipped and the summary says so in red.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse
from xml.etree import ElementTree

import psutil
import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Error,
    Page,
    Request,
    sync_playwright,
)

from tests.checker.site import BuiltSite, serve

# Quiet, offline Chromium: no update checks, sync or other background calls.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
]
SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
# Chromium's build for automation, without the browser's user interface
# (Debian: chromium-headless-shell). The same pages cost 12% less CPU in it
# here (8 chapters, three alternated runs each), so the tests prefer it.
HEADLESS_SHELLS = ("chromium-headless-shell", "chrome-headless-shell")
# A laptop's browser window; at this width and wider, Material's text
# column is as wide as it gets.
DESKTOP = {"width": 1280, "height": 720}
BROWSER_NICENESS = 10  # see _yield_the_cpu_to_programs
_skipped_because: list[str] = []


def find_chromium(names: tuple[str, ...] = SYSTEM_CHROMIUMS) -> str | None:
    """The first of `names` on PATH: by default the system's Chromium or Chrome."""
    return next(filter(None, map(shutil.which, names)), None)


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
    with serve(built_site, anywhere=True) as url:
        yield url


@pytest.fixture(scope="session")
def page_paths(built_site: BuiltSite) -> list[str]:
    """Every page of the site, from its sitemap, as paths below the site root."""
    tree = ElementTree.parse(built_site.path / "sitemap.xml")
    locs = sorted(el.text or "" for el in tree.iter() if el.tag.endswith("loc"))
    return [loc.removeprefix(built_site.url) for loc in locs]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = find_chromium(HEADLESS_SHELLS + SYSTEM_CHROMIUMS)
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as exc:
            reason = f"no Chromium found ({str(exc).splitlines()[0]})."
            _skipped_because.append(reason)
            pytest.skip(reason)
        _yield_the_cpu_to_programs()
        yield launched
        launched.close()


def _yield_the_cpu_to_programs() -> None:
    """Lower the browser's scheduling priority, for it and the tabs it starts.

    The examples under test print what they print partly because of timing
    (a sleep orders two threads, a Dask worker must answer a heartbeat in
    time), and they run beside the browser tests. Reniced, Chromium's
    renderers, where its work is, get the CPU time the programs leave (most
    of it: they spend theirs waiting) instead of taking it from them. They
    fork from processes that exist now, so they inherit the priority.
    """
    if sys.platform == "win32":
        return
    for process in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if process.name().startswith("chrom"):
                process.nice(BROWSER_NICENESS)


@dataclass
class Traffic:
    """What a page did on the network and in its console."""

    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    in_flight: set[Request] = field(default_factory=set)

    def watch(self, page: Page, origin: str) -> None:
        def started(request: Request) -> None:
            self.in_flight.add(request)
            if urlparse(request.url).netloc not in ("", origin) and request.url[:5] != "data:":
                self.foreign.append(request.url)

        def finished(request: Request) -> None:
            self.in_flight.discard(request)

        def failed(request: Request) -> None:
            self.in_flight.discard(request)
            self.failed.append(f"{request.url} ({request.failure})")

        def console(message: ConsoleMessage) -> None:
            if message.type == "error":
                self.console_errors.append(message.text)

        page.on("request", started)
        page.on("requestfinished", finished)
        page.on("requestfailed", failed)
        page.on("console", console)
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))

    def forget(self, page: Page, limit_ms: int = 2_000) -> None:
        """Let requests in flight finish, then forget everything seen so far."""
        waited = 0
        while self.in_flight and waited < limit_ms:
            page.wait_for_timeout(20)
            waited += 20
        for seen in (self.failed, self.foreign, self.console_errors, self.in_flight):
            seen.clear()

    def settle(self, page: Page, quiet_ms: int = 100, limit_ms: int = 10_000) -> None:
        """Wait until no request has been in flight for `quiet_ms`.

        Playwright's "networkidle" waits for 500 ms of silence on every page;
        requests that start later than 100 ms after the last one ended are
        not something this site does.
        """
        quiet = waited = 0
        while quiet < quiet_ms and waited < limit_ms:
            page.wait_for_timeout(20)
            waited += 20
            quiet = 0 if self.in_flight else quiet + 20
        assert not self.in_flight, f"still loading after {limit_ms} ms: {self.in_flight}"


@pytest.fixture(scope="session")
def empty_search_index(built_site: BuiltSite) -> str:
    """The site's search settings with no documents."""
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    return json.dumps({**index, "docs": []})


@pytest.fixture(scope="session")
def _reading_tab(
    browser: Browser, site_url: str, empty_search_index: str
) -> Iterator[tuple[Page, Traffic]]:
    """One tab per worker that goes from page to page, as a reader's does.

    A fresh browser context for every page cost 1.2 s of CPU a visit: a new
    renderer process, and every stylesheet and script fetched and compiled
    cold. Material's search worker would index the whole 1.3 MB index on
    every page load, another 0.4 s: this tab gets the site's search settings
    with no documents, and the search tests (`page_with_search`) the real index.
    """
    context = browser.new_context(base_url=site_url, viewport=DESKTOP)
    context.route(
        "**/search/search_index.json", lambda route: route.fulfill(body=empty_search_index)
    )
    tab = context.new_page()
    traffic = Traffic()
    traffic.watch(tab, urlparse(site_url).netloc)
    yield tab, traffic
    context.close()


def start_afresh(tab: Page, traffic: Traffic, site_url: str) -> None:
    """Nothing of the last test is left: its requests, errors and the reader's choices."""
    traffic.forget(tab)
    if tab.url.startswith(site_url):  # the colour scheme, a chosen content tab
        tab.evaluate("localStorage.clear(); sessionStorage.clear()")


@pytest.fixture
def traffic(_reading_tab: tuple[Page, Traffic], site_url: str) -> Traffic:
    tab, traffic = _reading_tab
    start_afresh(tab, traffic, site_url)
    return traffic


@pytest.fixture
def page(_reading_tab: tuple[Page, Traffic], traffic: Traffic) -> Page:
    return _reading_tab[0]


@pytest.fixture
def page_with_search(browser: Browser, site_url: str) -> Iterator[Page]:
    """A fresh tab whose search worker indexes the whole site."""
    context = browser.new_context(base_url=site_url)
    yield context.new_page()
    context.close()
