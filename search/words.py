"""The Chinese words the search index needs, cut from jieba's dictionary.

Material segments every run of Han characters on every page with jieba at
build time. jieba's own dictionary has 349,046 words, and loading it took
0.8 s of every build, while the guide's text holds fewer than 4,000 of them.
jieba's segmentation of a text depends only on the dictionary's words that
occur in that text and on the sum of all frequencies: `words.txt` keeps the
first and carries the rest of the sum in one entry that no page can contain
(a private-use character), so the index is the same as with the whole
dictionary.

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

WORDS = Path(__file__).with_name("words.txt")
# The same pattern as Material's search plugin uses to find what it segments.
_HAN_RUN = bre.compile(r"\p{script: Han}+")
_REST_OF_THE_SUM = "\ue000"


def han_runs(site: Path) -> set[str]:
    """Every run of Han characters in the site's search indexes (both languages)."""
    runs: set[str] = set()
    for index in site.glob("**/search/search_index.json"):
        for doc in json.loads(index.read_text("utf-8"))["docs"]:
            # Segmentation only inserted zero-width spaces; without them, the page's text.
            text = f"{doc['title']}\n{doc['text']}".replace("\u200b", "")
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
    return "\n".join([*kept, f"{_REST_OF_THE_SUM} {rest}"]) + "\n"


if __name__ == "__main__":
    WORDS.write_text(needed_words(han_runs(Path(sys.argv[1]))), "utf-8")
