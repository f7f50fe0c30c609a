"""The reading order: no chapter needs a chapter that comes after it in the nav.

Four rules, the same in both languages:

1. A chapter's front matter lists the chapters it builds on,
   ``prerequisites: [process, threads]`` (page names without ``.md``); each
   one must come earlier in the nav. The English and Chinese page list the
   same ones.
2. A link from a chapter to a LATER chapter is a "see later" pointer and
   says so in the source: ``[asyncio](asyncio.md){ .later }``. Any other
   link to a later chapter means the page relies on something not yet
   taught, and fails here. Links back, to the home page, to the
   verification page and to the glossary are free.

3. An idea is explained in depth on one page, its home; other pages name
   it and link there. The ideas and their homes are declared in
   tests/teaching_ideas.toml (a glossary term's home is its `page`; the
   file says how). A page other than the home explains the idea again when

   - one of its headings names the idea (a Markdown heading, or the title
     of an admonition `!!! note "..."` or of a tab `=== "..."`) over a
     section of at least MIN_LENGTH of prose, up to the next heading (a
     short section under such a heading, a sentence and a link, points to
     the home rather than explaining), or
   - one paragraph of its prose, at least MIN_LENGTH long (English words on
     an English page, Han characters on a Chinese page), names the idea
     MIN_MENTIONS times or more.

   Prose is the page's Markdown outside fenced code, include lines, HTML
   comments and tables (a table sums up, it does not explain); `code
   spans` count as words, and a paragraph is a run of lines up to a blank
   line, a heading or the next list item. Link texts are left out when the
   mentions are counted (``[the GIL](gil.md)`` points to the home, it does
   not explain), but count for the length. So a sentence that names an idea
   and links to its home is never flagged, and neither is a long paragraph
   that names it once or twice on the way to something else. The words of
   each language are the ones the file declares for it.

4. A program shown on a chapter (a ``.py`` file its ``--8<--`` lines
   include) uses no API that a LATER chapter teaches, unless the section
   that shows it (from the heading above the include to the next heading)
   links to that chapter with ``{ .later }``. The APIs are declared per
   idea in tests/teaching_ideas.toml as dotted names; a program uses one
   when, with its imports resolved, it imports it or names it or something
   inside it (`threading.Event()`, or `from threading import Event` and
   then `Event()`; `asyncio.run` uses `asyncio`). Comments and strings are
   not uses.

The home page (a map of the road), the verification page and the glossary
(references) are not chapters; notebooks are not checked. Rules 3 and 4
read text only, the pages' Markdown and the snippets' source.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from hooks.glossary import load as load_glossary
from hooks.last_updated import INCLUDE
from tests.checker.snippets import ROOT, SNIPPETS

DOCS = ROOT / "docs"
NOT_CHAPTERS = {"index", "verified", "glossary"}

# [text](page.md), [text](page.md#anchor), then an optional { .later }.
LINK = re.compile(r"\[[^\]\n]*\]\((?P<page>[a-z0-9_-]+)\.md(?:#[^)\s]*)?\)(?P<attrs>\{[^}\n]*\})?")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml has `!ENV` tags; their values do not matter here."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _flatten(entries: list) -> list[str]:
    found: list[str] = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += _flatten(value)
        elif value.endswith(".md"):
            found.append(value.removesuffix(".md"))
    return found


def road() -> list[str]:
    """The chapters in nav order (no home page, notebooks or reference page)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    return [p for p in _flatten(config["nav"]) if p not in NOT_CHAPTERS]


def front_matter(text: str) -> dict:
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)]) or {}


def _without_code(text: str) -> str:
    """Links inside fenced code blocks are code, not links."""
    return re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)


