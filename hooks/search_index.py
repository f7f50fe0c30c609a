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
`threadpool`, thread-local: `threadlocal`), behind a mark (TERM_MARK), and
the search worker adds the whole query, joined the same way, as one more
word that must match exactly, weighed a hundred times a query word.
Material appends `*` to every query word, so `thread` also found `threaded`
and the `thread` of `thread-local`; without the mark, `thread*` and 进程*
also found the terms `threadpool` and 进程池 in their heavy field, so that
进程间通信 listed the pool page first. That word is not one of the query's
words that Material reports as found or missing under a result.

The words readers type beyond the glossary (search/queries.toml) find their
page from what the site says, in fields the results do not show:

- `names`: the entry's title, and what each page's links to it call it
  (分布式进程, 进程间通信), as marked whole words, like the terms, once for
  each page that uses the name; `linked`: the words of those names (分布式).
- `about`: a page's front-matter description, weighed as a title.
- `idents`: the names in its programs and `code` spans that the search
  separator cuts, each also as one word (run_in_executor: `runinexecutor`),
  which the whole query matches where `run`, `in` and `executor` are on
  every page. Programs' file names are left out: the page of every
  example's runs lists them all.
- `code`: the text of its program listings and outputs, taken out of the
  shown `text`, weighed as text. A result showed a matching block whole: a
  listing taller than a phone's screen.

What a result shows of a text is about three lines around its first match
(`_CLIP`), one block, never code; a text without the query (a section found
by its title) from its start (`_LEAD`). Chinese query words, cut by the
worker at the index's words, are searched as words, not prefixes: 进程 is
not 进程池. An English plural also finds the singular's names
(contextvars: ContextVar). On the English site, a query with Han characters
gets a first result that opens the Chinese site's search for it (`?q=`,
which Material reads), since the English index has almost no Chinese.

Last, one character of the worker's segmentation of a Chinese query
(`segment()` in integrations/search/query/segment): it looks for index
words in the query with `j < query.length`, so the query's last character
never ended a word: 进程池 was searched as 进程, 信号量 as 信号.

