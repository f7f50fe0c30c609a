"""Browser fixtures: the built site served on 127.0.0.1, opened in Chromium.

The browser is the system's Chromium (Debian's `chromium` here; .ci/run
installs it), preferably its headless shell, or one Playwright already
installed; CHROMIUM names one exactly. Nothing downloads a browser. Without
one, every browser test is skipped and the summary says so in red.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
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
BROWSER_NICENESS = 10  # where there is no SCHED_IDLE: see _yielding_the_cpu
_skipped_because: list[str] = []


def find_chromium(names: tuple[str, ...] = SYSTEM_CHROMIUMS) -> str | None:
    """The browser CHROMIUM names, else the first of `names` on PATH: by
    default the system's Chromium or Chrome."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        return shutil.which(chosen) or chosen
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
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        executable = (
            find_chromium(HEADLESS_SHELLS + SYSTEM_CHROMIUMS) or playwright.chromium.executable_path
        )
        launcher = _yielding_the_cpu(executable, tmp_path_factory.mktemp("chromium"))
        try:
            launched = playwright.chromium.launch(executable_path=launcher, args=CHROMIUM_ARGS)
        except Error as exc:
            reason = f"no Chromium found ({str(exc).splitlines()[0]})."
            _skipped_because.append(reason)
            pytest.skip(reason)
        yield launched
        launched.close()


def _yielding_the_cpu(executable: str, folder: Path) -> str:
    """A program that starts `executable` at a low priority, which everything
    the browser starts inherits; on Windows, `executable` itself.

    The examples under test print what they print partly because of timing
    (a sleep orders two threads, a Dask worker must answer a heartbeat in
    time), and they run beside the browser tests: the browser gets only the
    CPU time they leave. Renicing Chromium once it runs was not enough. As
    root, the full browser sets its own threads' niceness (renderers 0 or
    5, the GPU process -8; niceness belongs to a thread), and a process it
    started while the renice went through kept 0. So on Linux the browser
    starts with the SCHED_IDLE policy, which setpriority() cannot undo and
    every thread and process inherits; elsewhere with niceness 10.
    """
    if sys.platform == "win32":
        return executable
    launcher = folder / "chromium-yielding-the-cpu"
    launcher.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        "if hasattr(os, 'SCHED_IDLE'):\n"
        "    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))\n"
        "else:\n"
        f"    os.nice({BROWSER_NICENESS})\n"
        f"os.execv({executable!r}, [{executable!r}, *sys.argv[1:]])\n",
        "utf-8",
    )
    launcher.chmod(0o755)
    return str(launcher)


def yields_the_cpu(process: psutil.Process) -> bool:
    """True when every thread of the process runs at the browser's low priority."""
    if not hasattr(os, "SCHED_IDLE"):
        return process.nice() == BROWSER_NICENESS
    return all(os.sched_getscheduler(t.id) == os.SCHED_IDLE for t in process.threads())


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
    cold. Material's search worker would index its language's index (0.5-0.8 MB) on
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