def problems(name: str, text: str, order: list[str]) -> list[str]:
    """What in one page's Markdown breaks the reading order."""
    place = order.index(name)
    found = []
    prerequisites = front_matter(text).get("prerequisites")
    if prerequisites is None:
        found.append(f"{name}: no `prerequisites:` in the front matter (use [] for none)")
    for wanted in prerequisites or []:
        if wanted not in order:
            found.append(f"{name}: prerequisite {wanted!r} is not a chapter in the nav")
        elif order.index(wanted) >= place:
            found.append(f"{name}: prerequisite {wanted!r} comes after it in the nav")
    for link in LINK.finditer(_without_code(text)):
        target = link["page"]
        if target in NOT_CHAPTERS or target not in order:
            continue
        if order.index(target) > place and ".later" not in (link["attrs"] or ""):
            found.append(
                f"{name}: links to the later chapter {target!r} without"
                f" {{ .later }}: {link.group(0)}"
            )
    return found


ROAD = road()


@pytest.mark.parametrize("language", ["", ".zh"])
@pytest.mark.parametrize("name", ROAD)
def test_page_needs_only_earlier_chapters(name: str, language: str) -> None:
    text = (DOCS / f"{name}{language}.md").read_text("utf-8")
    assert problems(name, text, ROAD) == []


@pytest.mark.parametrize("name", ROAD)
def test_both_languages_list_the_same_prerequisites(name: str) -> None:
    english = front_matter((DOCS / f"{name}.md").read_text("utf-8"))
    chinese = front_matter((DOCS / f"{name}.zh.md").read_text("utf-8"))
    assert english.get("prerequisites") == chinese.get("prerequisites")


def test_every_chapter_is_checked() -> None:
    pages = {p.name.removesuffix(".md") for p in DOCS.glob("*.md") if ".zh." not in p.name}
    assert pages - NOT_CHAPTERS == set(ROAD), (
        "every page is a chapter in the nav (with `prerequisites:`) or a"
        " reference page listed in NOT_CHAPTERS"
    )


# The check itself fails on what it is there to catch.

PLANTED = Path("lock.md")


def _lock_page() -> str:
    return (DOCS / PLANTED).read_text("utf-8")


def test_fails_on_a_planted_forward_link() -> None:
    text = _lock_page() + "\nThis needs [an event loop](asyncio.md#the-event-loop) first.\n"
    assert problems("lock", text, ROAD) == [
        "lock: links to the later chapter 'asyncio' without { .later }:"
        " [an event loop](asyncio.md#the-event-loop)"
    ]


def test_accepts_the_same_link_marked_later() -> None:
    text = _lock_page() + "\nSee [the event loop](asyncio.md#the-event-loop){ .later }.\n"
    assert problems("lock", text, ROAD) == []


def test_fails_on_a_planted_later_prerequisite() -> None:
    text = _lock_page().replace("prerequisites: [", "prerequisites: [asyncio, ", 1)
    assert problems("lock", text, ROAD) == [
        "lock: prerequisite 'asyncio' comes after it in the nav"
    ]


def test_fails_when_a_chapter_moves_before_what_it_needs() -> None:
    moved = [p for p in ROAD if p != "lock"]
    moved.insert(moved.index("threads"), "lock")
    assert "lock: prerequisite 'threads' comes after it in the nav" in problems(
        "lock", _lock_page(), moved
    )


# Rule 3: one home per idea.

IDEAS_FILE = ROOT / "tests" / "teaching_ideas.toml"
# About the same paragraph in both languages: the Chinese pages have 1.5 Han
# characters for each English word of the English ones.
MIN_LENGTH = {"en": 60, "zh": 90}
MIN_MENTIONS = 3


@dataclass(frozen=True)
class Idea:
    name: str
    home: str  # page.md or page.md#anchor
    words: Mapping[str, re.Pattern[str]]  # language -> its words, as one pattern
    api: tuple[str, ...] = ()
    depth: bool = True  # checked by rule 3

    @property
    def page(self) -> str:
        return self.home.split("#")[0].removesuffix(".md")


def _term_word(word: str) -> str:
    """A glossary word, whatever its case; after a Latin word a plural `s` too."""
    latin = "[A-Za-z0-9_]"
    start = f"(?<!{latin})" if re.match(latin, word) else ""
    end = f"(?:s|es)?(?!{latin})" if re.search(f"{latin}$", word) else ""
    return "(?i)" + start + re.escape(word) + end


