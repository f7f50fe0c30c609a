"""Build the site once and serve it on 127.0.0.1, as GitHub Pages would."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .snippets import ROOT

# Where tests pretend the repository lives, to see the "edit this page" links.
TEST_REPO_URL = "https://github.com/owner/repository"


def build(
    site: Path, config: Path = ROOT / "mkdocs.yml", url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` into `site`, for publishing at `url`; the result carries the log."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "REPO_URL": TEST_REPO_URL,
        "EDIT_URL": f"{TEST_REPO_URL}/edit/main/docs/",
    }
    if url:
        env["SITE_URL"] = url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    url: str  # the address it was built for: its canonical links and sitemap name it


def free_local_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


# What GitHub Pages sends gzip-compressed, when the browser accepts it.
_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb"}


@functools.cache
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    # Every page load fetches its language's search index (0.5-0.8 MB); compress each file once.
    return gzip.compress(path.read_bytes())


class _Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        # Compressed as GitHub Pages serves it, so Lighthouse measures what readers get.
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.is_file() and path.suffix in _COMPRESSED):
            return super().do_GET()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        # Like GitHub Pages: an unknown path gets the site's own 404 page.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output readable


@contextmanager
def serve(site: BuiltSite, anywhere: bool = False) -> Iterator[str]:
    """Serve the site on 127.0.0.1 and yield its URL.

    On the port it was built for, or, `anywhere`, on a free one: xdist
    workers share one build and each serves it. Only the canonical links and
    the sitemap name the built port, and no test follows those.
    """
    handler = functools.partial(_Handler, directory=str(site.path))
    port = 0 if anywhere else int(site.url.rstrip("/").rsplit(":", 1)[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
