"""What the checker verified, where: one record per snippet run of a test session.

Each snippet test attaches what it ran (`record_property`), which xdist
carries back to the controller; at the end of the session the controller
writes reports/verification.json. `make verified` runs every snippet on
every interpreter found and keeps that record as docs/verified.json, which
hooks/verified.py turns into the "Where each example was verified" page
(and the site publishes as data).

An interpreter the previous record has and this machine lacks (3.14 on a
machine with 3.11 to 3.13) keeps its runs of the examples that have not
changed since, marked as carried over with the date they were made;
changed and new examples have no run there, and the page says why.
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


def carry_over(new: dict, old: dict, digests: dict[str, str]) -> dict:
    """`new`, plus the runs of `old` on interpreters `new` did not run, for
    the snippets whose digest is still `digests[snippet]`."""
    ran = {r["interpreter"] for r in new["runs"]}
    kept = [
        {**r, "carried_from": r.get("carried_from", old["generated"])}
        for r in old["runs"]
        if r["interpreter"] not in ran and digests.get(r["snippet"]) == r["digest"]
    ]
    runs = sorted(
        new["runs"] + kept, key=lambda r: (r["snippet"], r["version"], r["start_method"] or "")
    )
    return {**new, "runs": runs}


def main() -> None:
    """`make verified`: publish this run's record, carrying over what it could not run."""
    from .snippets import leading_snippets

    new = json.loads(REPORT.read_text("utf-8"))
    if PUBLISHED.exists():
        digests = {s.name: s.digest for s in leading_snippets()}
        new = carry_over(new, json.loads(PUBLISHED.read_text("utf-8")), digests)
    PUBLISHED.write_text(json.dumps(new, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
