"""Search as a reader uses it: each term of the guide finds the page that teaches it.

One tab per language types every term into Material's search box, one after
another (a page visit costs about a CPU-second; a term costs a query), and
requires for each: the teaching page (search/terms.py) listed first, no page
of the other language among the results, nothing a reader cannot see (the
zero-width spaces of Chinese segmentation) in what the results show, and
results within a stated time. Then the words readers type beyond the
glossary (search/queries.toml), results on a phone (prose, no listings,
three on a screen), and a Chinese query on the English site.
"""

from __future__ import annotations

import json
import re
import time
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from search.terms import Term, terms
from tests.checker.pages import DOCS, LANGUAGES
from tests.checker.site import BuiltSite

# From page load (the search index fetched and indexed by Material's
# worker) to the first term's results; then per term. Measured here on two
# cores shared with other work: 0.8 to 2.4 s, and at most 0.4 s a term.
FIRST_RESULTS_WITHIN_S = 5.0
RESULTS_WITHIN_S = 2.0
# What the terms' results may contain that a reader would not see.
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


# Words readers type beyond the glossary, each with the page that should
# come first (search/queries.toml).
READERS_WORDS = Path(__file__).resolve().parents[2] / "search" / "queries.toml"


def readers_words(language: str) -> dict[str, str]:
    """The queries of `language` in search/queries.toml, each with its page."""
    table = tomllib.loads(READERS_WORDS.read_text("utf-8"))[language]
    return {query: v if isinstance(v, str) else v["page"] for query, v in table.items()}


def first_needs(language: str) -> dict[str, str]:
    """The queries whose page lacks the word: what it needs to come first."""
    table = tomllib.loads(READERS_WORDS.read_text("utf-8"))[language]
    return {query: v["first_needs"] for query, v in table.items() if not isinstance(v, str)}


def language_of(term: Term, language: str) -> str | None:
    return term.en if language == "en" else term.zh


def teaching_url(term: Term, language: str) -> str:
    """`lock/` for lock.md in English, `zh/lock/` in Chinese (no anchor)."""
    return page_url(term.page, language)


def page_url(page: str, language: str) -> str:
    """`lock/` for lock.md (or lock.md#anchor) in English, `zh/lock/` in Chinese."""
    name = page.split("#")[0].removesuffix(".md").removesuffix(".ipynb")
    path = "" if name == "index" else f"{name.removesuffix('/index')}/"
    return path if language == LANGUAGES[0] else f"{language}/{path}"


def test_every_term_has_a_teaching_page(built_site: BuiltSite) -> None:
    """Each term names a page in both languages, and its section where it names one."""
    missing = []
    for term in terms():
        name, _, anchor = term.page.partition("#")
        for language in LANGUAGES:
            stem, _, suffix = name.rpartition(".")
            source = DOCS / (name if language == LANGUAGES[0] else f"{stem}.{language}.{suffix}")
            html = built_site.path / teaching_url(term, language) / "index.html"
            if not source.is_file() or not html.is_file():
                missing.append(f"{term.en}: no page {source.relative_to(DOCS)}")
            elif anchor and f'id="{anchor}"' not in html.read_text("utf-8"):
                missing.append(f"{term.en}: no section #{anchor} on {teaching_url(term, language)}")
        if not term.en or (term.zh is not None and not term.zh.strip()):
            missing.append(f"{term}: an empty term")
    assert not missing, "\n".join(missing)


def _search(page: Page, query: str, limit_s: float) -> tuple[list[str], bool, float]:
    """Type `query` as an input method delivers it, then a key: the result
    pages, whether what they show holds an invisible character, the time."""
    # The results on screen are marked; the next query's results replace them.
    page.evaluate(
        "() => document.querySelectorAll('.md-search-result__item')"
        ".forEach(item => item.dataset.before = '')"
    )
    search = page.locator("input.md-search__input")
    start = time.perf_counter()
    # Chinese text arrives through an input method, without key events per
    # character; Material searches on the key-up that follows.
    search.fill(query)
    search.press("End")
    page.wait_for_function(
        """none => {
             const item = document.querySelector('.md-search-result__item')
             return item ? !('before' in item.dataset)
               : document.querySelector('.md-search-result__meta').textContent === none
           }""",
        arg=_translation(page, "search.result.none"),
        timeout=limit_s * 1000,
    )
    took = time.perf_counter() - start
    # One item per page; its first link is the page, the others its sections.
    results, invisible = page.evaluate(
        """pattern => [
             [...document.querySelectorAll('.md-search-result__item')]
               .map(item => item.querySelector('a').href.split(/[?#]/)[0]),
             new RegExp(pattern).test(
               document.querySelector('.md-search-result__list').textContent),
           ]""",
        INVISIBLE.pattern,
    )
    return results, invisible, took


