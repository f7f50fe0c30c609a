"""What printed a recorded output or traced a figure: "Python 3.14.10 · forkserver".

snippets/printed_by.json, written by `make outputs` (tests/checker/regenerate.py),
names for each recorded output (`pool/apply_async.out`) the Python release
and the start method of the run that printed it; a trace names its own. The
hook adds that line to the title of every output block that includes a
recorded output, so that a reader on another version knows what to expect;
hooks/timelines.py adds it under each figure, hooks/notebooks.py under a
notebook's title.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

PRINTED_BY = Path(__file__).resolve().parents[1] / "snippets" / "printed_by.json"

# A console block whose first line includes a recorded output:
#   ```console title="Output of one run"
#   $ python name.py
#   --8<-- "chapter/name.out"
_BLOCK = re.compile(
    r'^(?P<indent>[ \t]*)(?P<fence>```+)console title="(?P<title>[^"]*)"\n'
    r"(?P<body>(?:(?!(?P=indent)(?P=fence)).*\n)*?)"
    r'(?P=indent)[ \t]*--8<-- "(?P<output>[^"]+\.out)"',
    re.M,
)


# A recorded output included on its own, as Markdown (gil/benchmark.out, a table).
_STANDALONE = re.compile(r'(?<=\n\n)--8<-- "(?P<output>[^"]+\.out)"\n')


def label(python: str, start_method: str | None) -> str:
    return " · ".join(filter(None, [f"Python {python}", start_method]))


def linux_default(python: str) -> str:
    """The start method a program gets on Linux from this release (a
    notebook's kernel, which `make outputs` runs on Linux, uses it)."""
    return "forkserver" if tuple(map(int, python.split(".")[:2])) >= (3, 14) else "fork"


def printed_by() -> dict[str, dict[str, str | None]]:
    return json.loads(PRINTED_BY.read_text("utf-8"))


def on_page_markdown(markdown: str, page, config, files) -> str:
    known = printed_by()

    def of(output: str) -> str:
        entry = known.get(output)
        if entry is None:
            raise ValueError(f"{page.file.src_uri}: {output} is not in {PRINTED_BY.name}")
        return label(entry["python"], entry["start_method"])

    def titled(match: re.Match[str]) -> str:
        title = f"{match['title']} · {of(match['output'])}"
        return match[0].replace(f'title="{match["title"]}"', f'title="{title}"', 1)

    def signed(match: re.Match[str]) -> str:
        return f'{match[0]}\n<p class="printed-by">{of(match["output"])}</p>\n'

    return _STANDALONE.sub(signed, _BLOCK.sub(titled, markdown))
