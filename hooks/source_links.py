"""MkDocs hook: a program's title bar links to the file in the repository, on the published site.

A page shows a program by including its file:

    ```python title="apply_async.py"
    --8<-- "pool/apply_async.py"
    ```

Beside that file in the repository lie what the page does not show: its
recorded output, the declaration of what may vary, its figure's trace. On a
build that knows the repository (EDIT_URL, set by the Pages workflow, as
for "edit this page"), the title bar gets a link to the file there, in the
page's language. A local build has no repository address and no link.
"""

from __future__ import annotations

import html
import re

# A fenced block whose title names a file (other options may follow, such as
# hl_lines) and whose first line includes one.
_INCLUDE = re.compile(
    r'^[ \t]*```+\w+ title="(?P<title>[^"]+)"[^\n]*\n[ \t]*--8<-- "(?P<path>[^"]+)"$', re.M
)
_WORDS = {"en": "source", "zh": "源文件"}
_FOUND: dict[str, dict[str, str]] = {}  # page → title → snippet path


def blob_base(edit_uri: str | None) -> str | None:
    """https://github.com/o/r/edit/main/docs/ → https://github.com/o/r/blob/main/"""
    if not edit_uri or "/edit/" not in edit_uri or not edit_uri.rstrip("/").endswith("docs"):
        return None
    return edit_uri.replace("/edit/", "/blob/", 1).rstrip("/").removesuffix("docs")


def on_page_markdown(markdown: str, page, config, files) -> str:
    _FOUND[page.file.src_uri] = {m["title"]: m["path"] for m in _INCLUDE.finditer(markdown)}
    return markdown


def linked(page_html: str, found: dict[str, str], base: str, language: str) -> str:
    for title, path in found.items():
        escaped = html.escape(title, quote=False)
        # The word is drawn by the stylesheet from data-words, not written in
        # the link: the title bar's text stays the file's name alone, which
        # Material reads to name the block ("Code block 3: race.py").
        word = _WORDS[language]
        link = (
            f'<a class="source-link" href="{base}snippets/{html.escape(path)}" '
            f'aria-label="{word}: {escaped}" data-words="{word}"></a>'
        )
        page_html = page_html.replace(
            f'<span class="filename">{escaped}</span>',
            f'<span class="filename">{escaped}{link}</span>',
        )
    return page_html


def on_page_content(page_html: str, page, config, files) -> str:
    base = blob_base(config.get("edit_uri"))
    found = _FOUND.pop(page.file.src_uri, {})
    if not base or not found:
        return page_html
    language = "zh" if page.file.src_uri.endswith(".zh.md") else "en"
    return linked(page_html, found, base, language)
