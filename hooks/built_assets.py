"""Edits to Material's built JavaScript: one exact piece of minified code each.

Not a hook itself: the hooks that need an edit import it (MkDocs puts hooks/
on the path while it loads a hook). Each edit names the code it expects and
what it is for; when the code is not there once, as after an upgrade of
Material, the build fails and says which edit to look at, so that no edit
is lost without a word. A file already edited is left as it is: the theme's
assets are copied once for every language's build.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from mkdocs.exceptions import PluginError

# Material's application code, where its components are mounted.
BUNDLE = "assets/javascripts/bundle.*.min.js"


class Edit(NamedTuple):
    has: str  # the code as Material ships it
    gets: str  # what replaces it
    what: str  # what the code is, for the error when it is missing


def edit_built_asset(site: Path, pattern: str, edits: tuple[Edit, ...], hook: str) -> None:
    """Apply `edits` to each file of the built site matching `pattern`."""
    files = list(site.glob(pattern))
    if not files:
        raise PluginError(f"{hook}: no {pattern} in the built site")
    for built in files:
        code = built.read_text("utf-8")
        for has, gets, what in edits:
            if gets in code:
                continue
            if code.count(has) != 1:
                raise PluginError(
                    f"{hook}: {built.name} no longer has {what}, which this hook edits; "
                    "check Material's code and update or drop the edit"
                )
            code = code.replace(has, gets)
        built.write_text(code, "utf-8")
