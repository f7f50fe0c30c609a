"""Every page, opened the way a reader opens it; English pages in both colour schemes.

One tab per worker goes from page to page, as a reader's does (a warm
cache, and nothing carried over: see `start_afresh`). On each visit: the
page loads with no console error, no failed request and nothing from
another origin; axe-core finds no accessibility violation; and
every highlighted code token has enough contrast; at a phone's width no
output line is cut off. English pages also check that each snippet's copy
button copies exactly the snippet file, each notebook code cell's exactly
the cell's source, and each output block's the commands it shows, without
prompt or output (test_i18n proves the Chinese pages include the same files).

Code blocks hold thousands of highlighted tokens, and axe's colour-contrast
rule is slow on them, while their colours come from a dozen CSS variables:
axe skips the inside of code blocks, and a direct measurement checks the
contrast of every distinct token colour against its block's background.
"""

from __future__ import annotations

import json
import re
import textwrap
from itertools import zip_longest
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, Traffic, start_afresh
from tests.checker.pages import DOCS, LANGUAGES, all_pages, includes, language, page_url
from tests.checker.snippets import SNIPPETS

# Only violations are reported; axe skips the bookkeeping for passes.
# Before each run axe would read and parse every stylesheet and wait for
# media ("preload"): a quarter of a run's time, for no rule of this set.
# Of axe's default rules only no-autoplay-audio uses it, and it can only ask
# for a review, never report a violation (the site has no audio or video).
ALL_RULES = {"resultTypes": ["violations"], "preload": False}
# In dark mode only colours change: run the rules that colours decide.
COLOUR_RULES = {
    **ALL_RULES,
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}
# The header, tabs, navigation and footer come from one template and one
# stylesheet on every page of a language: axe checks them on the home
# pages, and on the other pages checks what is theirs alone.
CHROME = [[".md-header"], [".md-tabs"], [".md-sidebar--primary"], [".md-footer"]]
HOME_PAGES = {"", *(f"{lang}/" for lang in LANGUAGES[1:])}
_AXE_SOURCE = Axe().axe_script

_CODE_CONTRAST = """() => {
  const rgba = (text) => text.match(/[\\d.]+/g).map(Number).concat([1]).slice(0, 4);
  const channel = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const failures = new Map();
  for (const span of document.querySelectorAll(".highlight code span")) {
    if (!span.textContent.trim()) continue;
    const bg = rgba(getComputedStyle(span.closest("code")).backgroundColor);
    const fg = rgba(getComputedStyle(span).color);
    const mixed = fg.slice(0, 3).map((c, i) => fg[3] * c + (1 - fg[3]) * bg[i]);
    const [hi, lo] = [luminance(mixed), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) failures.set(`${span.className} ${fg} on ${bg}`, ratio.toFixed(2));
  }
  return [...failures];
}"""


def _accessibility(page: Page, options: dict, whole_page: bool) -> list[str]:
    if not page.evaluate("'axe' in window"):
        page.evaluate(_AXE_SOURCE)
    context = {"exclude": [[".highlight code"], *([] if whole_page else CHROME)]}
    violations = page.evaluate("([c, o]) => axe.run(c, o)", [context, options])["violations"]
    problems = [
        f"axe {v['id']} ({v['help']}) at {[node['target'] for node in v['nodes']][:3]}"
        for v in violations
    ]
    tokens = page.evaluate(_CODE_CONTRAST)
    return problems + [f"code token {what}: contrast {ratio}" for what, ratio in tokens]


# Click each block's copy button, as a reader does, and read back what
# landed on the clipboard; one round trip for the whole page. A block in a
# content tab not shown is shown first, as a reader must: Material copies
# the text as rendered, and a hidden block renders none of its styles.
_COPY_EACH = """async (selector) => {
  const copied = [];
  for (const block of document.querySelectorAll(selector)) {
    const tab = block.closest(".tabbed-block");
    if (tab && !tab.checkVisibility()) {
      const n = [...tab.parentElement.children].indexOf(tab) + 1;
      tab.closest(".tabbed-set").querySelector(`.tabbed-labels > :nth-child(${n})`).click();
    }
    block.querySelector("button.md-code__button[data-md-type='copy']").click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const title = block.querySelector("span.filename")?.textContent ?? "";
    copied.push([title, await navigator.clipboard.readText()]);
  }
  return copied;
}"""


