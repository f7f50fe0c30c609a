"""The ProperDocs comparison (tests/properdocs_diff.py, `make properdocs`) sees a difference."""

from __future__ import annotations

import gzip
from pathlib import Path

from tests.properdocs_diff import differences


def _site(folder: Path, page: bytes, sitemap: bytes) -> Path:
    (folder / "pool").mkdir(parents=True)
    (folder / "pool" / "index.html").write_bytes(page)
    (folder / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap, mtime=len(str(folder))))
    return folder


PAGE = b'<head><meta name="generator" content="%s"></head><p>Pool</p>'


def test_only_the_generator_tag_and_gzip_headers_may_differ(tmp_path: Path) -> None:
    one = _site(tmp_path / "a", PAGE % b"mkdocs-1.6.1", b"<urlset/>")
    other = _site(tmp_path / "bb", PAGE % b"properdocs-1.6.7", b"<urlset/>")
    assert differences(one, other) == []


def test_a_changed_page_or_a_missing_file_is_reported(tmp_path: Path) -> None:
    one = _site(tmp_path / "a", PAGE % b"mkdocs", b"<urlset/>")
    other = _site(tmp_path / "b", (PAGE % b"properdocs").replace(b"Pool", b"Pol"), b"<urlset/>")
    (one / "404.html").write_bytes(b"")
    assert differences(one, other) == [
        "404.html: only in MkDocs's build",
        "pool/index.html: differs",
    ]
