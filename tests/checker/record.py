"""What the checker verified, where: one record per snippet run of a test session.

Each snippet test attaches what it ran (`record_property`), which xdist
carries back to the controller; at the end of the session the controller
writes reports/verification.json. `make verified` runs every snippet on
every interpreter found and keeps that record as docs/verified.json, which
hooks/verified.py turns into the "Where each example was verified" page
(and the site publishes as data).
"""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from .pages import LANGUAGES, language, pages_by_include
from .snippets import ROOT

REPORT = ROOT / "reports" / "verification.json"
PUBLISHED = ROOT / "docs" / "verified.json"
PROPERTY = "snippet_run"


def run_property(snippet, interpreter, start_method) -> dict[str, object]:
    """What one snippet test ran; attached to its report."""
    return {
        "snippet": snippet.name,
        "digest": snippet.digest,
        "together": [c.name for c in snippet.companions],
        "interpreter": interpreter.label,
        "version": ".".join(map(str, interpreter.version)),
        "start_method": start_method,
    }


def outcome(report) -> dict[str, object] | None:
    """The record of a snippet test's report, or None for other tests and phases."""
    run = dict(report.user_properties).get(PROPERTY)
    if run is None or (report.when != "call" and not report.skipped):
        return None
    reason = report.longrepr[2].removeprefix("Skipped: ") if report.skipped else None
    return {**run, "outcome": report.outcome, "reason": reason}


def write(runs: list[dict[str, object]]) -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d"),
        "system": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "cpu_count": os.cpu_count(),
        # The English page that shows each snippet, for links from the table.
        "shown_on": {
            name: next(p for p in pages if language(Path(p)) == LANGUAGES[0])
            for name, pages in sorted(pages_by_include().items())
            if name.endswith(".py")
        },
        "runs": sorted(runs, key=lambda r: (r["snippet"], r["version"], r["start_method"] or "")),
    }
    REPORT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
