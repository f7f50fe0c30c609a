"""MkDocs hook: each code block waits to be laid out in a placeholder of its own height.

The stylesheet lets the browser skip laying out code blocks far from the
screen (`content-visibility: auto`, docs/assets/site.css). Until a block is
laid out, it takes the height the stylesheet gives as its placeholder, and
one height for every block (15em) made a long page grow by a fifth while a
reader scrolled (/asyncio/ at 375 px: from 20,530 to 25,034 px), so the
scroll bar jumped under the reader's thumb.

This hook writes, on each block, the numbers its real height follows from:
its lines (`--rows`), the lines it takes on a phone where output lines wrap
(`--rows-narrow`; programs scroll sideways instead) and whether it has a
title bar (`--bar`). The stylesheet turns them into a height in the code
font's units. tests/browser/test_mobile.py measures how much a page grows.
"""

from __future__ import annotations

import html
import math
import re

# <div class="language-console highlight"><span class="filename">…</span><pre>…<code>…</code>
_BLOCK = re.compile(
    r'<div class="language-(?P<lang>[\w-]+) highlight">(?P<bar><span class="filename">)?'
    r"(?P<rest>.*?<code>(?P<code>.*?)</code>)",
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
# Columns of an output line on a 375 px phone: the block's text box (343 px)
# in characters of the code font (13.6 px DejaVu Sans Mono: 8.2 px each); a
# wrapped line continues 2 columns in (site.css).
NARROW_COLUMNS = 42
CONTINUATION_INDENT = 2


def _rows(code: str, wraps: bool) -> tuple[int, int]:
    lines = html.unescape(_TAG.sub("", code)).rstrip("\n").split("\n")
    if not wraps:
        return len(lines), len(lines)
    narrow = 0
    for line in lines:
        extra = max(0, len(line) - NARROW_COLUMNS)
        narrow += 1 + math.ceil(extra / (NARROW_COLUMNS - CONTINUATION_INDENT))
    return len(lines), narrow


def sized(page_html: str) -> str:
    def size(match: re.Match[str]) -> str:
        rows, narrow = _rows(match["code"], wraps=match["lang"] == "console")
        style = f"--rows:{rows};--rows-narrow:{narrow};--bar:{1 if match['bar'] else 0}"
        start = f'<div class="language-{match["lang"]} highlight" style="{style}">'
        return start + (match["bar"] or "") + match["rest"]

    return _BLOCK.sub(size, page_html)


def on_page_content(page_html: str, page, config, files) -> str:
    return sized(page_html)