# A console block in the Markdown, at any indentation (inside a content tab).
_CONSOLE_FENCE = re.compile(r"^([ \t]*)```console[^\n]*\n(.*?)^\1```", re.M | re.S)


def _console_commands(source: Path) -> list[str]:
    """For each console block of a page, in order, the commands it shows
    (its `$ ` lines), without the prompt: what its copy button should copy."""
    if source.suffix != ".md":
        return []
    return [
        "\n".join(
            line.removeprefix("$ ")
            for line in textwrap.dedent(body).splitlines()
            if line.startswith("$ ")
        )
        for _, body in _CONSOLE_FENCE.findall(source.read_text("utf-8"))
    ]


def _copy_buttons(page: Page, source: Path) -> list[str]:
    """Each snippet block copies its file; each notebook code cell copies its
    source; each output block copies its commands, not the prompt or output."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    # Material drops the block's final newline, and only that.
    if source.suffix == ".ipynb":
        cells = json.loads(source.read_text("utf-8"))["cells"]
        wanted = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        copied = [text for _, text in page.evaluate(_COPY_EACH, ".jp-CodeCell .highlight")]
        return [
            f"the copy button of code cell {n} copies {got!r}, not {want!r}"
            for n, (got, want) in enumerate(zip_longest(copied, wanted), 1)
            if got != want
        ]
    files = [SNIPPETS / name for name in includes(source) if name.endswith(".py")]
    copied = dict(
        page.evaluate(_COPY_EACH, "div.highlight:has(span.filename):not(.language-console)")
    )
    problems = [
        f"the copy button of {f.name} copies something else"
        for f in files
        if copied.get(f.name, "") + "\n" != f.read_text("utf-8")
    ]
    # Material drops trailing newlines: those the hidden output lines left.
    outputs = [text for _, text in page.evaluate(_COPY_EACH, "div.language-console")]
    return problems + [
        f"output block {n}'s copy button copies {got!r}, not {want!r}"
        for n, (got, want) in enumerate(zip_longest(outputs, _console_commands(source)), 1)
        if got != want
    ]


# Programs a reader reads and copies: a snippet file's block, a notebook's
# code cell. Console output is what it is; it may scroll.
_WIDE_PROGRAMS = """() => [...document.querySelectorAll("div.highlight")]
  .filter((b) => (b.querySelector("span.filename")?.textContent ?? "").endsWith(".py")
    || b.closest(".jp-InputArea"))
  .map((b) => [b.querySelector("span.filename")?.textContent ?? "a notebook cell",
    b.querySelector("pre > code")])
  .filter(([, code]) => code.scrollWidth > code.clientWidth)
  .map(([name, code]) => `${name}: ${code.scrollWidth} px in ${code.clientWidth} px`)"""


def _show_every_block(page: Page) -> None:
    """Lay out the code blocks below the fold too, as the reader sees each
    once scrolled near (site.css lets the browser skip them until then):
    axe judged a tab label against the box of a block it had skipped."""
    page.add_style_tag(content=".md-typeset .highlight { content-visibility: visible !important; }")


# The output blocks and notebook outputs whose text runs past their box, or
# whose box runs past the screen, with the first output line cut off.
PHONE = {"width": 375, "height": 812}
_CUT_OFF_OUTPUTS = """() => [...document.querySelectorAll(
    "div.language-console pre > code, .jp-OutputArea-output pre")]
  .filter((box) => box.scrollWidth > box.clientWidth
    || box.getBoundingClientRect().right > document.documentElement.clientWidth)
  .map((box) => {
    const block = box.closest(".highlight");
    const title = !block ? "a notebook output"
      : block.querySelector(".filename")?.textContent ?? box.textContent.split("\\n")[0];
    const edge = Math.min(box.getBoundingClientRect().right
      - parseFloat(getComputedStyle(box).paddingRight), document.documentElement.clientWidth);
    const lines = [...box.querySelectorAll(".go")];
    const cut = lines.find((line) => line.getBoundingClientRect().right > edge + 0.5);
    return `${title}: ${box.scrollWidth} px in ${box.clientWidth} px`
      + (cut ? `, cut off: ${JSON.stringify(cut.textContent)}` : "");
  })"""


def _outputs_cut_off_on_a_phone(page: Page, blocks: int) -> list[str]:
    """Every output line shows whole at 375 px, in every content tab and
    collapsed note: output blocks wrap their lines (site.css)."""
    page.set_viewport_size(PHONE)
    try:
        found = page.locator("div.language-console").count()
        if found != blocks:
            return [f"{found} output blocks on the page, {blocks} console blocks in its source"]
        page.add_style_tag(content=".md-typeset .tabbed-block { display: block !important; }")
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        return [
            f"at {PHONE['width']} px, output wider than its block: {cut}"
            for cut in page.evaluate(_CUT_OFF_OUTPUTS)
        ]
    finally:
        page.set_viewport_size(DESKTOP)


# The title's height, then its height without its ¶ link (hidden until hovered).
_TITLE_HEIGHTS = """() => {
  const title = document.querySelector("article h1");
  const link = title.querySelector(".headerlink");
  const heights = [title.getBoundingClientRect().height];
  const shown = link ? link.style.getPropertyValue("display") : "";
  const priority = link ? link.style.getPropertyPriority("display") : "";
  if (link) link.style.setProperty("display", "none", "important");
  heights.push(title.getBoundingClientRect().height);
  if (link) link.style.setProperty("display", shown, priority);
  return heights;
}"""


def _title_gap_on_a_phone(page: Page) -> list[str]:
    """The page title's invisible ¶ link does not wrap onto a line of its own."""
    page.set_viewport_size(PHONE)
    try:
        shown, without_link = page.evaluate(_TITLE_HEIGHTS)
    finally:
        page.set_viewport_size(DESKTOP)
    if shown > without_link:
        return [f"at {PHONE['width']} px the title's ¶ link adds {shown - without_link:.0f} px"]
    return []


