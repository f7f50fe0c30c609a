"""The Chinese words the search index needs, cut from jieba's dictionary.

Material segments every run of Han characters on every page with jieba at
build time. jieba's own dictionary has 349,046 words, and loading it took
0.8 s of every build, while the guide's text holds fewer than 4,000 of them.
jieba's segmentation of a text depends only on the dictionary's words that
occur in that text and on the sum of all frequencies: `words.txt` keeps the
first and carries the rest of the sum in one entry that no page can contain
(a private-use character), so the index is the same as with the whole
dictionary.

The guide's own terms (`terms.py`) are kept whole: jieba cuts 进程池 into
进程 and 池, and a reader who searches for 进程池 wants the pool page, not
every page that says 进程. Each such term gets the lowest frequency at which
jieba keeps it one word, taken from the rest of the sum so that the sum is
unchanged.

`make search-words` rewrites `words.txt` from the built site;
`tests/test_site.py` fails when a page uses a word the file lacks.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import jieba
from backrefs import bre

from search.terms import terms

WORDS = Path(__file__).with_name("words.txt")
# The same pattern as Material's search plugin uses to find what it segments.
_HAN_RUN = bre.compile(r"\p{script: Han}+")
_REST_OF_THE_SUM = "\ue000"


def han_runs(site: Path) -> set[str]:
    """Every run of Han characters in the site's search indexes (both languages)."""
    runs: set[str] = set()
    for index in site.glob("**/search/search_index.json"):
        for doc in json.loads(index.read_text("utf-8"))["docs"]:
            # Segmentation only inserted zero-width spaces, which hooks/search_index.py
            # writes as <wbr/>; without them, the page's text.
            fields = (doc.get(field, "") for field in ("title", "text", "about", "code"))
            text = "\n".join(fields).replace("\u200b", "")
            text = text.replace("<wbr/>", "")
            runs.update(_HAN_RUN.findall(text))
    return runs


def needed_words(runs: Iterable[str]) -> str:
    """The dictionary file for these runs: their words as in jieba's, then the rest of the sum."""
    entries = Path(jieba.__file__).with_name("dict.txt").read_text("utf-8").splitlines()
    longest = max(len(line.split(" ", 1)[0]) for line in entries)
    pieces = {
        run[start:end]
        for run in runs
        for start in range(len(run))
        for end in range(start + 1, min(len(run), start + longest) + 1)
    }
    kept, rest = [], 0
    for line in entries:
        word, frequency = line.split(" ")[:2]
        if word in pieces:
            kept.append(line)
        else:
            rest += int(frequency)
    kept, rest = _whole_terms(kept, rest)
    return "\n".join([*kept, f"{_REST_OF_THE_SUM} {rest}"]) + "\n"


def _whole_terms(kept: list[str], rest: int) -> tuple[list[str], int]:
    """`kept` with each Chinese term of the guide one word for jieba."""
    entries = {line.split(" ", 1)[0]: line.split(" ") for line in kept}
    total = rest + sum(int(fields[1]) for fields in entries.values())
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = {word: int(fields[1]) for word, fields in entries.items()}
    for word in list(tokenizer.FREQ):  # jieba looks a word up by its prefixes
        for end in range(1, len(word)):
            tokenizer.FREQ.setdefault(word[:end], 0)
    tokenizer.total, tokenizer.initialized = total, True
    for term in sorted({t.zh for t in terms() if t.zh and _HAN_RUN.fullmatch(t.zh)}):
        if list(tokenizer.cut(term, HMM=False)) == [term]:
            continue
        before = tokenizer.FREQ.get(term, 0)
        after = tokenizer.suggest_freq(term, tune=True)
        tokenizer.total = total  # the sum stays the same: see below
        if after > before:
            tag = entries.get(term, [term, "0", "n"])[2:]
            entries[term] = [term, str(after), *tag]
            rest -= after - before
    return [" ".join(fields) for fields in entries.values()], rest


if __name__ == "__main__":
    WORDS.write_text(needed_words(han_runs(Path(sys.argv[1]))), "utf-8")
