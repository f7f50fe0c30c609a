"""axe-core finds no accessibility violation on any page, in either color scheme."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(page: Page, page_paths: list[str], scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    axe = Axe()
    problems = []
    for path in page_paths:
        page.goto(path)
        results = axe.run(page)
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{path or '/'}: {violation['id']} ({violation['help']}) at {targets}")
    assert not problems, "\n".join(problems)
