"""MkDocs hook: drop the per-page hreflang <link> tags from each page's <head>.

Material's script fetches "sitemap.xml" next to every <link rel="alternate">
it finds, expecting links to language roots. mkdocs-static-i18n writes
links to the same page in the other language, so every page load asked for
pool/sitemap.xml, zh/pool/sitemap.xml, ... and logged 404 errors. The same
alternates are listed in sitemap.xml (mkdocs-static-i18n writes it), and the
header's language selector still links page to page.
"""

from __future__ import annotations

import re

_HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, **_: object) -> str:
    head, sep, body = output.partition("</head>")
    return _HREFLANG_LINK.sub("", head) + sep + body
