"""`make properdocs`: the site built by ProperDocs must equal the MkDocs build.

Material for MkDocs gets no fixes after 2027-05-05 and MkDocs 2.0 drops
plugins; ProperDocs, a maintained fork of MkDocs 1.6.1, loads the same
plugins and hooks (see the README's "After Material's end of life"). This
builds the site with both, strictly, and compares every file: HTML apart
from the `generator` meta tag, the gzipped sitemap by its content. The day
a plugin or Material update breaks the fork, this says where.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.checker.snippets import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(tool: str, folder: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", tool, "build", "--strict", "-q", "-d", str(folder)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{tool} build failed:\n{result.stderr}")


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".html":
        return GENERATOR.sub(b"", data)
    if path.suffix == ".gz":
        return gzip.decompress(data)
    return data


def differences(one: Path, other: Path) -> list[str]:
    """The files that differ between two builds, or exist in one only."""
    names = {p.relative_to(one) for p in one.rglob("*") if p.is_file()}
    names |= {p.relative_to(other) for p in other.rglob("*") if p.is_file()}
    found = []
    for name in sorted(names):
        a, b = one / name, other / name
        if not a.exists() or not b.exists():
            found.append(f"{name}: only in {'ProperDocs' if b.exists() else 'MkDocs'}'s build")
        elif _content(a) != _content(b):
            found.append(f"{name}: differs")
    return found


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        mkdocs, properdocs = Path(tmp) / "mkdocs", Path(tmp) / "properdocs"
        _build("mkdocs", mkdocs)
        _build("properdocs", properdocs)
        found = differences(mkdocs, properdocs)
        files = sum(1 for p in mkdocs.rglob("*") if p.is_file())
    for line in found:
        print(line)
    print(f"properdocs: {files} files, {len(found)} differ from the MkDocs build")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
