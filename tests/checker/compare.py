"""Compare what a snippet printed with its documented output.

Everything must match exactly, except what the snippet's declaration file
names: parts of lines (`vary`), each of a fixed narrow kind, ranges of
lines whose order may change (`unordered`), and a block that a library may
print after the program's last line (`may_end_with`). Both sides are brought
to the same canonical form, then compared line by line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# What a varying part may be. A declaration names one of these as the group
# name in its pattern; the text the group matches must be of that kind, so a
# declaration can never hide a word.
KINDS: dict[str, re.Pattern[str]] = {
    "pid": re.compile(r"[1-9][0-9]{0,9}"),
    "seconds": re.compile(r"[0-9]+\.[0-9]+"),
    "count": re.compile(r"[0-9]+"),
    # Windows prints pointers zero-padded in upper case: 0x000001E4B5F6D2D0.
    "address": re.compile(r"0x[0-9a-fA-F]+"),
    # An absolute folder, ending in a separator: where the reader saved the file.
    "path": re.compile(r"(?:[A-Za-z]:)?[\\/](?:[^\\/\s]+[\\/])*"),
}


@dataclass(frozen=True)
class Vary:
    """A part of a line that differs between runs, like a process ID."""

    pattern: re.Pattern[str]
    why: str

    @classmethod
    def declare(cls, pattern: str, why: str) -> Vary:
        compiled = re.compile(pattern)
        groups = set(compiled.groupindex)
        if not groups:
            raise ValueError(f"vary pattern {pattern!r} names no group of {sorted(KINDS)}")
        if not groups <= set(KINDS):
            raise ValueError(f"vary pattern {pattern!r}: groups must be among {sorted(KINDS)}")
        if compiled.groups != len(groups):
            raise ValueError(f"vary pattern {pattern!r}: use (?:...) for unnamed groups")
        if not why.strip():
            raise ValueError("every vary declaration says why")
        return cls(compiled, why)

    def mask(self, line: str) -> str:
        """Replace every varying part of the line with `<kind>`."""

        def substitute(match: re.Match[str]) -> str:
            text = match.group(0)
            start = match.start()
            # Replace groups from the right so earlier offsets stay valid.
            for kind, _ in sorted(match.groupdict().items(), key=lambda kv: -match.start(kv[0])):
                value = match.group(kind)
                if value is None or not KINDS[kind].fullmatch(value):
                    return text  # not of its kind: leave it to show in the diff
                lo, hi = match.start(kind) - start, match.end(kind) - start
                text = f"{text[:lo]}<{kind}>{text[hi:]}"
            return text

        return self.pattern.sub(substitute, line)


@dataclass(frozen=True)
class Unordered:
    """A range of lines (1-based, inclusive) that may come in any order."""

    first: int
    last: int
    why: str

    @classmethod
    def declare(cls, lines: str, why: str) -> Unordered:
        first, _, last = lines.partition("-")
        start, end = int(first), int(last or first)
        if not 1 <= start < end:
            raise ValueError(f"unordered lines {lines!r}: need two or more lines, as 'first-last'")
        if not why.strip():
            raise ValueError("every unordered declaration says why")
        return cls(start, end, why)


@dataclass(frozen=True)
class Tail:
    """What a library may print after the program's last line, from a line
    that matches `first_line` (whole) to the end of the output: a message
    logged while the program shuts down, say. Cut from the printed output
    before comparing, it can hide no documented line: if it came earlier,
    the documented lines after it would be missing."""

    first_line: re.Pattern[str]
    why: str

    @classmethod
    def declare(cls, first_line: str, why: str) -> Tail:
        if not why.strip():
            raise ValueError("every may_end_with declaration says why")
        return cls(re.compile(first_line), why)

    def start(self, lines: list[str]) -> int | None:
        """The index of the line where this tail begins, if there is one."""
        return next((i for i, line in enumerate(lines) if self.first_line.fullmatch(line)), None)


def cut_tail(text: str, tails: tuple[Tail, ...]) -> str:
    """The text up to where a declared tail begins."""
    lines = text.splitlines(keepends=True)
    bare = [line.rstrip("\r\n") for line in lines]
    starts = [i for i in (t.start(bare) for t in tails) if i is not None]
    return "".join(lines[: min(starts)]) if starts else text


@dataclass(frozen=True)
class Mismatch:
    """Why the printed output is not the documented one, as a readable diff."""

    diff: str


def canonical(text: str, vary: tuple[Vary, ...], unordered: tuple[Unordered, ...]) -> list[str]:
    """The lines as compared: varying parts masked, unordered ranges sorted."""
    lines = text.splitlines()
    for v in vary:
        lines = [v.mask(line) for line in lines]
    for u in unordered:
        lines[u.first - 1 : u.last] = sorted(lines[u.first - 1 : u.last])
    return lines


def check_declarations(
    documented: str,
    vary: tuple[Vary, ...],
    unordered: tuple[Unordered, ...],
    tails: tuple[Tail, ...] = (),
) -> list[str]:
    """Problems with the declarations themselves: each must apply to the documented output."""
    lines = documented.splitlines()
    problems = [
        f"may_end_with {t.first_line.pattern!r} is in the documented output: record it again"
        for t in tails
        if t.start(lines) is not None
    ]
    for v in vary:
        if all(v.mask(line) == line for line in lines):
            problems.append(
                f"vary pattern {v.pattern.pattern!r} masks nothing in the documented output"
            )
    for u in unordered:
        if u.last > len(lines):
            problems.append(
                f"unordered lines {u.first}-{u.last} run past the {len(lines)} documented lines"
            )
    ranges = sorted((u.first, u.last) for u in unordered)
    for (_, end), (start, _) in zip(ranges, ranges[1:], strict=False):
        if start <= end:
            problems.append(f"unordered ranges overlap at line {start}")
    return problems


def compare(
    documented: str,
    printed: str,
    vary: tuple[Vary, ...] = (),
    unordered: tuple[Unordered, ...] = (),
    tails: tuple[Tail, ...] = (),
) -> Mismatch | None:
    """None when the printed output matches the documented one, else the diff."""
    expected = canonical(documented, vary, unordered)
    actual = canonical(cut_tail(printed, tails), vary, unordered)
    if expected == actual:
        return None
    diff = difflib.unified_diff(
        expected, actual, "documented (masked)", "printed (masked)", lineterm="", n=3
    )
    notes = [
        f"  <{k}> stands for a declared varying part"
        for k in KINDS
        if any(f"<{k}>" in line for line in expected + actual)
    ]
    notes += [
        f"  lines {u.first}-{u.last} are compared in sorted order (declared unordered)"
        for u in unordered
    ]
    return Mismatch("\n".join([*diff, *notes]))