def _one_pattern(patterns: list[str]) -> re.Pattern[str]:
    """Several patterns as one; a leading `(?i)` stays with its own pattern."""
    parts = [f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})" for p in patterns]
    for part in parts:
        re.compile(part)  # each one on its own, so that an error names it
    return re.compile("|".join(parts))


def load_ideas(path: Path = IDEAS_FILE, glossary: list[dict] | None = None) -> list[Idea]:
    """The [[idea]] entries of `path`, with what they take from the glossary."""
    terms = {t["en"]: t for t in (load_glossary() if glossary is None else glossary)}
    ideas = []
    for entry in tomllib.loads(path.read_text("utf-8"))["idea"]:
        unknown = set(entry) - {"term", "name", "home", "en", "zh", "api", "depth"}
        if unknown:
            raise ValueError(f"{path}: unknown keys {sorted(unknown)} in {entry}")
        if "term" in entry:
            if {"name", "home"} & set(entry):
                raise ValueError(
                    f"{path}: {entry['term']!r}: a term takes its name and home from the glossary"
                )
            term = terms[entry["term"]]
            name, home = term["en"], term["page"]
            words = {lang: [_term_word(term[lang])] for lang in ("en", "zh")}
        else:
            name, home = entry["name"], entry["home"]
            words = {}
        for lang in ("en", "zh"):
            if lang in entry:
                words[lang] = list(entry[lang])
            if not words.get(lang):
                raise ValueError(f"{path}: {name!r} has no {lang} words")
        patterns = {lang: _one_pattern(words[lang]) for lang in ("en", "zh")}
        ideas.append(
            Idea(name, home, patterns, tuple(entry.get("api", ())), entry.get("depth", True))
        )
    return ideas


@dataclass(frozen=True)
class Block:
    """A heading or a paragraph of a page's prose."""

    line: int  # 1-based, in the page
    kind: str  # "heading" or "paragraph"
    text: str  # as read: backticks, link addresses, attributes and comments removed
    said: str  # the same without link texts: where mentions are counted


_HEADING = re.compile(r"^\s*#{1,6}\s+(?P<title>.*)$")
_TITLED = re.compile(
    r"""^\s*(?:!!!|\?\?\?\+?|===\+?)\s*(?:[\w-]+(?:\s+[\w-]+)*)?\s*(?:"(?P<title>[^"]*)")?\s*$"""
)
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LINK_TEXT = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_ATTRS = re.compile(r"\{\s*[#.:][^}\n]*\}")


def _read(line: str) -> tuple[str, str]:
    """A Markdown line as read (link texts kept), and without its link texts."""
    line = re.sub(r"<!--.*?-->", " ", line)
    line = _ATTRS.sub(" ", line)
    return _plain(_LINK_TEXT.sub(r"\1", line)), _plain(_LINK_TEXT.sub(" ", line))


def _plain(text: str) -> str:
    """Markdown text without backticks and emphasis, its spaces made single."""
    return re.sub(r"\s+", " ", text.replace("`", "").replace("*", "")).strip()


@cache
def blocks(text: str) -> tuple[Block, ...]:
    """The headings and paragraphs of a page's prose, in order."""
    found: list[Block] = []
    lines = text.splitlines()
    start = 0
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        start = text[: text.index("\n---\n", 4)].count("\n") + 2
    paragraph: list[tuple[int, str]] = []

    def close() -> None:
        if paragraph:
            joined = " ".join(line.strip() for _, line in paragraph)
            found.append(Block(paragraph[0][0], "paragraph", *_read(joined)))
            paragraph.clear()

    fenced, comment = None, False
    for number, line in enumerate(lines[start:], start + 1):
        fence = _FENCE.match(line)
        if fenced:
            if fence and fence[1] == fenced:
                fenced = None
            continue
        if fence:
            close()
            fenced = fence[1]
            continue
        if comment:
            comment = "-->" not in line
            continue
        if "<!--" in line and "-->" not in line:
            close()
            comment = True
            continue
        if not line.strip() or INCLUDE.match(line) or line.lstrip().startswith("|"):
            close()
            continue
        titled = _HEADING.match(line) or _TITLED.match(line)
        if titled:
            close()
            if titled["title"]:
                found.append(Block(number, "heading", *_read(titled["title"])))
            continue
        if _ITEM.match(line):
            close()
        paragraph.append((number, line))
    close()
    return tuple(found)


