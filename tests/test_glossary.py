"""One word for one idea: the pages against docs/glossary.toml.

A page fails when its prose uses a variant the glossary rules out for its
language. Prose is what a reader reads as text: fenced code blocks, `code
spans`, link addresses, HTML comments and heading ids are left out, because
code stays as Python writes it (a console shows `Traceback`, a snippet's
comments are shared by both languages). Notebook pages are checked in their
Markdown cells, and the nav titles in mkdocs.yml too.

Anchors of teaching pages are checked in the built HTML, not against the
Markdown headings: the Chinese pages set their ids by hand (`{#lock}`) and
notebook pages get theirs from mkdocs-jupyter, so only the built page says
for certain that `lock.md#a-race-you-can-watch` lands on a section.

Words the build writes are prose too: a timeline figure's caption and
legend words in snippets/*/*.timeline.toml, and the words the hooks put on
a page (hooks/timeline_words.py, hooks/verified.py), each in its language.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from hooks.glossary import load
from tests.checker.pages import DOCS, LANGUAGES, all_pages, language, page_url
from tests.checker.site import BuiltSite
from tests.checker.snippets import ROOT

TERMS = load()
FIELDS = {
    "en": str,
    "zh": str,
    "page": str,
    "en_definition": str,
    "zh_definition": str,
    "zh_also": list,
    "zh_forbidden": list,
    "en_forbidden": list,
}

_FENCE = re.compile(r"^\s*(```|~~~)")
_REMOVED = [
    re.compile(r"<!--.*?-->"),  # HTML comments (one line)
    re.compile(r"(`+).+?\1"),  # code spans
    re.compile(r"\]\([^)]*\)"),  # link addresses (the text stays)
    re.compile(r"\{\s*#[^}]*\}"),  # heading ids
    re.compile(r"https?://\S+"),  # bare addresses
]


def prose(text: str) -> list[tuple[int, str]]:
    """The numbered lines of Markdown `text` a reader reads as prose."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or "--8<--" in line:
            continue
        for pattern in _REMOVED:
            line = pattern.sub(" ", line)
        lines.append((number, line))
    return lines


def _notebook_prose(path: Path) -> list[tuple[str, str]]:
    cells = json.loads(path.read_text("utf-8"))["cells"]
    found = []
    for index, cell in enumerate(cells, 1):
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            found += [(f"cell {index} line {n}", line) for n, line in prose(text)]
    return found


def _nav_titles() -> dict[str, list[tuple[str, str]]]:
    """The nav titles of each language, as (where, title)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    titles: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    titles[LANGUAGES[0]].append(("nav", title))
                    if isinstance(value, list):
                        walk(value)

    walk(config["nav"])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in plugin["i18n"]["languages"]:
                for key, title in lang.get("nav_translations", {}).items():
                    titles[lang["locale"]].append((f"nav_translations {key}", title))
    return titles


def forbidden(lang: str) -> list[tuple[re.Pattern[str], dict]]:
    """Each variant the glossary rules out in `lang`, with its term."""
    return [(re.compile(v), term) for term in TERMS for v in term[f"{lang}_forbidden"]]


def variants(lines: list[tuple[object, str]], lang: str, where: str) -> list[str]:
    """One message per forbidden variant found in the numbered `lines`."""
    found = []
    for number, line in lines:
        for pattern, term in forbidden(lang):
            for match in pattern.finditer(line):
                found.append(
                    f"{where}:{number}: {match.group()!r} (ruled out by {pattern.pattern!r}); "
                    f"use {term[lang]!r} (glossary: {term['en']})"
                )
    return found


def page_variants(path: Path) -> list[str]:
    """The forbidden variants in one page's prose."""
    base = ROOT if path.is_relative_to(ROOT) else path.parents[1]
    where = path.relative_to(base).as_posix()
    if path.suffix == ".ipynb":
        return variants(_notebook_prose(path), language(path), where)
    return variants(prose(path.read_text("utf-8")), language(path), where)


