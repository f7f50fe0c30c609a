"""MkDocs hook: one search index per language, and result titles a reader can copy.

mkdocs-static-i18n gathers the pages of every language into the one
`search/search_index.json` that Material writes, and every page, in either
language, loads it from `config.base`. So English searches listed Chinese
pages, and every page load fetched and indexed both languages.

After the last build (mkdocs-static-i18n builds each language in turn, and
its own `on_post_build`, at priority -100, writes the joined index), this
hook splits that index by language: the default language keeps
`search/search_index.json`, each other one gets `<locale>/search/
search_index.json`, with locations relative to `<locale>/`. On that
language's pages, the `base` in Material's `__config` points at `<locale>/`,
where its script finds that index and resolves results against it. Nothing
else on this site reads `config.base`: there is no instant navigation, no
version selector, and hooks/hreflang.py removes the alternate links that
Material's language integration would have followed.

Material's build segments Chinese text with jieba and joins the words with
zero-width spaces, which the search separator splits on. Those characters
were shown in result titles and went with a copied title. Here they become
`<wbr/>`: Material's tokenizer ends a token at any tag (a self-closing tag
opens no block), so the index is cut at the same places, and the browser
shows and copies nothing for it.

The page that teaches a term comes first when a reader searches for it:
each term of search/terms.py is written into a `terms` field of its
teaching page's entry (the section its anchor names, or the page), which
the search settings weigh above titles (mkdocs.yml, `fields`). Results do
not show that field; a term whose entry is missing fails the build.
Per-page `search.boost` alone was tried first: it
could not lift a section whose heading does not name its term, or a page
that never says the term a reader types (多线程 for the threads page),
and each new term moved other terms' results.

A term is written there as one word, its parts joined (thread pool:
`threadpool`, thread-local: `threadlocal`), and the search worker adds the
whole query, joined the same way, as one more word that must match
exactly, weighed a hundred times a query word. Material appends `*` to
every query word, so `thread` also found `threaded` and the `thread` of
`thread-local`, and 进程 found 进程池: the pages teaching those, whose
entries Material also weighs higher when they are pages rather than
sections, came first. Now the entry whose term is the query, whole, does.
That word is not one of the query's words that Material reports as found
or missing under a result.

Last, one character of the worker's segmentation of a Chinese query
(`segment()` in integrations/search/query/segment): it looks for index
words in the query with `j < query.length`, so the query's last character
never ended a word: 进程池 was searched as 进程, 信号量 as 信号.

The worker is edited in the built site (built_assets.py).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

from built_assets import Edit, edit_built_asset
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# MkDocs puts hooks/, not the project, on the path while it loads a hook.
_spec = importlib.util.spec_from_file_location(
    "search.terms", Path(__file__).parent.parent / "search" / "terms.py"
)
assert _spec is not None and _spec.loader is not None
_terms_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_terms_module)
terms = _terms_module.terms

_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")'
)
_SEGMENT = "\u200b"
_SEGMENT_SHOWN_AS = "<wbr/>"
# Characters the search separator (mkdocs.yml) splits at anyway, and the
# brackets of a tag: a word boundary beside one needs no mark, which keeps
# a seventh of the Chinese index out of it.
_SPLITS_ANYWAY = r'[\s\-_,:!=\[\]()"`/<>，。、；：？！（）“”]'
_MARK_NOT_NEEDED = re.compile(
    rf"(?:(?<={_SPLITS_ANYWAY})|^){_SEGMENT}+|{_SEGMENT}+(?={_SPLITS_ANYWAY}|$)"
)
# How much more the whole query, as one word, weighs than each query word.
WHOLE_QUERY_BOOST = 100
# Material's search worker.
_WORKER_EDITS = (
    Edit(
        "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
        "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
        "the word search of segment(), slice(i, j) for j < n",
    ),
    Edit(
        r'search(e){if(e=e.replace(new RegExp("\\p{sc=Han}+","gu")',
        "search(e){let __whole=e.toLowerCase().split(lunr.tokenizer.separator).join('');"
        "__whole=/^[\\p{L}\\p{N}]+$/u.test(__whole)?` ${__whole}^"
        f"{WHOLE_QUERY_BOOST}`:'';"
        r'if(e=e.replace(new RegExp("\\p{sc=Han}+","gu")',
        "the query as one word: its start in search()",
    ),
    Edit(
        "n=this.index.search(e).reduce(",
        "n=this.index.search(e+__whole).reduce(",
        "the query as one word: the index searched in search()",
    ),
)


def _languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The default locale and the others, from mkdocs-static-i18n's settings."""
    languages = config.plugins["i18n"].config.languages
    default = next(lang.locale for lang in languages if lang.default)
    return default, [lang.locale for lang in languages if lang.locale != default]


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """On a page of a non-default language, Material's `base` is that language's root."""
    _, others = _languages(config)
    locale = next((loc for loc in others if page.url.startswith(f"{loc}/")), None)
    if locale is None:
        return output
    # The page's base_url leads to the site's root; the language's root is below
    # it. The slash matters: Material resolves the index's URL against it.
    output, found = _CONFIG_BASE.subn(rf"\g<1>\g<2>/{locale}/\g<3>", output, count=1)
    if not found:
        raise PluginError(f"hooks/search_index.py: no Material __config with a base in {page.url}")
    return output


