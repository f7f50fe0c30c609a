"""`make lighthouse`: Lighthouse scores, the median of three runs per page.

Builds the site, serves it on 127.0.0.1 (compressed, as GitHub Pages serves
it), runs the pinned Lighthouse (npm, tests/lighthouse/package.json) with
the system's Chromium, prints the four category scores of each page and
writes the JSON report of its median run to reports/lighthouse/.

By default: the home page, three chapters and every notebook page, in both
languages. `PAGES=all` measures every page, `PAGES=lock/,gil/` those pages in
every language. One run on this machine can
lose up to 20 performance points to a stall of the machine (a 2 s task in
an otherwise 0.1 s page load), so each page runs three times and the median
counts, as Lighthouse's own documentation advises. A report, not a test:
it exits non-zero when a median score is below 100, so CI logs show it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser.conftest import CHROMIUM_ARGS, find_chromium
from tests.checker.pages import LANGUAGES, all_pages, page_url
from tests.checker.site import BuiltSite, build, free_local_url, serve
from tests.checker.snippets import ROOT

HERE = Path(__file__).parent
REPORTS = ROOT / "reports" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(["--headless=new", "--no-sandbox", *CHROMIUM_ARGS])
RUNS = 3
# The chapters the notes this guide grew out of began with.
CHAPTERS = ("process/", "pool/", "threads/")


def chosen_pages() -> list[str]:
    pages = [page_url(p) for p in all_pages()]
    chosen = os.environ.get("PAGES", "")
    if chosen == "all":
        return pages
    if chosen:  # PAGES=lock/,gil/: those pages, in every language
        named = [c.strip() for c in chosen.split(",") if c.strip()]
        return [p for p in pages if p in named or p.partition("/")[2] in named]

    def in_default_set(page: str) -> bool:
        language, _, rest = page.partition("/")
        path = rest if language in LANGUAGES[1:] else page
        return path in ("", *CHAPTERS) or path.startswith("notebooks/")

    return [p for p in pages if in_default_set(p)]


def _run(lighthouse: Path, chromium: str, url: str, report: Path, home: str) -> list[int]:
    subprocess.run(
        [
            str(lighthouse),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-path={chromium}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={"PATH": "/usr/bin:/bin", "CHROME_PATH": chromium, "HOME": home},
    )
    categories = json.loads(report.read_text("utf-8"))["categories"]
    return [round(100 * (categories[c]["score"] or 0)) for c in CATEGORIES]


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        print("no Chromium found: apt-get install chromium")
        return 2
    lighthouse = HERE / "node_modules" / ".bin" / "lighthouse"
    REPORTS.mkdir(parents=True, exist_ok=True)
    worst = 100
    with tempfile.TemporaryDirectory() as tmp:
        site = BuiltSite(Path(tmp) / "site", free_local_url())
        result = build(site.path, url=site.url)
        if result.returncode:
            print(result.stderr)
            return 1
        with serve(site) as url:
            print(f"{'page':<24}" + "".join(f"{c:>16}" for c in CATEGORIES) + "   performance runs")
            for page in chosen_pages():
                name = page.strip("/").replace("/", "-") or "home"
                runs = []
                for n in range(RUNS):
                    report = Path(tmp) / f"{name}-{n}.json"
                    runs.append((_run(lighthouse, chromium, url + page, report, tmp), report))
                # The run with the median performance score stands for the page.
                scores, report = sorted(runs)[RUNS // 2]
                medians = [statistics.median(s[i] for s, _ in runs) for i in range(len(CATEGORIES))]
                (REPORTS / f"{name}.json").write_bytes(report.read_bytes())
                worst = min(worst, *medians)
                spread = ", ".join(str(s[0]) for s, _ in runs)
                print(
                    f"{'/' + page:<24}" + "".join(f"{m:>16.0f}" for m in medians) + f"   {spread}"
                )
    print(
        f"median of {RUNS} runs per page; reports of the median runs: {REPORTS.relative_to(ROOT)}/"
    )
    return 0 if worst == 100 else 1


if __name__ == "__main__":
    sys.exit(main())