def _strings(value: object) -> list[str]:
    """Every string in a nest of dicts, lists and tuples."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _in_language(value: object, lang: str) -> list[str]:
    """The strings under every `lang` key of a nest of dicts and lists."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _strings(item) if key == lang else _in_language(item, lang)
    elif isinstance(value, list):
        for item in value:
            found += _in_language(item, lang)
    return found


def figure_variants(path: Path, lang: str) -> list[str]:
    """The forbidden variants in the `lang` words of one timeline declaration."""
    words = _in_language(tomllib.loads(path.read_text("utf-8")), lang)
    where = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    return variants([(f"{lang} string {n}", w) for n, w in enumerate(words, 1)], lang, where)


def hook_variants(words: dict, lang: str, where: str) -> list[str]:
    """The forbidden variants in a hook's words for `lang`."""
    strings = _strings(words[lang])
    return variants([(f"{lang} string {n}", w) for n, w in enumerate(strings, 1)], lang, where)


def _hook_words() -> list[tuple[str, dict]]:
    from hooks.timeline_words import WORDS
    from hooks.verified import _WORDS

    return [("hooks/timeline_words.py", WORDS), ("hooks/verified.py", _WORDS)]


_FIGURES = sorted((ROOT / "snippets").glob("*/*.timeline.toml"))