def _wide_programs(page: Page) -> list[str]:
    """Code that scrolls sideways at the tab's desktop width (1280 px)."""
    return [
        f"wider than its block, keep lines within 79 columns: {block}"
        for block in page.evaluate(_WIDE_PROGRAMS)
    ]


@pytest.mark.parametrize("md", all_pages(), ids=lambda p: page_url(p) or "home")
def test_page(page: Page, traffic: Traffic, md: Path) -> None:
    path = page_url(md)
    english = language(md) == LANGUAGES[0]
    response = page.goto(path)
    assert response and response.ok
    traffic.settle(page)
    _show_every_block(page)
    problems = [f"console: {e}" for e in traffic.console_errors]
    problems += [f"failed request: {r}" for r in traffic.failed]
    problems += [f"request to another origin: {r}" for r in traffic.foreign]
    whole_page = path in HOME_PAGES
    problems += [f"light: {p}" for p in _accessibility(page, ALL_RULES, whole_page)]
    if english:
        problems += _copy_buttons(page, md)
        problems += _wide_programs(page)
        # As a reader switches: the toggle, no reload (test_reading checks
        # that the system's dark setting is followed too).
        # Material fades colours to the new scheme; measure where they arrive.
        page.add_style_tag(content="*, ::before, ::after { transition: none !important; }")
        page.get_by_title("Switch to dark mode").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        problems += [f"dark: {p}" for p in _accessibility(page, COLOUR_RULES, whole_page)]
    problems += _outputs_cut_off_on_a_phone(page, len(_console_commands(md)))
    problems += _title_gap_on_a_phone(page)
    assert not problems, "\n".join(problems)