def _length(text: str, lang: str) -> int:
    if lang == "zh":
        return len(re.findall(r"[\u4e00-\u9fff]", text))
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


def _mentions(idea: Idea, lang: str, text: str) -> int:
    return sum(1 for _ in idea.words[lang].finditer(text))


def _section_length(after: tuple[Block, ...], lang: str) -> int:
    """The prose under a heading, up to the next heading."""
    length = 0
    for block in after:
        if block.kind == "heading":
            break
        length += _length(block.text, lang)
    return length


def _start(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def second_homes(name: str, lang: str, text: str, ideas: list[Idea]) -> list[str]:
    """Where page `name` (in `lang`) explains an idea whose home is another page."""
    found = []
    page = f"{name}.md" if lang == "en" else f"{name}.{lang}.md"
    read = blocks(text)
    said = "\n".join(block.said for block in read)
    for idea in ideas:
        if idea.page == name or not idea.depth or not idea.words[lang].search(said):
            continue
        for number, block in enumerate(read):
            mentions = _mentions(idea, lang, block.said)
            if block.kind == "heading" and mentions:
                under = _section_length(read[number + 1 :], lang)
                if under < MIN_LENGTH[lang]:
                    continue
                why = f"heading names it, over {under} of prose"
            elif (
                block.kind == "paragraph"
                and mentions >= MIN_MENTIONS
                and _length(block.text, lang) >= MIN_LENGTH[lang]
            ):
                why = f"paragraph of {_length(block.text, lang)} names it {mentions} times"
            else:
                continue
            found.append(
                f"{page}:{block.line}: explains {idea.name!r} (home {idea.home}):"
                f" {why}: {_start(block.text)!r}"
            )
    return found


# Rule 4: a program uses only what the chapters up to its own have taught.


def _dotted(node: ast.AST) -> list[str] | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(parts)]


@cache
def api_uses(source: str) -> frozenset[str]:
    """The dotted names a program imports or uses through its imports."""
    tree = ast.parse(source)
    names: dict[str, str] = {}
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
                used.add(alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                used.add(f"{node.module}.{alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute | ast.Name):
            parts = _dotted(node)
            if parts and parts[0] in names:
                used.add(".".join([names[parts[0]], *parts[1:]]))
    return frozenset(used)


def _uses(api: str, used: frozenset[str]) -> set[str]:
    """The names in `used` that are `api` or inside it, the most precise only."""
    inside = {u for u in used if u == api or u.startswith(api + ".")}
    return {u for u in inside if not any(o.startswith(u + ".") for o in inside)}


def _sections(text: str) -> list[tuple[int, int]]:
    """(first line, last line) of each stretch between headings, 1-based."""
    lines = text.splitlines()
    starts, fenced = [1], None
    for number, line in enumerate(lines, 1):
        fence = _FENCE.match(line)
        if fenced:
            fenced = None if fence and fence[1] == fenced else fenced
        elif fence:
            fenced = fence[1]
        elif _HEADING.match(line):
            starts.append(number)
    ends = [s - 1 for s in starts[1:]] + [len(lines)]
    return list(zip(starts, ends, strict=True))


def forward_uses(
    name: str,
    lang: str,
    text: str,
    programs: Mapping[str, str],
    order: list[str],
    ideas: list[Idea],
) -> list[str]:
    """Where page `name` shows a program that uses the API of a later chapter.

    `programs` maps an included path (below snippets/) to its source.
    """
    place = order.index(name)
    page = f"{name}.md" if lang == "en" else f"{name}.{lang}.md"
    lines = text.splitlines()
    found = []
    for first, last in _sections(text):
        section = "\n".join(lines[first - 1 : last])
        marked = {
            link["page"]
            for link in LINK.finditer(_without_code(section))
            if ".later" in (link["attrs"] or "")
        }
        for offset, line in enumerate(lines[first - 1 : last]):
            include = INCLUDE.match(line)
            if not include or not include[1].endswith(".py") or include[1] not in programs:
                continue
            used = api_uses(programs[include[1]])
            for idea in ideas:
                if idea.page not in order or order.index(idea.page) <= place:
                    continue
                if idea.page in marked:
                    continue
                names = sorted({u for api in idea.api for u in _uses(api, used)})
                if names:
                    found.append(
                        f"{page}:{first + offset}: {include[1]} uses {', '.join(names)},"
                        f" taught later at {idea.home} (no {{ .later }} link to"
                        f" {idea.page}.md in this section)"
                    )
    return found


IDEAS = load_ideas()


def _page(name: str, lang: str) -> Path:
    return DOCS / (f"{name}.md" if lang == "en" else f"{name}.{lang}.md")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ROAD)
def test_an_idea_is_explained_only_at_its_home(name: str, lang: str) -> None:
    found = second_homes(name, lang, _page(name, lang).read_text("utf-8"), IDEAS)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ROAD)