def open_search(browser: Browser, site_url: str, language: str, **options) -> Page:
    """A page of `language` with Material's search open, its index loaded."""
    page = browser.new_context(base_url=site_url, **options).new_page()
    page.goto("" if language == LANGUAGES[0] else f"{language}/")
    ready = _translation(page, "search.result.placeholder")
    expect(page.locator(".md-search-result__meta")).to_have_text(
        ready, timeout=FIRST_RESULTS_WITHIN_S * 1000
    )
    search = page.locator("input.md-search__input")
    if page.viewport_size and page.viewport_size["width"] < 960:
        # Narrower, Material's header shows a search button instead of the box.
        page.locator('label.md-header__button[for="__search"]').click()
    search.click()
    return page


def ranks(page: Page, site_url: str, words: dict[str, str], language: str) -> dict[str, int | None]:
    """For each query, where its page stands among the results (0: first), or None."""
    found = {}
    for query, expected in words.items():
        results, _, _ = _search(page, query, RESULTS_WITHIN_S)
        url = f"{site_url}{page_url(expected, language)}"
        found[query] = results.index(url) if url in results else None
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_readers_words_find_their_page(browser: Browser, site_url: str, language: str) -> None:
    """Words readers type that are not glossary terms (search/queries.toml):
    the page that teaches each comes first, found from what the site says;
    where the page lacks the word (`first_needs`), listed at least."""
    words = readers_words(language)
    page = open_search(browser, site_url, language)
    found = ranks(page, site_url, words, language)
    page.context.close()
    first = sum(rank == 0 for rank in found.values())
    top3 = sum(rank is not None and rank < 3 for rank in found.values())
    print(f"\n{language}: first {first}/{len(found)}, top three {top3}/{len(found)}")
    waiting = first_needs(language)
    for query, needs in waiting.items():
        print(f"{query!r}: {words[query]} at {found[query]}; first needs {needs}")
    wrong = [
        f"{q!r}: {words[q]} at {rank}"
        for q, rank in found.items()
        if rank is None or (rank > 0 and q not in waiting)
    ]
    assert not wrong, "\n".join(wrong)


# A phone (iPhone SE's screen, the smallest in common use), and what a
# result may not contain: a program's listing or output.
PHONE = {"width": 375, "height": 667}
CODE_BLOCKS = "pre, .highlight, .md-code__content"
# A name that appears in a program on one page and in no prose.
ONLY_IN_CODE = ("SystemExit", "lifecycle.md")


def test_results_show_prose_and_fit_a_phone(
    browser: Browser, site_url: str, built_site: BuiltSite
) -> None:
    """`lock` on a phone: no program listing in the results, and the first
    three fit on the screen; a name used only in a program finds its page."""
    page = open_search(browser, site_url, "en", viewport=PHONE)
    results, _, _ = _search(page, "lock", RESULTS_WITHIN_S)
    assert len(results) >= 3, results
    # Where the third result ends once the layout has settled (fonts loaded,
    # the search overlay's transition over): the same in two frames 100 ms apart.
    listings, bottom = page.evaluate(
        """async selector => {
             await document.fonts.ready
             const bottom = () => document.querySelectorAll('.md-search-result__item')[2]
               .getBoundingClientRect().bottom
             let before = -1, now = bottom()
             while (now !== before) {
               await new Promise(done => setTimeout(done, 100))
               before = now; now = bottom()
             }
             return [
               document.querySelectorAll(`.md-search-result__list :is(${selector})`).length, now]
           }""",
        CODE_BLOCKS,
    )
    assert listings == 0, f"{listings} program listings in the results for 'lock'"
    assert bottom <= PHONE["height"], (
        f"the third result ends at {bottom} px, below the screen: {results[:3]}"
    )
    name, home = ONLY_IN_CODE
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    shown = [d["location"] for d in index["docs"] if name in d["title"] + d["text"]]
    in_code = {d["location"].split("#")[0] for d in index["docs"] if name in d.get("code", "")}
    assert not shown and in_code == {page_url(home, "en")}, (
        f"{name} should be in the programs of {home} only, and in no prose: "
        f"shown in {shown}, in programs on {in_code}; pick another name"
    )
    results, _, _ = _search(page, name, RESULTS_WITHIN_S)
    assert results[:1] == [f"{site_url}{page_url(home, 'en')}"], results[:3]
    page.context.close()


