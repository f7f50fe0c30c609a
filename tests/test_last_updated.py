"""The "last updated" date: the newest commit of the page or of any snippet it shows."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from hooks import last_updated


def _commit(repo: Path, path: str, text: str, day: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, "utf-8")
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for command in (["add", path], ["commit", "-q", "-m", path]):
        subprocess.run(["git", *command], cwd=repo, env=env, check=True)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "user.email", "t@example.org"], cwd=tmp_path, check=True)
    subprocess.run(["git", "config", "user.name", "t"], cwd=tmp_path, check=True)
    _commit(tmp_path, "docs/page.md", '# Page\n\n--8<-- "demo/run.py"\n', "2024-01-02")
    _commit(tmp_path, "docs/other.md", "# Other\n", "2024-05-06")
    _commit(tmp_path, "snippets/demo/run.py", "print(1)\n", "2025-03-04")
    monkeypatch.setattr(last_updated, "_commits", {})
    return tmp_path


def _date_shown(project: Path, source: str, language: str) -> str:
    config = SimpleNamespace(
        config_file_path=str(project / "mkdocs.yml"),
        mdx_configs={"pymdownx.snippets": {"base_path": ["snippets"]}},
        theme={"language": language},
    )
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(project / source)), meta={})
    last_updated.on_config(config)
    last_updated.on_page_markdown((project / source).read_text("utf-8"), page, config)
    return page.meta["revision_date"]


def test_a_snippet_commit_dates_the_page_that_shows_it(project: Path) -> None:
    assert _date_shown(project, "docs/page.md", "en") == "March 4, 2025"
    assert _date_shown(project, "docs/page.md", "zh") == "2025-03-04"
    assert _date_shown(project, "docs/other.md", "en") == "May 6, 2024"


def test_an_uncommitted_page_shows_the_build_date(project: Path) -> None:
    (project / "docs" / "new.md").write_text("# New\n", "utf-8")
    today = datetime.date.today()
    assert _date_shown(project, "docs/new.md", "en") == f"{today:%B} {today.day}, {today.year}"
