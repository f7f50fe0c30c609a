"""CPython issue numbers written in prose (gh-126631) become links to the issue.

The pages cite CPython's changelog by its issue numbers, as its NEWS entries
do; a reader who wants the details should be one click away. Only prose is
linked: code blocks, inline code and text that is already a link are left
as they are.
"""

from __future__ import annotations

import re

URL = "https://github.com/python/cpython/issues/{number}"
# gh- and a number, not part of a longer word, a path or a link's text.
_ISSUE = re.compile(r"(?<![\w/\[`-])gh-(\d{2,7})\b(?!\]|`)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _link_line(line: str) -> str:
    """Link the issue numbers of one line of prose, not those inside code spans."""
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_ISSUE.sub(_link, line[last : span.start()]))
        parts.append(span[0])
        last = span.end()
    parts.append(_ISSUE.sub(_link, line[last:]))
    return "".join(parts)


def _link(match: re.Match[str]) -> str:
    return f"[{match[0]}]({URL.format(number=match[1])})"


def link_issues(markdown: str) -> str:
    lines, fenced = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append(line)
        else:
            lines.append(line if fenced else _link_line(line))
    return "\n".join(lines)


def on_page_markdown(markdown: str, page, config, files) -> str:
    return link_issues(markdown)