def _readable(doc: dict[str, Any], prefix: str) -> dict[str, Any]:
    doc = {**doc, "location": doc["location"].removeprefix(prefix)}
    for field in ("title", "text"):
        text = _MARK_NOT_NEEDED.sub("", doc[field])
        doc[field] = text.replace(_SEGMENT, _SEGMENT_SHOWN_AS)
    return doc


@event_priority(-200)  # after mkdocs-static-i18n has written the joined index
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # a language built inside the first build's on_post_build: not the last
    site = Path(config.site_dir)
    joined = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    default, others = _languages(config)
    docs: dict[str, list[dict[str, Any]]] = {locale: [] for locale in [default, *others]}
    for doc in joined["docs"]:
        locale = next((loc for loc in others if doc["location"].startswith(f"{loc}/")), default)
        docs[locale].append(_readable(doc, "" if locale == default else f"{locale}/"))
    for locale, language_docs in docs.items():
        _mark_teaching_entries(language_docs, locale, joined["config"]["separator"])
        folder = site / ("" if locale == default else locale) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        # lunr's languages: English everywhere (API names are English on
        # every page), and the page's own. English pages then load no
        # lunr language support at all.
        lang = ["en"] if locale == "en" else ["en", locale]
        index = {"config": {**joined["config"], "lang": lang}, "docs": language_docs}
        (folder / "search_index.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8"
        )
    edit_built_asset(
        site, "assets/javascripts/workers/search.*.min.js", _WORKER_EDITS, "hooks/search_index.py"
    )


def whole_word(text: str, separator: str) -> str:
    """`text` as the one word the edited worker searches for: `thread-local`: `threadlocal`."""
    return "".join(re.split(separator, text.lower()))


def _mark_teaching_entries(docs: list[dict[str, Any]], locale: str, separator: str) -> None:
    """Each term of this language, as one word, in its teaching entry's `terms` field."""
    entries = {doc["location"]: doc for doc in docs}
    for term in terms():
        word = getattr(term, locale, None)
        if not word:
            continue
        page, _, anchor = term.page.partition("#")
        name = page.removesuffix(".md").removesuffix(".ipynb")
        location = ("" if name == "index" else f"{name.removesuffix('/index')}/") + (
            f"#{anchor}" if anchor else ""
        )
        if location not in entries:
            raise PluginError(
                f"hooks/search_index.py: {word!r} is taught on {term.page}, not found"
            )
        # One word, in lower case as lunr lowers every token: the separator
        # would cut thread pool, and ProcessPoolExecutor at its capitals, so
        # that thread and pool found them too.
        entries[location].setdefault("terms", []).append(whole_word(word, separator))