def test_chinese_on_the_english_site_offers_the_chinese_search(
    browser: Browser, site_url: str
) -> None:
    """进程 typed on the English site: the first result is the Chinese site's
    search for it, which lists Chinese pages; nothing is fetched elsewhere."""
    page = open_search(browser, site_url, "en")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    results, _, _ = _search(page, "线程 Lock", RESULTS_WITHIN_S)
    assert results[1:], "the English pages' results are still listed"
    results, _, _ = _search(page, "进程", RESULTS_WITHIN_S)
    hint = page.locator(".md-search-result__item").first
    expect(hint).to_contain_text("在中文版中搜索“进程”")
    assert results[0] == f"{site_url}zh/", results[:3]
    assert not _search(page, "process", RESULTS_WITHIN_S)[0][0].startswith(f"{site_url}zh/")
    _search(page, "进程", RESULTS_WITHIN_S)
    hint.locator("a").first.click()
    page.wait_for_url(f"{site_url}zh/**")
    expect(page.locator(".md-search-result__item").first).to_be_visible(
        timeout=FIRST_RESULTS_WITHIN_S * 1000
    )
    assert page.locator("input.md-search__input").input_value() == "进程"
    first = page.evaluate(
        "() => document.querySelector('.md-search-result__item a').href.split(/[?#]/)[0]"
    )
    assert first.startswith(f"{site_url}zh/") and first != f"{site_url}zh/", first
    foreign = [url for url in requests if not url.startswith((site_url, "data:"))]
    assert not foreign, foreign
    # On the Chinese site, a Chinese query gets no such line.
    assert not [url for url in _search(page, "线程", RESULTS_WITHIN_S)[0] if url.endswith("?q=")]
    page.context.close()


def _translation(page: Page, key: str) -> str:
    return page.evaluate(
        "key => JSON.parse(document.getElementById('__config').textContent).translations[key]",
        key,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_lists_the_teaching_page_first(
    browser: Browser, site_url: str, language: str
) -> None:
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    home = "" if language == LANGUAGES[0] else f"{language}/"
    loaded = time.perf_counter()
    page.goto(home)
    # Typing before the index is ready would be lost, as for a reader: wait
    # for "type to start searching", in the page's language.
    ready = _translation(page, "search.result.placeholder")
    expect(page.locator(".md-search-result__meta")).to_have_text(
        ready, timeout=FIRST_RESULTS_WITHIN_S * 1000
    )
    page.locator("input.md-search__input").click()
    wrong, timings = [], []
    for number, term in enumerate(t for t in terms() if language_of(t, language)):
        query = language_of(term, language)
        assert query is not None
        results, invisible, took = _search(page, query, RESULTS_WITHIN_S)
        timings.append(time.perf_counter() - loaded if number == 0 else took)
        expected = f"{site_url}{teaching_url(term, language)}"
        foreign = [url for url in results if _language_of_url(url, site_url) != language]
        if results[:1] != [expected]:
            wrong.append(f"{query!r}: expected {expected} first, got {results[:3]}")
        if foreign:
            wrong.append(f"{query!r}: pages of another language: {foreign[:3]}")
        if invisible:
            wrong.append(f"{query!r}: zero-width characters in the results")
    _typed_key_by_key(page, "ProcessPoolExecutor", f"{site_url}{home}futures/")
    context.close()
    print(
        f"\n{language}: first results {timings[0]:.2f} s after load; then at most "
        f"{max(timings[1:]):.2f} s a term ({len(timings)} terms)"
    )
    assert timings[0] < FIRST_RESULTS_WITHIN_S, f"first results after {timings[0]:.2f} s"
    assert not wrong, "\n".join(wrong)


def _typed_key_by_key(page: Page, query: str, expected: str) -> None:
    """An English API name, typed key by key, finds its chapter in either language."""
    search = page.locator("input.md-search__input")
    search.fill("")
    search.press_sequentially(query)
    page.wait_for_function(
        """target => [...document.querySelectorAll('.md-search-result__item > a')]
             .some(a => a.href.split('?')[0] === target)""",
        arg=expected,
        timeout=RESULTS_WITHIN_S * 1000,
    )


def _language_of_url(url: str, site_url: str) -> str:
    rest = url.removeprefix(site_url)
    return next((lang for lang in LANGUAGES[1:] if rest.startswith(f"{lang}/")), LANGUAGES[0])


def test_each_language_has_its_own_index(built_site: BuiltSite) -> None:
    """No page of another language in an index, and nothing a reader would not see."""
    for language in LANGUAGES:
        folder = Path(built_site.path, *([] if language == LANGUAGES[0] else [language]))
        index = json.loads((folder / "search" / "search_index.json").read_text("utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert locations, f"no documents in the {language} index"
        assert not [loc for loc in locations if loc.split("/")[0] in LANGUAGES[1:]]
        assert not INVISIBLE.search(json.dumps(index, ensure_ascii=False))