@pytest.mark.parametrize("figure", _FIGURES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_figure_words_use_the_glossary_terms(figure: Path) -> None:
    found = [m for lang in LANGUAGES for m in figure_variants(figure, lang)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hook_words_use_the_glossary_terms(lang: str) -> None:
    found = [m for where, words in _hook_words() for m in hook_variants(words, lang, where)]
    assert not found, "\n".join(found)


def test_a_planted_variant_in_generated_words_is_reported(tmp_path: Path) -> None:
    figure = tmp_path / "planted.timeline.toml"
    figure.write_text(
        'states = [["wait", "", "blocked", { en = "a barrier", zh = "栅栏，wait()" }]]\n'
        "[caption]\n"
        'en = "The child prints its traceback."\n'
        'zh = "子进程打印回溯。"\n',
        "utf-8",
    )
    assert [m.split(" (")[0] for m in figure_variants(figure, "zh")] == [
        "planted.timeline.toml:zh string 1: '栅栏'",
        "planted.timeline.toml:zh string 2: '回溯'",
    ]
    assert figure_variants(figure, "en") == []
    words = {"en": {"cut": "stopped"}, "zh": {"cut": "记录停止", "said": {"sleep": "睡在 {names}"}}}
    assert [m.split(" (")[0] for m in hook_variants(words, "zh", "hook")] == [
        "hook:zh string 2: '睡'"
    ]
    # The hooks' real words are read, not an empty table.
    assert all(_strings(words["zh"]) for _, words in _hook_words())


_CHECKED = [p for p in all_pages() if p.name not in {"glossary.md", "glossary.zh.md"}]


@pytest.mark.parametrize("page", _CHECKED, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_uses_the_glossary_terms(page: Path) -> None:
    found = page_variants(page)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nav_titles_use_the_glossary_terms(lang: str) -> None:
    found = variants(_nav_titles()[lang], lang, "mkdocs.yml")
    assert not found, "\n".join(found)


def test_a_planted_variant_is_reported(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "planted.zh.md"
    page.parent.mkdir()
    page.write_text(
        "# 标题 {#title}\n\n"
        "子进程把回溯打印到标准错误。\n\n"
        "```python\n# 代码里的回溯不算\n```\n\n"
        "`回溯` 在代码片段里也不算，[这里](回溯.md)的链接地址也不算。\n",
        "utf-8",
    )
    found = page_variants(page)
    assert found == [
        "docs/planted.zh.md:3: '回溯' (ruled out by '回溯'); use 'traceback' (glossary: traceback)"
    ]


def test_a_lookahead_variant_spares_the_right_word() -> None:
    text = "这是 CPU 密集的工作。这是 CPU 密集型的工作。笔记本电脑上的 notebook，不是笔记本。"
    found = variants(prose(text), "zh", "text")
    assert [m.split(" (")[0] for m in found] == ["text:1: 'CPU 密集'", "text:1: '笔记本'"]


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t["en"])
def test_term_has_every_field(term: dict) -> None:
    for field, kind in FIELDS.items():
        assert isinstance(term.get(field), kind), (
            f"{term.get('en')!r}: {field} missing or not {kind.__name__}"
        )
        if kind is str:
            assert term[field].strip(), f"{term['en']!r}: {field} is empty"
            assert "\n" not in term[field], f"{term['en']!r}: {field} is more than one line"
        else:
            assert all(isinstance(v, str) and v for v in term[field]), f"{term['en']!r}: {field}"
    for lang in LANGUAGES:
        for pattern in term[f"{lang}_forbidden"]:
            re.compile(pattern)
    assert not set(term) - set(FIELDS), f"{term['en']!r}: unknown fields {set(term) - set(FIELDS)}"


def test_terms_are_unique() -> None:
    for lang in LANGUAGES:
        words = [t[lang] for t in TERMS]
        assert len(words) == len(set(words)), f"{lang}: a word names two terms"


def test_no_term_is_its_own_variant() -> None:
    for lang in LANGUAGES:
        for pattern, term in forbidden(lang):
            for other in TERMS:
                assert not pattern.search(other[lang]), (
                    f"{pattern.pattern!r} (for {term['en']}) rules out the term {other[lang]!r}"
                )


def _teaching_page(term: dict, lang: str) -> Path:
    name = term["page"].split("#")[0]
    if lang == LANGUAGES[0]:
        return DOCS / name
    stem, suffix = name.rsplit(".", 1)
    return DOCS / f"{stem}.{lang}.{suffix}"


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t["en"])
def test_teaching_page_exists_and_uses_the_term(term: dict) -> None:
    for lang in LANGUAGES:
        page = _teaching_page(term, lang)
        assert page.exists(), f"{term['en']!r}: page {term['page']} has no {page.name}"
        text = page.read_text("utf-8").replace("`", "").lower()
        assert term[lang].lower() in text, f"{term['en']!r}: {page.name} never says {term[lang]!r}"


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs).get("id")
        if found:
            self.ids.add(found)


def test_teaching_anchors_exist(built_site: BuiltSite) -> None:
    missing = []
    for term in TERMS:
        if "#" not in term["page"]:
            continue
        anchor = term["page"].split("#", 1)[1]
        for lang in LANGUAGES:
            html = built_site.path / page_url(_teaching_page(term, lang)) / "index.html"
            parser = _Ids()
            parser.feed(html.read_text("utf-8"))
            if anchor not in parser.ids:
                missing.append(f"{term['en']!r}: {term['page']} has no #{anchor} in {lang}")
    assert not missing, "\n".join(missing)


# A button ({ .md-button }) says what to do ("从头开始读"), not what the page is called.
_LINK = re.compile(r"\[([^\]`]+)\]\(([^)#\s:]+\.(?:md|ipynb))\)(?!\{ \.md-button)")


def test_one_link_text_per_page() -> None:
    """Plain-text links to a whole page say the same words on every Chinese page.

    Links with an anchor name a section, and links whose text is code name
    an API; both may differ.
    """
    texts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for page in all_pages():
        if language(page) != "zh" or page.suffix != ".md":
            continue
        for number, line in enumerate(page.read_text("utf-8").splitlines(), 1):
            for text, target in _LINK.findall(line):
                texts[target][text].append(f"{page.name}:{number}")
    mixed = [
        f"{target}: " + "; ".join(f"[{t}] at {', '.join(w)}" for t, w in used.items())
        for target, used in sorted(texts.items())
        if len(used) > 1
    ]
    assert not mixed, "\n".join(mixed)