def test_the_title_check_sees_a_link_on_a_line_of_its_own(page: Page) -> None:
    """A title exactly as wide as its words, its ¶ link shown: the link wraps."""
    page.goto("pool/")
    page.evaluate(
        """() => {
          const title = document.querySelector("article h1");
          const link = title.querySelector(".headerlink");
          link.remove();
          const words = document.createRange();
          words.selectNodeContents(title);
          title.style.width = `${Math.ceil(words.getBoundingClientRect().width) + 1}px`;
          link.style.setProperty("display", "inline", "important");
          title.append(link);
        }"""
    )
    assert _title_gap_on_a_phone(page), "a ¶ link on a line of its own went unnoticed"


def test_the_checks_see_a_faint_paragraph_and_a_faint_code_token(page: Page) -> None:
    page.goto("pool/")
    page.evaluate(
        """() => {
          document.querySelector("article").insertAdjacentHTML(
            "beforeend", '<p style="color: #c8c8c8">faint text</p>');
          document.querySelector(".highlight code span.kn").style.color = "#d8d8d8";
        }"""
    )
    problems = _accessibility(page, ALL_RULES, whole_page=False)
    assert any(p.startswith("axe color-contrast") for p in problems), problems
    assert any(p.startswith("code token kn") for p in problems), problems


def test_the_width_check_sees_a_long_line(page: Page) -> None:
    """In the page's last program, far below the fold, as test_page looks."""
    page.goto("pool/")
    _show_every_block(page)
    assert _wide_programs(page) == []
    last = page.evaluate(
        """() => {
          const blocks = [...document.querySelectorAll("div.highlight:has(span.filename)")]
            .filter((b) => b.querySelector("span.filename").textContent.endsWith(".py"));
          const block = blocks[blocks.length - 1];
          block.querySelector("code")
            .insertAdjacentText("afterbegin", "x = 1  # " + "-".repeat(80) + "\\n");
          return block.querySelector("span.filename").textContent;
        }"""
    )
    assert last != "map.py"
    assert [p.split(": ")[1] for p in _wide_programs(page)] == [last]


def test_an_output_blocks_copy_button_copies_its_command(page: Page) -> None:
    """Clicked as a reader clicks it: the command alone, without `$ ` or the output."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("lock/")
    block = page.locator("div.language-console", has_text="$ python lock_cost.py")
    expect(block).to_have_count(1)
    assert block.locator(".go").count() > 1  # it shows output lines too
    block.hover()
    block.get_by_title("Copy to clipboard").click()
    assert page.evaluate("navigator.clipboard.readText()") == "python lock_cost.py"


def test_the_phone_check_sees_a_cut_off_output_line(page: Page) -> None:
    """With the lines of output unwrapped, as before site.css wrapped them."""
    page.goto("lock/")
    _show_every_block(page)
    blocks = len(_console_commands(DOCS / "lock.md"))
    assert _outputs_cut_off_on_a_phone(page, blocks) == []
    page.add_style_tag(
        content=".md-typeset .language-console code { white-space: pre !important; }"
    )
    cut = _outputs_cut_off_on_a_phone(page, blocks)
    assert cut and 'cut off: "4 threads each added 1 to the balance 1000000 times."' in cut[0]
    assert page.viewport_size == DESKTOP


def test_the_tab_starts_each_test_afresh(page: Page, traffic: Traffic, site_url: str) -> None:
    """The tab goes from test to test; what one test saw or chose stays with it."""
    page.goto("pool/")
    page.get_by_title("Switch to dark mode").click()
    page.evaluate("console.error('left behind')")
    start_afresh(page, traffic, site_url)
    assert traffic.console_errors == []
    page.goto("pool/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.evaluate("console.error('seen')")
    page.wait_for_function("true")  # one round trip: the console event has arrived
    assert traffic.console_errors == ["seen"]
