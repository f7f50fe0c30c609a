"""Timeline figures as a reader sees them: no label meets another or runs out of its box.

hooks/timelines.py decides from estimated text widths whether a label fits;
this measures the text as Chromium draws it, on every page with a figure, in
both languages, on a phone and on a desktop. The checker is proven on a
planted collision and a planted label too long for its box.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import DESKTOP
from tests.checker.pages import all_pages

PHONE = {"width": 375, "height": 812}

# For each figure: pairs of its texts whose boxes meet, labels wider than the
# box they belong to (from its x to its data-until, in % of the figure's
# width), and texts that reach past the figure's edges. 0.5 px is rounding,
# not an overlap.
_FAULTS = """() => [...document.querySelectorAll('figure.timeline svg')].map(svg => {
  const id = svg.closest('figure').id;
  const edge = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')];
  const boxes = texts.map(t => t.getBoundingClientRect());
  const said = t => `"${t.textContent}"`;
  const faults = [];
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
    && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (meet(boxes[i], boxes[j])) faults.push(`${said(texts[i])} meets ${said(texts[j])}`);
    }
    if (boxes[i].left < edge.left - 0.5 || boxes[i].right > edge.right + 0.5) {
      faults.push(`${said(texts[i])} runs past the figure`);
    }
    if (texts[i].hasAttribute('data-until')) {
      const at = a => edge.left + parseFloat(texts[i].getAttribute(a)) / 100 * edge.width;
      if (boxes[i].left < at('x') - 0.5 || boxes[i].right > at('data-until') + 0.5) {
        faults.push(`${said(texts[i])} runs out of its box`);
      }
    }
  }
  return [id, faults];
})"""


def figure_pages() -> list[str]:
    """The site paths of the pages that show a timeline, in both languages."""
    found = []
    for page in all_pages():
        if "<!-- timeline: " in page.read_text("utf-8"):
            stem = re.sub(r"\.zh$", "", page.stem)
            found.append(("zh/" if page.stem.endswith(".zh") else "") + f"{stem}/")
    return sorted(found)


def faults_on(page: Page) -> dict[str, list[str]]:
    return {figure: faults for figure, faults in page.evaluate(_FAULTS) if faults}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_figure_label_meets_another_or_leaves_its_box(
    browser: Browser, site_url: str, viewport: dict
) -> None:
    context = browser.new_context(base_url=site_url, viewport=viewport)
    page = context.new_page()
    pages = figure_pages()
    assert len(pages) >= 20, pages
    found = {}
    for path in pages:
        page.goto(path)
        found.update({f"{path}#{figure}": faults for figure, faults in faults_on(page).items()})
    context.close()
    assert not found, found


def test_the_checker_finds_a_planted_collision_and_a_label_too_long(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(base_url=site_url, viewport=PHONE)
    page = context.new_page()
    page.goto("asyncio/")
    assert not faults_on(page)
    page.evaluate(
        """() => {
      const svg = document.querySelector('#timeline-asyncio-gather svg');
      const lane = svg.querySelector('text.tl-lane');
      const twin = lane.cloneNode(true);
      twin.setAttribute('dx', '6');
      lane.after(twin);
      const label = svg.querySelector('text[data-until]');
      label.textContent = 'a label far longer than any box it sits in';
    }"""
    )
    faults = " ".join(faults_on(page).get("timeline-asyncio-gather", []))
    context.close()
    assert "meets" in faults and "runs out of its box" in faults, faults


# The colours of the states and of the page behind them, as Chromium
# resolves them, in one colour scheme.
_COLOURS = """scheme => {
  document.body.setAttribute('data-md-color-scheme', scheme);
  const probe = document.createElement('span');
  document.body.append(probe);
  const resolve = value => { probe.style.color = value; return getComputedStyle(probe).color; };
  const style = getComputedStyle(document.body);
  const found = {page: getComputedStyle(document.body).backgroundColor};
  for (const state of ['run', 'blocked', 'sleep', 'hold']) {
    found[state] = resolve(style.getPropertyValue(`--tl-${state}`));
  }
  probe.remove();
  return found;
}"""


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio of two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_measured_as_wcag_says() -> None:
    assert round(contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 1) == 21.0
    assert contrast("rgb(119, 119, 119)", "rgb(136, 136, 136)") < 3  # a planted pair that fails


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_state_stands_out_from_the_page(page: Page, site_url: str, scheme: str) -> None:
    """WCAG's non-text contrast, 3:1, for each state's colour against the
    page, in both schemes. Where two states meet, each box's edge in the
    page's colour separates them (site.css), so the same ratio holds there."""
    page.goto(site_url + "sync/")
    colours = page.evaluate(_COLOURS, scheme)
    background = colours.pop("page")
    low = {s: round(contrast(c, background), 2) for s, c in colours.items()}
    assert all(ratio >= 3 for ratio in low.values()), (scheme, background, low)