def test_programs_use_only_what_was_taught(name: str, lang: str) -> None:
    text = _page(name, lang).read_text("utf-8")
    programs = {
        p: (SNIPPETS / p).read_text("utf-8") for p in INCLUDE.findall(text) if p.endswith(".py")
    }
    found = forward_uses(name, lang, text, programs, ROAD, IDEAS)
    assert not found, "\n".join(found)


def _anchors(text: str) -> set[str]:
    """The ids a page's headings get: set by hand (`{ #id }`), or made from the title."""
    found = set()
    for line in _without_code(text).splitlines():
        heading = _HEADING.match(line)
        if heading:
            given = re.search(r"\{\s*#([\w-]+)[^}]*\}", heading["title"])
            title = _plain(heading["title"])
            slug = re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", title).strip().lower())
            found.add(given[1] if given else slug)
    return found


def test_every_idea_has_a_home_in_the_nav() -> None:
    for idea in IDEAS:
        assert idea.page in ROAD, f"{idea.name!r}: home {idea.home} is not a chapter in the nav"
        for lang in ("en", "zh"):
            text = _page(idea.page, lang).read_text("utf-8")
            anchor = idea.home.partition("#")[2]
            assert not anchor or anchor in _anchors(text), (
                f"{idea.name!r}: {_page(idea.page, lang).name} has no #{anchor}"
            )
            assert any(_mentions(idea, lang, b.text) for b in blocks(text)), (
                f"{idea.name!r}: its home {_page(idea.page, lang).name} never names it"
                f" in the words declared for {lang}"
            )
    assert len({i.name for i in IDEAS}) == len(IDEAS), "an idea is declared twice"


# Rules 3 and 4 fail on what they are there to catch, and only on that.

_LONG = (
    "Threads in one process take turns, and this paragraph goes on about it"
    " at some length so that it is long enough to count as an explanation"
    " and not as a passing remark: it says what happens, why it happens,"
    " what a program can do about it, and what it costs to do that, in"
    " more words than one sentence would need."
)
_LONG_ZH = (
    "同一个进程里的线程轮流运行。这一段故意写得比较长，好让它算作一段解释，而不是顺带一提："
    "它说明发生了什么、为什么会发生、程序能做些什么，以及这样做要付出什么代价，"
    "字数比一句话所需要的多得多，足够超过判断一段解释所用的长度下限。"
)


def _idea(name: str) -> Idea:
    return next(i for i in IDEAS if i.name == name)


def test_a_heading_that_names_an_idea_away_from_its_home_is_found() -> None:
    text = f"# Threads\n\n## Threads and the `GIL` {{ #gil }}\n\n{_LONG}\n## Next\n\nShort.\n"
    found = second_homes("threads", "en", text, [_idea("GIL")])
    assert len(found) == 1 and found[0].startswith(
        "threads.md:3: explains 'GIL' (home gil.md#what-the-gil-is): heading names it, over"
    ), found
    zh = f"# 线程\n\n## 再谈 GIL {{#gil}}\n\n{_LONG_ZH}\n"
    assert len(second_homes("threads", "zh", zh, [_idea("GIL")])) == 1


