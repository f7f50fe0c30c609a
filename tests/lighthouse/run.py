"""`make lighthouse`: Lighthouse scores for every page, in both languages.

Builds the site, serves it on 127.0.0.1, runs the pinned Lighthouse (npm,
tests/lighthouse/package.json) with the system's Chromium on each page,
prints the four category scores and writes the JSON reports to
reports/lighthouse/. A report, not a test: it exits non-zero only when a
score is below 100, so CI logs show it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser.conftest import CHROMIUM_ARGS, find_chromium
from tests.checker.pages import all_pages, page_url
from tests.checker.site import BuiltSite, build, free_local_url, serve
from tests.checker.snippets import ROOT

HERE = Path(__file__).parent
REPORTS = ROOT / "reports" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(["--headless=new", "--no-sandbox", *CHROMIUM_ARGS])


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        print("no Chromium found: apt-get install chromium")
        return 2
    lighthouse = HERE / "node_modules" / ".bin" / "lighthouse"
    REPORTS.mkdir(parents=True, exist_ok=True)
    pages = [page_url(p) for p in all_pages()]
    worst = 100
    with tempfile.TemporaryDirectory() as tmp:
        site = BuiltSite(Path(tmp) / "site", free_local_url())
        result = build(site.path, url=site.url)
        if result.returncode:
            print(result.stderr)
            return 1
        with serve(site) as url:
            print(f"{'page':<18}" + "".join(f"{c:>16}" for c in CATEGORIES))
            for page in pages:
                report = REPORTS / f"{page.strip('/').replace('/', '-') or 'home'}.json"
                subprocess.run(
                    [
                        str(lighthouse),
                        url + page,
                        "--quiet",
                        "--output=json",
                        f"--output-path={report}",
                        f"--chrome-path={chromium}",
                        f"--chrome-flags={CHROME_FLAGS}",
                    ],
                    check=True,
                    env={"PATH": "/usr/bin:/bin", "CHROME_PATH": chromium, "HOME": tmp},
                )
                categories = json.loads(report.read_text("utf-8"))["categories"]
                scores = [round(100 * (categories[c]["score"] or 0)) for c in CATEGORIES]
                worst = min(worst, *scores)
                print(f"{'/' + page:<18}" + "".join(f"{s:>16}" for s in scores))
    print(f"reports: {REPORTS.relative_to(ROOT)}/")
    return 0 if worst == 100 else 1


if __name__ == "__main__":
    sys.exit(main())
