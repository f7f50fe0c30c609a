"""The "last updated" date of each page: the newest commit of the page or of a snippet it shows.

A page shows its snippets' code and recorded output, so a re-recorded
output changes the page even when its Markdown did not. One `git log` serves
the whole build (mkdocs-git-revision-date-localized ran git for every page,
which was 0.7 s of a 5 s build). A file with no commit yet, or a copy of the
project without its git history, shows the build date. The date is written
in the page's language, and Material shows it at the foot of the page.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

from babel.dates import format_date

# pymdownx.snippets' block syntax, as the pages use it: --8<-- "pool/map.py"
# (tests/checker/pages.py reads the pages' includes with it too).
INCLUDE = re.compile(r"""^\s*--8<--\s+["']([^"':]+)(?::[^"']*)?["']\s*$""", re.M)
_commits: dict[str, datetime.date] = {}


def _newest_commits(root: Path) -> dict[str, datetime.date]:
    """For every file under docs/ and snippets/, the date of the last commit that changed it."""
    log = subprocess.run(
        ["git", "log", "--format=@%cs", "--name-only", "--no-renames", "--", "docs", "snippets"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    dates: dict[str, datetime.date] = {}
    for line in log.stdout.splitlines() if log.returncode == 0 else []:
        if line.startswith("@"):
            day = datetime.date.fromisoformat(line[1:])
        elif line:
            dates.setdefault(line, day)  # newest first: keep the first date seen
    return dates


def on_config(config, **_: object) -> None:
    # i18n builds each language with this same module: read the log once.
    if not _commits:
        _commits.update(_newest_commits(Path(config.config_file_path).parent))


def on_page_markdown(markdown: str, page, config, **_: object) -> str:
    root = Path(config.config_file_path).parent
    snippets = root / config.mdx_configs["pymdownx.snippets"]["base_path"][0]
    sources = [Path(page.file.abs_src_path)] + [snippets / n for n in INCLUDE.findall(markdown)]
    today = datetime.date.today()
    newest = max(_commits.get(s.relative_to(root).as_posix(), today) for s in sources)
    # Chinese pages write dates as the verification record does (2026-12-08).
    language = config.theme["language"]
    page.meta["revision_date"] = (
        newest.isoformat() if language == "zh" else format_date(newest, "long", locale=language)
    )
    return markdown