def test_a_heading_over_a_sentence_and_a_link_is_not_a_second_explanation() -> None:
    text = (
        "# Threads\n\n## Threads and the GIL\n\nOnly one thread at a time runs Python"
        " code: [the GIL](gil.md#what-the-gil-is) explains why.\n\n## Next\n\n" + _LONG
    )
    assert second_homes("threads", "en", text, [_idea("GIL")]) == []


def test_an_admonition_title_counts_as_a_heading() -> None:
    body = "".join(f"    {line}\n" for line in _LONG.splitlines())
    text = f'# Lock\n\n!!! note "How `__main__` guard helps here"\n\n{body}'
    found = second_homes("lock", "en", text, IDEAS)
    assert [f.split(": heading")[0] for f in found] == [
        "lock.md:3: explains '__main__ guard' (home process.md#main-guard)"
    ]


def test_a_long_paragraph_that_keeps_naming_an_idea_is_found() -> None:
    text = (
        "# Threads\n\n## Turns\n\n"
        + _LONG.replace("take turns,", "take turns under the GIL,")
        + "\nThe GIL is one lock;\na thread that waits gives the GIL back.\n"
    )
    found = second_homes("threads", "en", text, IDEAS)
    assert len(found) == 1 and found[0].startswith(
        "threads.md:5: explains 'GIL' (home gil.md#what-the-gil-is): paragraph of"
    ), found
    assert "names it 3 times" in found[0]


def test_a_long_chinese_paragraph_is_found_by_the_chinese_words() -> None:
    text = (
        "# 线程\n\n"
        + _LONG_ZH
        + "全局解释器锁让线程轮流运行；等待的线程会交出 GIL，别的线程再拿到 GIL。\n"
    )
    found = second_homes("threads", "zh", text, IDEAS)
    assert len(found) == 1 and "threads.zh.md:3: explains 'GIL'" in found[0], found
    # The English words do not count on a Chinese page, nor the Chinese on an English one.
    assert (
        second_homes(
            "threads", "zh", text.replace("全局解释器锁", "the global interpreter lock"), IDEAS
        )
        == []
    )


def test_a_sentence_with_a_link_to_the_home_is_not_a_second_explanation() -> None:
    text = (
        "# Threads\n\n"
        "Only one thread at a time runs Python code: [the GIL](gil.md){ .later }.\n\n"
        # Long, and says GIL three times, but twice in link texts: a pointer.
        + _LONG
        + " The GIL decides. See [the GIL](gil.md) and [GIL](gil.md#x){ .later }.\n\n"
        "```python\n# GIL GIL GIL in code is not prose\n```\n"
    )
    assert second_homes("threads", "en", text, IDEAS) == []


def test_a_short_paragraph_naming_an_idea_often_is_not_found() -> None:
    text = "# Threads\n\nThe GIL, the GIL and again the GIL: short.\n"
    assert second_homes("threads", "en", text, IDEAS) == []


def test_the_home_page_may_explain_its_idea() -> None:
    text = "# The GIL\n\n## What the GIL is\n\n" + _LONG + " GIL GIL GIL.\n"
    assert not [f for f in second_homes("gil", "en", text, IDEAS) if "'GIL'" in f]


_ORDER = ["concepts", "threads", "lock", "sync", "gil", "asyncio"]
_EVENT_PROGRAM = (
    'import threading\n\nstop = threading.Event()  # asyncio in a comment\nprint("asyncio")\n'
)


def _page_with(include: str, extra: str = "") -> str:
    return (
        "# Threads\n\n## Start a thread\n\nText.\n\n"
        f'```python title="x.py"\n--8<-- "{include}"\n```\n\n{extra}'
        "## Another section\n\nSee [Event](sync.md#event){ .later }.\n"
    )


