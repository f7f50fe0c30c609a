"""Recorded outputs name a reader's machine, not the one that recorded them.

Some programs print paths: a warning names the file it comes from, a
traceback names the standard library's files, an asyncio debug message
names both. Recorded as printed, a page would show the recording machine's
checkout and home folder (`/work/main/snippets/...`, `/root/.pyenv/...`).
`make outputs` writes them as they would read on a reader's Linux machine
instead, and nothing else: the folder of the program becomes the folder a
reader saved it in (READER_FOLDER), the interpreter's standard library the
folder where a Linux distribution's Python keeps it (/usr/lib/python3.X),
and any other path below the checkout or the home folder the same path
below the reader's. The pages say so where such a path is shown, and the
comparison masks these parts as declared `path`s, as for any reader's run.
"""

from __future__ import annotations

from pathlib import Path

from .snippets import ROOT

READER_HOME = "/home/you"
READER_FOLDER = f"{READER_HOME}/concurrency"


def readers_paths(text: str, folder: Path | None, stdlib: str, version: tuple[int, ...]) -> str:
    """`text` with the recording machine's paths replaced by a reader's.

    `folder` is where the program ran, `stdlib` the standard library folder
    of the interpreter that ran it, `version` that interpreter's version.
    """
    replacements = [
        (str(folder), READER_FOLDER) if folder else None,
        (stdlib.rstrip("/"), f"/usr/lib/python{version[0]}.{version[1]}"),
        (str(ROOT), f"{READER_HOME}/python-concurrency-verified"),
        (str(Path.home()), READER_HOME),
    ]
    for old, new in filter(None, replacements):
        text = text.replace(old + "/", new + "/")
    return text


def recording_machine_paths(text: str) -> list[str]:
    """The paths of this machine (its checkout, its home folder) found in `text`."""
    return [p for p in (f"{ROOT}/", f"{Path.home()}/") if p in text]