The worker is edited in the built site (built_assets.py).
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jieba
from backrefs import bre
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
# Put before each word of the `terms` and `names` fields: a query word,
# which Material searches as a prefix (`thread*`), then never matches a
# term (`threadpool`), only the whole query does. No separator cuts it
# off, and the trimmer of lunr's multi-language support keeps it (a word
# character of Chinese): a Han radical that no one types as a word.
TERM_MARK = "\u4e28"  # 丨
# A program's listing and output in a page's text: shown whole under a
# result, taller than a phone's screen. Their words go to the `code` field,
# searched but not shown.
_CODE_BLOCK = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)
_TAG = re.compile(r"<[^>]+>")
_INLINE_CODE = re.compile(r"<code>(.*?)</code>", re.S)
# A program's file name (asyncio_essentials/run_in_executor.py) is not a
# use of the name: the page of every example's runs lists them all.
_FILE_NAME = re.compile(r"[\w/.-]+\.(?:py|out|toml|json|txt|ipynb)\b")
# A name the search separator cuts: snake_case, CamelCase, dotted.
_IDENTIFIER = re.compile(
    r"\b[A-Za-z]\w*(?:(?:_|\.)[A-Za-z]\w*)+|\b[A-Z]?[a-z]+(?:[A-Z][a-z0-9]+)+\b"
)
_HAN_RUN = bre.compile(r"\p{script: Han}+")  # as Material's search plugin finds them
# A text whose words the query does not hold (a section found by its title
# or its code) is shown up to its first block, not whole: d counts the open
# elements, and the first block ends where it is 0 again.
_LEAD = (
    "let __lead=t=>{let d=0,r=/<(\\/?)\\w+[^>]*?(\\/?)>/g,m;"
    "while(m=r.exec(t)){if(m[2])continue;d+=m[1]?-1:1;if(!d)return t.slice(0,r.lastIndex)}"
    "return t};"
)
# What a result shows of a text: about three lines of a phone's screen
# around the first match, not the whole block (a paragraph, or a list as
# long as a page). Visible characters are counted, a Han character as two
# (it is as wide as two Latin letters); the only tags kept are <mark>,
# <code> and <wbr/> (a zero-width space while it is cut, as the index has
# it: a width of one, about the space the letter-wide cut needs), and the
# browser closes a tag the cut leaves open.
EXCERPT_WIDTH = 150
EXCERPT_BEFORE_MATCH = 40
_CLIP = (
    "let __clip=h=>{let t=h.replace(/<wbr\\/>/g,'\\u200b')"
    ".replace(/<(?!\\/?(?:mark|code)>)[^>]*>/g,' ')"
    ".replace(/\\s+/g,' ').trim(),parts=t.match(/<[^>]*>|[^<]/g)||[],"
    "w=c=>/[\\u2e80-\\u9fff\\uff00-\\uffef]/.test(c)?2:1,seen=0;"
    "for(let p of parts){if(p==='<mark>')break;if(p[0]!=='<'||p.length===1)seen+=w(p)}"
    f"let from=t.includes('<mark>')?Math.max(0,seen-{EXCERPT_BEFORE_MATCH}):0,out='',n=0;"
    "for(let p of parts){if(p[0]==='<'&&p.length>1){"
    f"if(n>=from&&n<=from+{EXCERPT_WIDTH})out+=p;continue}}"
    f"n+=w(p);if(n>from&&n<=from+{EXCERPT_WIDTH})out+=p}}"
    # Cut at a space where one is near: a word is not shown in part.
    f"let cut=n>from+{EXCERPT_WIDTH};from>0&&(out=out.replace(/^[^\\s<]{{0,20}}\\s/,''));"
    "cut&&(out=out.replace(/\\s[^\\s>]{0,20}$/,''));"
    # No empty <code> box where the cut falls at a tag.
    "out=out.replace(/<(mark|code)>(\\s*)<\\/\\1>/g,'$2').replace(/<(mark|code)>\\s*$/,'');"
    "return t?`<p>${from>0?'… ':''}${out.trim().replace(/\\u200b/g,'<wbr/>')}"
    "${cut?' …':''}</p>`:t};"
)
# Han characters typed into the English site's search (its index has no
# Chinese support loaded): the first result is the Chinese site's search
# for the same words, which opens with `?q=`.
_OTHER_LANGUAGE = (
    "let __query=e,__other=items=>!lunr.zh&&/\\p{sc=Han}/u.test(__query)?"
    "[[{location:`zh/?q=${encodeURIComponent(__query.trim())}`,"
    'title:`在中文版中搜索“${__query.trim().replace(/[&<>"]/g,c=>`&#${c.charCodeAt(0)};`)}”`,'
    "text:'<p>英文版的搜索只查英文页面。</p>',"
    "score:0,terms:{}}],...items]:items;"
)
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
        f"{WHOLE_QUERY_BOOST} {TERM_MARK}${{__whole}}^{WHOLE_QUERY_BOOST}"
        # An English plural also finds the singular's names (contextvars: ContextVar)
        f"${{/^[a-z]{{3,}}s$/.test(__whole)?"
        f"` {TERM_MARK}${{__whole.slice(0,-1)}}^{WHOLE_QUERY_BOOST}`:''}}`:'';"
        + _LEAD
        + _CLIP
        + _OTHER_LANGUAGE
        + r'if(e=e.replace(new RegExp("\\p{sc=Han}+","gu")',
        "the query as one word: its start in search()",
    ),
    Edit(
        '[...fe(s,this.index.invertedIndex)].join("* ")',
        '` ${[...fe(s,this.index.invertedIndex)].join("^1 ")}^1 `',
        "the words of a Chinese query, each searched as a prefix, in search()",
    ),
    Edit(
        "if(!m.length)continue;",
        'if(!m.length){l==="text"&&(c.text=__lead(c.text));continue}',
        "the fields highlighted in search(): a text without the query shown whole",
    ),
    Edit(
        "let g=+!c.parent",
        "c.text=__clip(c.text);let g=+!c.parent",
        "the post-query boost in search(), after the fields are highlighted",
    ),
    Edit(
        "if(a=x+v,c.push(d)===2)break",
        "if(a=x+v,c.push(d)===1)break",
        "highlightAll(): a text's excerpt, its first two blocks that hold the query",
    ),
    Edit(
        "return _({items:[...n.values()]}",
        "return _({items:__other([...n.values()])}",
        "the items search() returns",
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


# Each page's front-matter description, by its location in the joined index,
# segmented as Material segments the index.
_descriptions: dict[str, str] = {}


# What the site's links call each entry (`zh/ipc/`: 进程间通信), by its
# location in the joined index.
# A name once for each page that uses it.
_link_names: dict[str, dict[str, set[str]]] = {}
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
# A link within the site (no scheme), not a heading's permalink.
_LINK = re.compile(
    r'<a\s(?![^>]*class="headerlink")[^>]*?href="([^"#:]*(?:#[^"]*)?)"[^>]*>(.*?)</a>', re.S
)


def _collect_link_names(output: str, page_url: str) -> None:
    article = _ARTICLE.search(output)
    for href, text in _LINK.findall(article.group(1) if article else ""):
        name = " ".join(html.unescape(_TAG.sub("", text)).split())
        if name:
            location = urljoin(f"/{page_url}", href).removeprefix("/")
            _link_names.setdefault(location, {}).setdefault(name, set()).add(page_url)


def _segmented(text: str) -> str:
    """`text` with its Chinese cut into words, as Material cuts the index's
    (with the jieba dictionary its settings name), spaces between them."""
    return " ".join(
        _HAN_RUN.sub(lambda run: f" {' '.join(jieba.cut(run.group(0)))} ", text).split()
    )


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """On a page of a non-default language, Material's `base` is that language's root."""
    _collect_link_names(output, page.url)
    description = page.meta.get("description")
    if description:
        # Cut as Material cuts the index's Chinese (with the jieba
        # dictionary its settings name), with spaces between the words.
        _descriptions[page.url] = _segmented(description)
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
    """The entry with what results show readable, code apart, and the page's description."""
    code = " ".join(_TAG.sub(" ", block) for block in _CODE_BLOCK.findall(doc["text"]))
    doc = {**doc, "text": _CODE_BLOCK.sub("", doc["text"]).strip()}
    if code:
        doc["code"] = " ".join(code.replace(_SEGMENT, " ").split())
    if doc["location"] in _descriptions:
        doc["about"] = " ".join(_descriptions[doc["location"]].split())
    # Names the separator cuts (run_in_executor, KeyboardInterrupt), each
    # also as one word, which the whole query matches: `in` and `executor`
    # alone are on every page, `runinexecutor` on the one that uses it.
    spans = " ".join([code, *_INLINE_CODE.findall(doc["text"]), doc.get("about", "")])
    names = _IDENTIFIER.findall(_FILE_NAME.sub(" ", html.unescape(spans)))
    parts = (part for name in names for part in name.split("."))  # loop.run_in_executor
    doc["idents"] = sorted({*names, *(part for part in parts if _IDENTIFIER.fullmatch(part))})
    # Its title, and what each page that links to it calls it.
    linked = _link_names.get(doc["location"], {})
    doc["names"] = [_TAG.sub("", doc["title"])] + [
        name for name, pages in sorted(linked.items()) for _ in pages
    ]
    # Their words too, for a query that is part of a name (分布式: 分布式进程).
    if linked:
        doc["linked"] = " ".join(_segmented(name) for name in doc["names"][1:])
    doc["location"] = doc["location"].removeprefix(prefix)
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
        separator = joined["config"]["separator"]
        for doc in language_docs:
            words = (whole_word(name, separator) for name in doc.pop("names"))
            doc["names"] = [TERM_MARK + word for word in words if word]
            doc["idents"] = sorted({whole_word(name, separator) for name in doc["idents"]})
            if not doc["idents"]:
                del doc["idents"]
        _mark_teaching_entries(language_docs, locale, separator)
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
        entries[location].setdefault("terms", []).append(TERM_MARK + whole_word(word, separator))
