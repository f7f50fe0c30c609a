"""Notebook pages: in both languages, with a download link and a description.

mkdocs-static-i18n rebuilds the file list after every other plugin and keeps
as pages only the files MkDocs calls Markdown, so `gil.zh.ipynb` would be
copied as a raw file instead of being rendered by mkdocs-jupyter
(mkdocs-static-i18n issue #198). Counting `.ipynb` as a page extension lets
i18n pair the two languages like any other page; mkdocs-jupyter renders it.

mkdocs-jupyter builds the table of contents with Python-Markdown's slugs
but renders the headings with nbconvert's, which differ (and are empty for
Chinese headings), so every "on this page" link would miss. The headings
take the table of contents' ids, in order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import mkdocs.utils

_DOWNLOAD = {"en": "Download this notebook", "zh": "下载这个笔记本"}


def on_startup(**_: object) -> None:
    if ".ipynb" not in mkdocs.utils.markdown_extensions:
        mkdocs.utils.markdown_extensions = (*mkdocs.utils.markdown_extensions, ".ipynb")


def _is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def on_page_context(context, page, config, nav):
    # Material reads page.meta.description for <meta name="description">;
    # a notebook keeps its own in the notebook metadata.
    if _is_notebook(page):
        metadata = json.loads(Path(page.file.abs_src_path).read_text("utf-8"))["metadata"]
        page.meta["description"] = metadata["description"]
    return context


_WRAPPER = '<div class="jupyter-wrapper">'
# The heading's id and the href of the ¶ link nbconvert puts inside it.
_HEADING = re.compile(r'(<h[1-6] id=")[^"]*(">.*?<a class="anchor-link" href="#)[^"]*(")')


def _anchors(items) -> list[str]:
    return [a for item in items for a in (item.id, *_anchors(item.children))]


def _retarget(anchors):
    def replace(match: re.Match[str]) -> str:
        anchor = next(anchors)
        return f"{match[1]}{anchor}{match[2]}{anchor}{match[3]}"

    return replace


def on_post_page(output: str, page, config) -> str:
    if not _is_notebook(page):
        return output
    before, wrapper, notebook = output.partition(_WRAPPER)
    anchors = iter(_anchors(page.toc))
    try:
        notebook = _HEADING.sub(_retarget(anchors), notebook)
    except StopIteration:
        raise ValueError(f"{page.file.src_uri}: more headings than contents entries") from None
    if next(anchors, None) is not None:
        raise ValueError(f"{page.file.src_uri}: fewer headings than contents entries")
    # mkdocs-jupyter copies the notebook beside its page (include_source).
    name = Path(page.file.src_uri).name
    language = "zh" if name.endswith(".zh.ipynb") else "en"
    link = f'<p><a class="md-button" href="{name}" download>{_DOWNLOAD[language]} ({name})</a></p>'
    return before + link + wrapper + notebook
