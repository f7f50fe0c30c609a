"""MkDocs hook: Material measures a code block for overflow when the block first comes into view.

Material makes a code block wider than the page focusable (tabindex 0), so a
keyboard can scroll it; to know which are wider, it measures every block of
the page as the page loads. But the site's stylesheet leaves the blocks below
the fold unrendered until the reader nears them (`content-visibility: auto`,
docs/assets/site.css), and measuring a block forces the browser to lay it
out there and then: on the asyncio chapter, 32 blocks cost 66 forced style
and layout passes in the page's first task, which Lighthouse counted as
blocking time (performance 96-97).

The edited bundle starts a block's measurement when the block first
intersects the screen, with the visibility watch Material's own
`content.lazy` flag uses. Unlike that flag, the copy button is still added
at load, and it comes before the code in tab order: a keyboard reaching a
block focuses its copy button first, which scrolls the block into view, so
the block is measured, and focusable if it is wide, before the next Tab.
Going backwards (Shift+Tab) from more than a screen below a block never
seen, the focus lands on the copy button and skips the code itself: one
Tab forwards reaches it.
"""

from __future__ import annotations

from pathlib import Path

from built_assets import BUNDLE, Edit, edit_built_asset
from mkdocs.config.defaults import MkDocsConfig

_EDITS = (
    Edit(
        # watchCodeBlock(el): watchElementSize(el).pipe(...). The names are
        # those of mountCodeBlock's content.lazy branch,
        # `mt(e).pipe(g(n=>n),Ee(1),b(()=>o))`: watchElementVisibility,
        # filter, take, switchMap.
        "function es(e){return Le(e).pipe(",
        "function es(e){return mt(e).pipe(g(t=>t),Ee(1),b(()=>Le(e)),",
        "watchCodeBlock(), which measures a code block for overflow",
    ),
)


def on_post_build(*, config: MkDocsConfig) -> None:
    edit_built_asset(Path(config.site_dir), BUNDLE, _EDITS, "hooks/code_overflow.py")
