"""Notebook pages: in both languages, in the site's own styles, with a download link.

mkdocs-static-i18n rebuilds the file list after every other plugin and keeps
as pages only the files MkDocs calls Markdown, so `gil.zh.ipynb` would be
copied as a raw file instead of being rendered by mkdocs-jupyter
(mkdocs-static-i18n issue #198). Counting `.ipynb` as a page extension lets
i18n pair the two languages like any other page; mkdocs-jupyter renders it.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (590 KB) into every
notebook page, with MathJax and Mermaid loaders and a copy-button script of
its own. Readers paid for that on every visit, and so did the build's search
indexer. Code cells become Material code blocks instead (Material's
highlighting, contrast-checked colours and copy button), and the few rules
the cell layout needs live in site.css.

mkdocs-jupyter builds the table of contents with Python-Markdown's slugs
but renders the headings with nbconvert's, which differ (and are empty for
Chinese headings), so every "on this page" link would miss. Both take the
id Python-Markdown gives the same heading on a Markdown page.

nbconvert compiles its Jinja templates again for every notebook it
converts (about 0.1 s each); the compiled code is kept for the build.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import jinja2
import mkdocs.utils
import printed_by
from bs4 import BeautifulSoup
from markdown.extensions.toc import slugify, unique
from nbconvert.exporters.templateexporter import TemplateExporter

_DOWNLOAD = {"en": "Download this notebook", "zh": "下载这个 notebook"}
_ASIDE = {"en": " ({})", "zh": "（{}）"}  # the file's name, in each language's brackets
# How to run it, in one command from the folder it was saved in (no
# third-party service runs it for the reader: the site depends on none).
_RUN = {
    "en": "Run it on your machine, in the folder you saved it in:",
    "zh": "在保存它的文件夹里，用一条命令在自己的机器上运行它：",
}
_RECORDED = {"en": "Outputs recorded with {label}", "zh": "输出由 {label} 记录"}


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled template code kept for the whole build, keyed by template source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _share_compiled_templates() -> None:
    create = TemplateExporter._create_environment
    if getattr(create, "shares_compiled_templates", False):
        return
    cache = _CompiledTemplates()

    def shared(self):
        environment = create(self)
        environment.bytecode_cache = cache
        return environment

    shared.shares_compiled_templates = True
    TemplateExporter._create_environment = shared


def on_startup(**_: object) -> None:
    _share_compiled_templates()
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


def _contents(items) -> list:
    """The table of contents' entries, depth first: the order of the headings."""
    return [entry for item in items for entry in (item, *_contents(item.children))]


def _restyle(soup: BeautifulSoup) -> None:
    """Drop the notebook's own styles and scripts; code cells become Material code blocks."""
    for element in soup.select("style, script, .zeroclipboard-container, .clipboard-copy-txt"):
        element.decompose()
    # nbconvert's cell ids ("cell-id=8d75") end up in the copy button's CSS
    # selector, where "=" is invalid and the button copies nothing.
    for cell in soup.select("[id^='cell-id=']"):
        cell["id"] = cell["id"].replace("cell-id=", "cell-")
    for block in soup.select("div.highlight-ipynb"):
        block["class"] = ["highlight"]
        pre = block.pre
        code = soup.new_tag("code")
        code.extend(list(pre.contents))
        pre.clear()
        pre.append(code)


def _retarget_headings(soup: BeautifulSoup, page) -> None:
    entries = _contents(page.toc)
    headings = [h for h in soup.select("h1, h2, h3, h4, h5, h6") if h.select_one("a.anchor-link")]
    if len(headings) != len(entries):
        raise ValueError(
            f"{page.file.src_uri}: {len(headings)} headings but {len(entries)} contents entries"
        )
    taken: set[str] = set()
    for heading, entry in zip(headings, entries, strict=True):
        link = heading.select_one("a.anchor-link").extract()
        # mkdocs-jupyter's entries lose inline code ("Why `fork` seemed to
        # work" was listed as "Why seemed to work", #why-seemed-to-work):
        # the heading's own text, and the id a Markdown page would give it.
        text = heading.get_text().strip()
        entry.title = html.escape(text)
        entry.id = heading["id"] = unique(slugify(text, "-"), taken)
        link["href"] = f"#{entry.id}"
        link["class"] = ["headerlink"]  # Material's: shown on hover, as on every other page
        heading.append(link)


def on_page_content(html: str, page, config, files) -> str:
    if not _is_notebook(page):
        return html
    soup = BeautifulSoup(html, "html.parser")
    _restyle(soup)
    _retarget_headings(soup, page)
    # mkdocs-jupyter copies the notebook beside its page (include_source).
    name = Path(page.file.src_uri).name
    language = "zh" if name.endswith(".zh.ipynb") else "en"
    python = json.loads(Path(page.file.abs_src_path).read_text("utf-8"))["metadata"][
        "language_info"
    ]["version"]
    recorded = _RECORDED[language].format(
        label=printed_by.label(python, printed_by.linux_default(python))
    )
    link = BeautifulSoup(
        f'<p><a class="md-button" href="{name}" download>{_DOWNLOAD[language]}'
        f"{_ASIDE[language].format(name)}</a></p>"
        f'<p class="printed-by">{recorded}</p>'
        f"<p>{_RUN[language]} <code>python -m pip install jupyterlab &amp;&amp; "
        f"jupyter lab {name}</code></p>",
        "html.parser",
    )
    title = soup.find("h1")
    if title:
        title.insert_after(link)
    else:
        soup.insert(0, link)
    return str(soup)
