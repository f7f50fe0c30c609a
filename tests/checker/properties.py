"""What a timeline's caption claims, checked on a trace.

Each figure's declaration (`name.timeline.toml`) lists properties by name,
with their settings; `check(trace, property)` returns None when the trace
has it, else what is wrong. The test suite checks them on fresh traced
runs under every start method (tests/test_timelines.py), and proves that
each check fails on a trace that breaks it.

Spans are selected by `kind` (work, wait, hold, cpu) and, optionally, by
`name` (the function, or the lock), `label` (the first argument) and `lane`
(a regular expression the lane's name must match from its start).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hooks.timeline_lanes import lost_updates

from .timeline import Trace

Span = list  # [lane, kind, name, label, start_ms, end_ms]


def _select(
    trace: Trace,
    kind: str,
    name: str | None = None,
    label: str | None = None,
    lane: str | None = None,
) -> list[Span]:
    return [
        s
        for s in trace.spans
        if s[1] == kind
        and (name is None or s[2] == name)
        and (label is None or s[3] == label)
        and (lane is None or re.match(lane, trace.lanes[s[0]]))
    ]


def _most_at_once(spans: list[Span]) -> tuple[int, float]:
    """The most lanes that had a selected span at one instant, and when."""
    events = sorted([(s[4], 1, s[0]) for s in spans] + [(s[5], -1, s[0]) for s in spans])
    active: dict[int, int] = {}
    best, when = 0, 0.0
    for time, step, lane in events:  # ends sort before starts at the same instant
        active[lane] = active.get(lane, 0) + step
        lanes = sum(1 for n in active.values() if n > 0)
        if lanes > best:
            best, when = lanes, time
    return best, when


def at_once(trace: Trace, kind: str, at_least: int = 2, **select: str) -> str | None:
    """At some instant, at least `at_least` lanes had a selected span."""
    spans = _select(trace, kind, **select)
    most, when = _most_at_once(spans)
    if most >= at_least:
        return None
    return f"at most {most} lanes had a {kind} span {_named(select)}at once; expected {at_least}"


def at_most(trace: Trace, kind: str, most: int, at_least: int = 1, **select: str) -> str | None:
    """Never more than `most` lanes had a selected span at once (and at some
    instant at least `at_least` did, so that an empty trace proves nothing)."""
    spans = _select(trace, kind, **select)
    count, when = _most_at_once(spans)
    if count > most:
        return f"{count} lanes had a {kind} span {_named(select)}at {when} ms; at most {most} may"
    if count < at_least:
        return f"at most {count} lanes had a {kind} span {_named(select)}at once"
    return None


def one_at_a_time(trace: Trace, kind: str, at_least: int = 2, **select: str) -> str | None:
    """No two selected spans overlap, and there are at least `at_least` of them."""
    spans = sorted(_select(trace, kind, **select), key=lambda s: s[4])
    if len(spans) < at_least:
        return f"{len(spans)} {kind} spans {_named(select)}recorded; expected {at_least} or more"
    for before, after in zip(spans, spans[1:], strict=False):
        if after[4] < before[5]:
            return (
                f"{trace.lanes[before[0]]} {before[1]} {before[2]} "
                f"({before[4]}-{before[5]} ms) overlaps {trace.lanes[after[0]]} "
                f"{after[1]} {after[2]} ({after[4]}-{after[5]} ms)"
            )
    return None


def waits_inside_holds(trace: Trace, name: str, at_least_ms: float, lanes: int = 2) -> str | None:
    """In at least `lanes` lanes, a wait in `name` lasted `at_least_ms` or
    more, and every such wait fell inside another lane's hold: each waited for
    a lock that another held (a deadlock, ended by a timeout)."""
    long = [w for w in _select(trace, "wait", name) if w[5] - w[4] >= at_least_ms]
    if len({w[0] for w in long}) < lanes:
        return f"{len({w[0] for w in long})} lanes waited {at_least_ms} ms in {name}; need {lanes}"
    holds = _select(trace, "hold")
    for wait in long:
        if not any(h[0] != wait[0] and h[4] <= wait[4] and wait[5] <= h[5] for h in holds):
            return (
                f"{trace.lanes[wait[0]]}'s wait in {name} ({wait[4]}-{wait[5]} ms) "
                "is not inside another lane's hold"
            )
    return None


def waited_for(trace: Trace, wait: str, work: str, some: bool = False) -> str | None:
    """Every span of the function `work` (with `some`, at least one) ended
    before a wait in `wait` of another lane did: join() returned only after
    the child's function had returned. The wait may begin after the work
    ended (a child can finish before its parent calls join()); it cannot end
    before it."""
    works = _select(trace, "work", work)
    if not works:
        return f"no work span {work} recorded"
    waits = _select(trace, "wait", wait)

    def awaited(span: Span) -> bool:
        return any(w[0] != span[0] and w[5] >= span[5] for w in waits)

    done = [awaited(s) for s in works]
    if all(done) or (some and any(done)):
        return None
    span = works[done.index(False)]
    return f"{trace.lanes[span[0]]} {work} ended at {span[5]} ms, after every wait in {wait} ended"


def in_chunks(trace: Trace, name: str, size: int, count: int) -> str | None:
    """The calls of `name` for the inputs 0 to `count` - 1 (their first
    argument) came in chunks of `size`: each chunk's calls ran in one lane,
    one after another, in input order (Pool.map's chunksize)."""
    calls = sorted(_select(trace, "work", name), key=lambda s: int(s[3]))
    inputs = [int(s[3]) for s in calls]
    if inputs != list(range(count)):
        return f"calls of {name} for inputs {inputs}; expected 0 to {count - 1} once each"
    for first in range(0, count, size):
        chunk = calls[first : first + size]
        lanes = sorted({trace.lanes[s[0]] for s in chunk})
        if len(lanes) > 1:
            return f"inputs {first} to {first + size - 1} ran in {', '.join(lanes)}"
        for before, after in zip(chunk, chunk[1:], strict=False):
            if after[4] < before[5]:
                return f"input {after[3]} started before input {before[3]} ended"
    return None


def lasted_longer(
    trace: Trace,
    kind: str,
    label: str,
    than: str,
    times: float = 1.0,
    name: str | None = None,
    lane: str | None = None,
) -> str | None:
    """Every selected span labelled `label` lasted at least `times` as long as
    every one labelled `than` (a phase run one way against the same phase run
    another way), and there is at least one of each."""
    longer = _select(trace, kind, name, label, lane)
    shorter = _select(trace, kind, name, than, lane)
    if not longer or not shorter:
        return f"{len(longer)} {kind} spans labelled {label}, {len(shorter)} labelled {than}"
    slow = min(longer, key=lambda s: s[5] - s[4])
    quick = max(shorter, key=lambda s: s[5] - s[4])
    if slow[5] - slow[4] >= times * (quick[5] - quick[4]):
        return None
    return (
        f"{kind} {label} took {slow[5] - slow[4]:.2f} ms, {kind} {than} "
        f"{quick[5] - quick[4]:.2f} ms: not {times} times as long"
    )


def ends_between(
    trace: Trace, kind: str, after_ms: float, before_ms: float, **select: str
) -> str | None:
    """The last selected span ended between `after_ms` and `before_ms` from
    the first span of the trace: work cut short by a timeout ends when the
    timeout fires, not when what it waited for would have returned."""
    spans = _select(trace, kind, **select)
    if not spans:
        return f"no {kind} span {_named(select)}recorded"
    end = max(s[5] for s in spans)
    if after_ms <= end <= before_ms:
        return None
    expected = f"{after_ms}-{before_ms}"
    return f"the last {kind} span {_named(select)}ended at {end} ms; expected {expected}"


def cpu_at_most(
    trace: Trace,
    cores: float,
    during: str,
    label: str | None = None,
    lane: str | None = None,
    sample_ms: float = 10,
) -> str | None:
    """While the selected work spans (`during`, `label`) ran, the lanes running
    them together were on the CPU for at most `cores` CPUs' worth of time in
    every `sample_ms` window: with the GIL, one thread at a time."""
    windows = _cpu_windows(trace, during, label, lane, sample_ms)
    if not windows:
        return f"no work span {during} {label or ''} with CPU samples recorded"
    for t, busy in windows.items():
        if busy > cores:
            return (
                f"{busy:.2f} CPUs busy running {during} {label or ''} "
                f"at {t:.0f}-{t + sample_ms:.0f} ms; expected <= {cores}"
            )
    return None


def _cpu_windows(
    trace: Trace, during: str, label: str | None, lane: str | None, sample_ms: float
) -> dict[float, float]:
    """For each `sample_ms` window while the selected work ran, how many CPUs'
    worth of time the lanes running it were on a CPU."""
    work = _select(trace, "work", during, label, lane)
    lanes = {s[0] for s in work}
    if not work:
        return {}
    start, end = min(s[4] for s in work), max(s[5] for s in work)
    windows: dict[float, float] = {}
    t = start
    while t + sample_ms <= end:
        busy = sum(
            c[3] * max(0.0, min(c[5], t + sample_ms) - max(c[4], t))
            for c in trace.spans
            if c[1] == "cpu" and c[0] in lanes
        )
        windows[t] = busy / sample_ms
        t += sample_ms
    return windows


def lost_update(trace: Trace, name: str) -> str | None:
    """Two threads read the balance (the first argument of `name`) while
    neither had written back: at least one update was lost, on the trace."""
    if lost_updates({"spans": trace.spans}, name):
        return None
    return f"no two calls of {name} in two threads were inside at once"


def _named(select: dict[str, str]) -> str:
    return "".join(f"{v} " for v in select.values())


CHECKS: dict[str, Callable[..., str | None]] = {
    "at_once": at_once,
    "at_most": at_most,
    "one_at_a_time": one_at_a_time,
    "waits_inside_holds": waits_inside_holds,
    "waited_for": waited_for,
    "in_chunks": in_chunks,
    "lasted_longer": lasted_longer,
    "ends_between": ends_between,
    "cpu_at_most": cpu_at_most,
    "lost_update": lost_update,
}


def check(trace: Trace, prop: dict) -> str | None:
    """None when the trace has the property, else what is wrong."""
    settings = {k: v for k, v in prop.items() if k not in ("check", "why")}
    return CHECKS[prop["check"]](trace, **settings)