def test_a_program_using_a_later_api_is_found() -> None:
    found = forward_uses(
        "threads", "en", _page_with("threads/x.py"), {"threads/x.py": _EVENT_PROGRAM}, _ORDER, IDEAS
    )
    assert found == [
        "threads.md:8: threads/x.py uses threading.Event, taught later at sync.md#event"
        " (no { .later } link to sync.md in this section)"
    ]


def test_a_later_api_imported_by_name_or_alias_is_found() -> None:
    programs = {
        "threads/x.py": "from threading import Barrier as B\nb = B(2)\n",
        "threads/y.py": "import asyncio as aio\n\naio.run(main())\n",
    }
    text = _page_with("threads/x.py") + '\n## Third\n\n--8<-- "threads/y.py"\n'
    found = forward_uses("threads", "en", text, programs, _ORDER, IDEAS)
    assert [f.split(", taught")[0] for f in found] == [
        "threads.md:8: threads/x.py uses threading.Barrier",
        "threads.md:17: threads/y.py uses asyncio.run",
    ]


def test_a_later_api_is_allowed_with_a_later_link_in_its_section() -> None:
    text = _page_with("threads/x.py", "It waits on an [Event](sync.md#event){ .later }.\n\n")
    assert (
        forward_uses("threads", "en", text, {"threads/x.py": _EVENT_PROGRAM}, _ORDER, IDEAS) == []
    )
    # A plain link is not a `{ .later }` link.
    plain = _page_with("threads/x.py", "It waits on an [Event](sync.md#event).\n\n")
    assert (
        len(forward_uses("threads", "en", plain, {"threads/x.py": _EVENT_PROGRAM}, _ORDER, IDEAS))
        == 1
    )


def test_an_api_taught_earlier_or_on_the_page_is_free() -> None:
    text = _page_with("threads/x.py")
    for page in ("sync", "gil"):
        assert forward_uses(page, "en", text, {"threads/x.py": _EVENT_PROGRAM}, _ORDER, IDEAS) == []


def test_api_uses_resolves_imports_and_skips_comments_and_strings() -> None:
    source = (
        "import multiprocessing as mp\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "import threading\n\n"
        "def f():\n    from contextvars import ContextVar\n    return ContextVar('asyncio')\n\n"
        "# threading.Barrier\n"
        "lock = mp.Lock()\n"
        "threading.Thread(target=f).start()\n"
        "Event = 1\n"
    )
    used = api_uses(source)
    assert {
        "multiprocessing",
        "multiprocessing.Lock",
        "concurrent.futures.ThreadPoolExecutor",
        "contextvars.ContextVar",
        "threading.Thread",
    } <= used
    assert not {u for u in used if "Barrier" in u or "asyncio" in u or u.endswith("Event")}


def test_ideas_load_from_the_glossary_and_their_own_words(tmp_path: Path) -> None:
    table = tmp_path / "ideas.toml"
    table.write_text(
        '[[idea]]\nterm = "worker process"\napi = ["multiprocessing.Pool"]\n\n'
        '[[idea]]\nname = "spin"\nhome = "threads.md#spin"\ndepth = false\n'
        "en = ['(?i)\\bspin(s|ning)?\\b']\nzh = ['自旋']\n",
        "utf-8",
    )
    glossary = [{"en": "worker process", "zh": "工作进程", "page": "pool.md#workers"}]
    worker, spin = load_ideas(table, glossary)
    assert (worker.name, worker.page, worker.api, worker.depth) == (
        "worker process",
        "pool",
        ("multiprocessing.Pool",),
        True,
    )
    assert _mentions(worker, "en", "Two Worker Processes and one worker process.") == 2
    assert _mentions(worker, "zh", "四个工作进程") == 1
    assert (spin.page, spin.depth) == ("threads", False)
    assert _mentions(spin, "en", "It Spins while spinning.") == 2
    assert second_homes("lock", "en", "# Lock\n\n## Spin spin spin\n", [spin]) == []
    table.write_text('[[idea]]\nname = "x"\nhome = "a.md"\nen = ["x"]\n', "utf-8")
    with pytest.raises(ValueError, match="no zh words"):
        load_ideas(table, glossary)
