"""What each lane of a timeline was doing, in the five states a reader is shown.

A trace (tests/checker/timeline.py) records spans by how they were measured:
a function's call (work), a blocking call inside it (wait), a task made but
not yet run (ready), a lock held (hold), CPU time sampled (cpu). A reader
needs to see what the thread was doing instead:

- run: running Python (a work span, less what it waited in; where CPU time
  was sampled, the CPU time itself, as tall as the share of one CPU);
- ready: could run but does not (a task the event loop has not come to; a
  thread inside its function but off the CPU, waiting for the GIL);
- blocked: waiting for another thread, process or task (a lock, a semaphore
  slot, a queue, join(), a future);
- sleep: sleeping, or waiting for I/O;
- hold: holding a lock, a band over the rest.

Which wait is which comes from its name (`sleep` sleeps, `acquire` blocks),
or from the figure's declaration where only the program knows: an `await`
may wait for a timer or for another task (`states` in name.timeline.toml).
The drawing (hooks/timelines.py) lays these out; this module decides them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

STATES = ("run", "ready", "blocked", "sleep", "hold")
DRAWN = ("ready", "run", "blocked", "sleep", "hold")  # later ones lie over earlier ones
# Waits whose name says what they are; any other wait is blocked.
_SLEEPS = {"sleep", "select", "recv", "recv_into", "read", "readline", "accept", "connect"}


@dataclass
class Item:
    state: str
    start: float
    end: float
    label: str | None = None  # what a box may show: the call's first argument, the wait
    height: float = 1.0  # share of the bar's height (CPU time: share of one CPU)
    name: str = ""  # the function called (work)


@dataclass
class Lane:
    name: str
    items: list[Item] = field(default_factory=list)
    count: bool = False  # a strip of how many lanes were in a state, not a lane of its own
    loop: bool = False  # every task's steps on the thread that runs the event loop


def state_of(
    wait: str, lane: str, rules: list[list], language: str = "en"
) -> tuple[str, str | None]:
    """A wait's state, and what to call it where the name does not say: the
    first rule [wait name, lane pattern, state, what it waits in] that
    matches it (the words are code, or a table with one entry a language),
    else what its name says."""
    for name, pattern, state, said in rules:
        if name == wait and re.match(pattern, lane):
            return state, said[language] if isinstance(said, dict) else said
    return ("sleep" if wait in _SLEEPS else "blocked"), None


def window(trace: dict, declaration: dict) -> tuple[float, float]:
    """The part of the run the figure draws: from where its lesson starts
    (a little before the first call of `start_at`, if declared) to the end
    of the recording."""
    end = trace.get("cut_ms") or max(s[5] for s in trace["spans"])
    start_at = declaration.get("start_at")
    if not start_at:
        return 0.0, end
    first = min(s[4] for s in trace["spans"] if s[1] == "work" and s[2] == start_at["span"])
    return max(first - (end - first) * 0.06, 0.0), end


def lanes(trace: dict, declaration: dict, language: str = "en") -> list[Lane]:
    """The lanes to draw, each with its items in drawing order (what is
    drawn later lies over what is drawn earlier)."""
    rules = declaration.get("states", [])
    found = []
    if declaration.get("count"):
        found.append(_count(trace, declaration["count"]))
    if declaration.get("event_loop"):
        found.append(_event_loop(trace))
    for index, name in enumerate(trace["lanes"]):
        spans = [s for s in trace["spans"] if s[0] == index]
        sampled = any(s[1] == "cpu" for s in spans)
        lane = Lane(name)
        for s in spans:  # the base: work, or (where CPU time was sampled) ready
            if s[1] == "work":
                state = "ready" if sampled else "run"
                lane.items.append(Item(state, s[4], s[5], s[3], name=s[2]))
            elif s[1] == "ready":
                lane.items.append(Item("ready", s[4], s[5]))
        for s in spans:  # over it: CPU time, then waits, then holds
            if s[1] == "cpu":
                lane.items.append(Item("run", s[4], s[5], None, float(s[3])))
        for s in spans:
            if s[1] == "wait":
                state, said = state_of(s[2], name, rules, language)
                label = said or s[3] or (s[2] if s[2] == "await" else f"{s[2]}()")
                lane.items.append(Item(state, s[4], s[5], label))
        for s in spans:
            if s[1] == "hold":
                lane.items.append(Item("hold", s[4], s[5], s[2]))
        found.append(lane)
    return found


def _event_loop(trace: dict) -> Lane:
    """One lane for the thread that runs the event loop: every task's steps,
    one after another, named by their task."""
    lane = Lane("event loop", loop=True)
    for s in sorted(trace["spans"], key=lambda s: s[4]):
        if s[1] == "work":
            lane.items.append(Item("run", s[4], s[5], trace["lanes"][s[0]], name=s[2]))
    return lane


def _count(trace: dict, count: dict) -> Lane:
    """How many lanes were in the declared wait (or work) at each moment:
    `{name = "sleep", kind = "wait", most = 2}`, drawn as a strip whose
    height is the count out of `most`."""
    chosen = [s for s in trace["spans"] if s[1] == count["kind"] and s[2] == count["name"]]
    events = sorted([(s[4], 1) for s in chosen] + [(s[5], -1) for s in chosen])
    lane, now, since = Lane("count", count=True), 0, None
    for time, step in events:  # ends sort before starts at the same instant
        if since is not None and time > since and now:
            lane.items.append(Item("run", since, time, str(now), now / count["most"]))
        now, since = now + step, time
    # A change that lasts under 0.2% of the run (a thread leaving as the next
    # comes in) cannot be seen: its neighbours take its time.
    shortest = (events[-1][0] - events[0][0]) * 0.002 if events else 0
    kept: list[Item] = []
    for item in lane.items:
        if kept and (item.end - item.start < shortest or kept[-1].label == item.label):
            kept[-1] = Item("run", kept[-1].start, item.end, kept[-1].label, kept[-1].height)
        else:
            kept.append(item)
    lane.items = kept
    return lane


def uncovered(item: Item, over: list[Item]) -> list[tuple[float, float]]:
    """The parts of `item` that no item in `over` lies on: a call's running
    time, less the waits inside it."""
    parts = [(item.start, item.end)]
    for o in over:
        parts = [
            piece
            for a, b in parts
            for piece in ((a, min(b, o.start)), (max(a, o.end), b))
            if piece[1] > piece[0]
        ]
    return parts


def lost_updates(trace: dict, name: str) -> list[tuple[list, list]]:
    """Pairs of calls (a, b) of `name` in two threads, whose first argument is
    the value the thread read, where b read while a's thread was still inside
    its call: neither read includes the other's update, and each thread then
    writes what it read plus one, so the later write throws away the other's
    update. Only calls long enough to be recorded count (`shortest_ms`):
    those in which a thread was switched out."""
    calls = [s for s in trace["spans"] if s[1] == "work" and s[2] == name and s[3] is not None]
    return [(a, b) for a in calls for b in calls if b[0] != a[0] and a[4] < b[4] < a[5]]


def running(lane: Lane) -> list[Item]:
    """The lane's running time: each run item less the waits that lie over
    it, in pieces (a call that slept in the middle ran before and after)."""
    waits = [i for i in lane.items if i.state in ("blocked", "sleep")]
    return [
        replace(item, start=a, end=b)
        for item in lane.items
        if item.state == "run"
        for a, b in uncovered(item, waits)
    ]
