"""axe-core finds no accessibility violation on any page, in light and dark mode."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.checker.pages import LANGUAGES, all_pages, language, page_url

# The colour scheme changes colours only. In dark mode, check what colours
# decide; the English pages embed the same code blocks as the Chinese ones
# (test_i18n), so every code colour is covered there.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
CASES = [
    pytest.param(page_url(p), scheme, options, id=f"{page_url(p) or 'home'}-{scheme}")
    for p in all_pages()
    for scheme, options in (("light", None), ("dark", COLOUR_RULES))
    if scheme == "light" or language(p) == LANGUAGES[0]
]


@pytest.mark.parametrize(("path", "scheme", "options"), CASES)
def test_no_axe_violations(page: Page, path: str, scheme: str, options: dict | None) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(path)
    violations = Axe().run(page, options=options).response["violations"]
    problems = [
        f"{v['id']} ({v['help']}) at {[node['target'] for node in v['nodes']][:3]}"
        for v in violations
    ]
    assert not problems, "\n".join(problems)
