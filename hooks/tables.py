"""MkDocs hook: tables come wrapped for sideways scrolling in the page, not by Material at load.

Material puts every data table (a `<table>` with no class) in two <div>s
that let it scroll sideways on a narrow screen, and it does so in the
browser, as the page starts: it takes each table out of the page and puts
it back inside the new <div>s, so the browser styles and lays out every
table twice. On the verification page, whose table is 8,000 px tall on a
phone, that was one of the longest tasks of the page's start.

This hook writes the same two <div>s around each table when the page is
built, and the edited bundle leaves a table that is already wrapped alone;
a table the hook did not see (none today) is still wrapped by Material.

It also marks where a code name in a table may break: after a dot or an
underscore that a letter or digit follows (`multiprocessing.<wbr>Process`,
`__mp_<wbr>main__`). The stylesheet breaks code in tables nowhere else, so a
narrow column no longer splits a name into two ("multiprocessing.Proces" /
"s"); a table too wide for the screen scrolls instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from built_assets import BUNDLE, Edit, edit_built_asset
from mkdocs.config.defaults import MkDocsConfig

# Material's renderTable(): <div class="md-typeset__scrollwrap"><div
# class="md-typeset__table">table</div></div>. Python-Markdown writes a
# table as a bare <table> and tables do not nest in Markdown.
_DATA_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_WRAPPED = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'
_CODE = re.compile(r"<code>(.*?)</code>", re.DOTALL)
# A dot or underscore before a letter or digit, outside tags and entities.
_BREAK_AFTER = re.compile(r"(?<=[._])(?=[A-Za-z0-9])(?![^<]*>)")

_EDITS = (
    Edit(
        'M("table:not([class])",e).map(',
        'M("table:not([class]):not(.md-typeset__table>table)",e).map(',
        "mountContent()'s selection of the data tables to wrap",
    ),
)


def breakable(table: str) -> str:
    """The table with a <wbr> after each dot or underscore inside a code name."""
    return _CODE.sub(lambda code: f"<code>{_BREAK_AFTER.sub('<wbr>', code[1])}</code>", table)


def on_page_content(html: str, **_) -> str:
    return _DATA_TABLE.sub(lambda table: _WRAPPED.format(breakable(table.group())), html)


def on_post_build(*, config: MkDocsConfig) -> None:
    edit_built_asset(Path(config.site_dir), BUNDLE, _EDITS, "hooks/tables.py")
