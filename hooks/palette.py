"""MkDocs hook: Material's colour palette restyles the page on load only when it changes a colour.

On every page load Material's palette component applies the reader's
palette to <body> and, first, marks the body as switching
(`data-md-color-switching`), which its stylesheet answers with
`[data-md-color-switching] * { transition-duration: 0s }` so that a
switch of colours does not fade. Setting and, a moment later, removing that
mark makes the browser restyle every element of the page twice, although on
load the palette usually equals the colours the page was served with. On a
throttled phone that was about 100-150 ms of each page's start on the long
chapters (Lighthouse counts it as blocking time).

The edited bundle sets the mark only when the scheme, primary or accent
colour differs from what <body> already has: a click on the toggle still
switches without a fade. On load they are the same, since the inline
palette script (overrides/partials/javascripts/palette.html) has already
applied the reader's choice or, with none saved, the system's scheme.
"""

from __future__ import annotations

from pathlib import Path

from built_assets import BUNDLE, Edit, edit_built_asset
from mkdocs.config.defaults import MkDocsConfig

_SET_MARK = 'document.body.setAttribute("data-md-color-switching","")'
_APPLY = (
    "for(let[a,c]of Object.entries(s.color))document.body.setAttribute(`data-md-color-${a}`,c);"
)
_EDITS = (
    Edit(
        f'i.subscribe(s=>{{if({_SET_MARK},s.color.media==="(prefers-color-scheme)"){{',
        'i.subscribe(s=>{if(s.color.media==="(prefers-color-scheme)"){',
        "the palette's switching mark, set first on every palette",
    ),
    Edit(
        _APPLY,
        '["scheme","primary","accent"].some(a=>document.body.getAttribute(`data-md-color-${a}`)'
        f"!==s.color[a])&&{_SET_MARK};{_APPLY}",
        "the palette applied to <body>",
    ),
)


def on_post_build(*, config: MkDocsConfig) -> None:
    edit_built_asset(Path(config.site_dir), BUNDLE, _EDITS, "hooks/palette.py")
