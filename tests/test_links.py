"""Every internal link and anchor of the built site resolves; external ones are listed."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from tests.checker.site import BuiltSite
from tests.checker.snippets import ROOT

REPORT = ROOT / "reports" / "external-links.txt"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "a" and found.get("name"):
            self.ids.add(found["name"])
        for attr in ("href", "src"):
            if found.get(attr) and tag in {"a", "link", "script", "img"}:
                self.links.append(found[attr])


def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text("utf-8"))
    return parser


def _target_file(site: BuiltSite, url: str) -> Path:
    relative = unquote(url.removeprefix(site.url).split("#")[0].split("?")[0])
    target = site.path / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target


def test_internal_links_and_anchors_resolve(built_site: BuiltSite) -> None:
    parsed = {p: _parse(p) for p in built_site.path.rglob("*.html")}
    broken, external = [], set()
    for path, page in parsed.items():
        here = urljoin(built_site.url, path.relative_to(built_site.path).as_posix())
        for link in page.links:
            url = urljoin(here, link)
            if not url.startswith(built_site.url):
                if urlparse(url).scheme in {"http", "https"}:
                    external.add(url)
                continue
            target = _target_file(built_site, url)
            fragment = urlparse(url).fragment
            if not target.exists():
                broken.append(f"{path.relative_to(built_site.path)}: {link} (no {target.name})")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{path.relative_to(built_site.path)}: {link} (no #{fragment})")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("".join(f"{u}\n" for u in sorted(external)), "utf-8")
    assert not broken, "\n".join(broken)
