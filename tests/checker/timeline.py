"""Timeline figures: when a snippet's processes, threads and tasks did what, from a real run.

A figure is declared beside its program, in `name.timeline.toml`:

    spans = ["long_time_task"]   # the program's functions drawn as work
    waits = ["sleep"]            # blocking calls they make, drawn as waits
    holds = false                # draw when the program's own locks were held
    cpu = false                  # sample each thread's CPU time (the GIL figures)
    window_ms = 0                # record only the first N ms (hot loops)
    shortest_ms = { add = 0.5 }  # record a call of these only if it lasts this long
    rename = [["^Dask Worker process \\(from Nanny\\) (\\d).*", "Dask worker \\1"]]
                                 # lane names the program does not choose, made
                                 # readable: [pattern, replacement] (re.sub)

    # How to draw it (hooks/timeline_lanes.py, hooks/timelines.py); none
    # of these changes what is recorded:
    states = [["await", "^ticker", "sleep", "await asyncio.sleep()"]]
                                 # a wait whose name does not say whether it
                                 # sleeps or is blocked: [wait, lane, state, words]
    start_at = { span = "produce", en = "...", zh = "..." }
                                 # the axis begins just before this call; the
                                 # words say what went on before
    sections = { span = "blocking_read", en = ["...", "..."], zh = ["...", "..."] }
                                 # each call begins a named part of the run
    count = { kind = "wait", name = "sleep", most = 2, en = "...", zh = "..." }
                                 # a strip: how many lanes are in that span
    event_loop = true            # a lane with every task's steps, in order
    zoom = { steps = 4 }         # the first 4 steps again, enlarged; or
                                 # { lost_update = "add" }: one such, enlarged

    [caption]                    # one sentence per language: what to look at;
    en = "..."                   # it states the properties below
    zh = "..."

    [[property]]                 # what the caption claims, checked on every
    check = "at_once"            # fresh traced run (properties.py)
    kind = "work"
    at_least = 2
    why = "..."

`make outputs` runs the program once more, traced (runtime/snippet_trace.py
inside it; the CPU sampler here, outside it), and writes `name.trace.json`:
the lanes with the names the program gives them, the spans in milliseconds
from the first one, and a digest of what it was recorded from. The site's
build draws it (hooks/timelines.py); the tests trace the program again under
every start method and check each property.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .interpreters import Interpreter
from .run import Run, run_group
from .snippets import SNIPPETS, Snippet

KINDS = ("work", "ready", "wait", "hold", "cpu")
# What the figure records (spans to rename), what the drawing makes of it
# (states to event_loop: hooks/timeline_lanes.py), what it claims (caption,
# property).
_KEYS = {
    *("spans", "waits", "holds", "cpu", "window_ms", "shortest_ms", "rename"),
    *("states", "start_at", "sections", "count", "event_loop", "zoom"),
    *("caption", "property"),
}
# What each drawing key must say (hooks/timeline_lanes.py, hooks/timelines.py).
_DRAWN_KEYS = {
    "start_at": {"span", "en", "zh"},
    "sections": {"span", "en", "zh"},
    "count": {"kind", "name", "most", "en", "zh"},
    "zoom": set(),  # steps = N (the first N steps) or lost_update = "add"
}
SAMPLE_SECONDS = 0.002  # how often the CPU sampler reads each thread's CPU time


class FigureError(ValueError):
    """A timeline declaration is malformed."""


@dataclass(frozen=True)
class Figure:
    """A timeline declaration and the program it draws."""

    path: Path  # name.timeline.toml
    spans: tuple[str, ...]
    waits: tuple[str, ...]
    holds: bool
    cpu: bool
    window_ms: int
    shortest_ms: tuple[tuple[str, float], ...]
    rename: tuple[tuple[str, str], ...]
    caption: dict[str, str] = field(hash=False)
    properties: tuple[dict, ...] = field(hash=False)

    @classmethod
    def load(cls, path: Path) -> Figure:
        data = tomllib.loads(path.read_text("utf-8"))
        unknown = set(data) - _KEYS
        if unknown:
            raise FigureError(f"{path}: unknown keys {sorted(unknown)}")
        properties = tuple(data.get("property", []))
        if not properties or not all(p.get("why", "").strip() for p in properties):
            raise FigureError(f"{path}: a figure checks at least one property, each with a why")
        if not data.get("spans"):
            raise FigureError(f"{path}: name the functions to draw (spans)")
        for key, needed in _DRAWN_KEYS.items():
            if key in data and not needed <= set(data[key]):
                raise FigureError(f"{path}: {key} needs {sorted(needed)}")
        rules = data.get("states", [])
        if any(len(r) != 4 or isinstance(r[3], dict) and set(r[3]) != {"en", "zh"} for r in rules):
            raise FigureError(
                f"{path}: a state rule is [wait, lane pattern, state, what it waits in]"
            )
        return cls(
            path=path,
            spans=tuple(data["spans"]),
            waits=tuple(data.get("waits", [])),
            holds=bool(data.get("holds", False)),
            cpu=bool(data.get("cpu", False)),
            window_ms=int(data.get("window_ms", 0)),
            shortest_ms=tuple(sorted(data.get("shortest_ms", {}).items())),
            rename=tuple((pattern, name) for pattern, name in data.get("rename", [])),
            caption=dict(data.get("caption", {})),
            properties=properties,
        )

    @property
    def name(self) -> str:
        """`pool/apply_async`: the program's path below snippets/, without `.py`."""
        return self.path.relative_to(SNIPPETS).as_posix().removesuffix(".timeline.toml")

    @property
    def snippet(self) -> Snippet:
        return Snippet.load(SNIPPETS / f"{self.name}.py")

    @property
    def trace_path(self) -> Path:
        return SNIPPETS / f"{self.name}.trace.json"

    @property
    def digest(self) -> str:
        """What a recorded trace came from: the programs, and what this
        declaration asks to record. Not the caption or the properties: the
        tests check every property on the recorded trace too."""
        programs = (self.snippet, *self.snippet.companions)
        recorded = [self.spans, self.waits, self.holds, self.cpu, self.window_ms, self.rename]
        if self.shortest_ms:  # (not before it existed: the other traces stay valid)
            recorded.append(self.shortest_ms)
        data = b"".join(p.path.read_bytes() for p in programs) + json.dumps(recorded).encode()
        return hashlib.sha256(data).hexdigest()[:16]


def all_figures() -> list[Figure]:
    return [Figure.load(p) for p in sorted(SNIPPETS.glob("*/*.timeline.toml"))]


@dataclass
class Trace:
    """What a traced run did: lanes (named as the program names them) and
    spans [lane, kind, name, label, start_ms, end_ms], from the first span."""

    lanes: list[str]
    spans: list[list]  # a "cpu" span's label is the share of one CPU it used
    cut_ms: float | None = None
    recorded_from: str = ""
    python: str = ""
    start_method: str | None = None

    def to_json(self) -> str:
        data = {
            "recorded_from": self.recorded_from,
            "python": self.python,
            "start_method": self.start_method,
            "cut_ms": self.cut_ms,
            "lanes": self.lanes,
            "spans": self.spans,
        }
        # One span a line: a re-recorded trace reads as a diff of spans.
        rows = ",\n  ".join(json.dumps(s, ensure_ascii=False) for s in self.spans)
        head = json.dumps({k: v for k, v in data.items() if k != "spans"}, ensure_ascii=False)
        return f'{head[:-1]}, "spans": [\n  {rows}\n]}}\n'

    @classmethod
    def from_json(cls, text: str) -> Trace:
        return cls(**json.loads(text))


class _CpuSampler(threading.Thread):
    """Reads every thread's CPU time (Linux: /proc/PID/task/TID/schedstat)
    from outside the traced processes, so the threads that hold the GIL are
    not slowed by asking. The processes are those that wrote a trace file.
    The kernel updates a running thread's figure at its clock ticks (every 4
    ms here), so a short interval can show a thread's CPU time late: the
    properties judge CPU time over windows of tens of milliseconds."""

    def __init__(self, folder: Path) -> None:
        super().__init__(daemon=True)
        self.folder = folder
        self.samples: list[tuple[int, int, int, int]] = []  # time, pid, tid, cpu ns
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            for name in os.listdir(self.folder):
                pid = int(name.partition(".")[0])
                try:
                    tids = os.listdir(f"/proc/{pid}/task")
                except OSError:
                    continue
                for tid in tids:
                    try:
                        with open(f"/proc/{pid}/task/{tid}/schedstat", "rb") as f:
                            cpu = int(f.read().split()[0])
                    except (OSError, ValueError, IndexError):
                        continue
                    # Timed at each reading, not once a sweep: on a busy
                    # machine the sampler itself waits for a CPU in mid-sweep,
                    # and the CPU time the threads used meanwhile was put in
                    # the interval before the sweep began (two threads that
                    # take turns under the GIL read as 1.34 CPUs over 60 ms).
                    self.samples.append((time.perf_counter_ns(), pid, int(tid), cpu))


def traced_run(
    figure: Figure, interpreter: Interpreter, start_method: str | None, mark: str
) -> tuple[list[Run], Trace]:
    """Run the figure's program (and companions) once, traced; the runs and the trace."""
    snippet = figure.snippet
    programs = (snippet, *snippet.companions)
    with tempfile.TemporaryDirectory(prefix="trace-") as folder:
        spec = {
            "files": [str(p.path) for p in programs],
            "spans": figure.spans,
            "waits": figure.waits,
            "holds": figure.holds,
            "window_ms": figure.window_ms,
            "shortest_ms": dict(figure.shortest_ms),
        }
        env = {"SNIPPET_TRACE": folder, "SNIPPET_TRACE_SPEC": json.dumps(spec)}
        sampler = _CpuSampler(Path(folder)) if figure.cpu else None
        if sampler:
            sampler.start()
        try:
            runs = run_group(snippet, interpreter, start_method, mark, extra_env=env)
        finally:
            if sampler:
                sampler.done.set()
                sampler.join()
        records = [
            json.loads(line)
            for path in sorted(Path(folder).glob("*.jsonl"))
            for line in path.read_text("utf-8").splitlines()
            if line.strip()
        ]
    trace = build_trace(records, sampler.samples if sampler else [], figure.rename)
    trace.recorded_from = figure.digest
    trace.python = interpreter.release
    trace.start_method = start_method
    return runs, trace


def _lane_names(lanes: dict[str, dict], first_spans: dict[str, list]) -> dict[str, str]:
    """The name each lane is drawn with: the first of these that tells all
    lanes apart: an asyncio task's coroutine and argument, else the name the
    program gives the thread or process (natural); then the same with the
    task's name; then with the program's file in front."""

    def task_name(key: str) -> str | None:
        span = first_spans.get(key)
        if lanes[key]["task"] is None or span is None:
            return None
        return f"{span[2]} {span[3]}" if span[3] is not None else span[2]

    def natural(k: str) -> str:
        """As the program names it: the main thread of the main process by
        its file, another thread of it by its name, a child process's main
        thread by the process's name, any other thread by both."""
        process, thread = lanes[k]["process"], lanes[k]["thread"]
        if process == "MainProcess":
            return lanes[k]["program"] if thread == "MainThread" else thread
        return process if thread == "MainThread" else f"{process} {thread}"

    choices = [
        lambda k: task_name(k) or natural(k),
        lambda k: f"{task_name(k)} ({lanes[k]['task']})" if task_name(k) else natural(k),
        lambda k: task_name(k) or f"{lanes[k]['program']} {natural(k)}",
    ]
    for choose in choices:
        names = {k: choose(k) for k in lanes}
        if len(set(names.values())) == len(names):
            return names
    return {k: f"{names[k]} ({k})" for k in lanes}


def _awaits(rows: list[list], task_lanes: set[int]) -> list[list]:
    """An asyncio task's steps are its work; between two steps it waited in
    an `await`, and the event loop ran something else."""
    found = []
    for lane in task_lanes:
        steps = sorted((r for r in rows if r[0] == lane and r[1] == "work"), key=lambda r: r[4])
        for before, after in zip(steps, steps[1:], strict=False):
            if after[4] > before[5]:
                found.append([lane, "wait", "await", None, before[5], after[4]])
    return found


def _ready(rows: list[list], created: list[tuple[int, float]]) -> list[list]:
    """An asyncio task is ready from when it was made until its first step:
    it waits for the event loop to come to it. (An eager task's first step
    comes before its maker returns: it was never ready and waiting.)"""
    found = []
    for lane, since in created:
        steps = [r[4] for r in rows if r[0] == lane and r[1] == "work"]
        if steps and min(steps) > since:
            found.append([lane, "ready", "ready", None, since, min(steps)])
    return found


def _reading_order(names: dict[str, str], first: dict[str, int]) -> list[str]:
    """Lanes in the order they started, except that lanes named alike but for
    a number (ForkPoolWorker-1 to -4, fetch 0 to 2) stand together, by number."""

    def family(key: str) -> str:
        return re.sub(r"\d+", "#", names[key])

    started = {}
    for key in sorted(first, key=first.get):
        started.setdefault(family(key), first[key])

    def number(key: str) -> list[int]:
        return [int(n) for n in re.findall(r"\d+", names[key])]

    return sorted(names, key=lambda k: (started[family(k)], number(k), first[k]))


def _cpu_bins(
    samples: list[tuple[int, int, int, int]], t0: int, stop: int | None, bin_ns: int
) -> dict[str, list[tuple[int, int, float]]]:
    """For each thread (lane key `pid/tid`), its CPU time per bin of `bin_ns`
    from `t0`: (start, end, share of one CPU), the bins with none left out
    and neighbours with the same share joined. CPU time between two samples
    is spread evenly over the time between them."""
    by_thread: dict[str, list[tuple[int, int]]] = {}
    for now, pid, tid, cpu in samples:
        by_thread.setdefault(f"{pid}/{tid}", []).append((now, cpu))
    found: dict[str, list[tuple[int, int, float]]] = {}
    for key, series in by_thread.items():
        used: dict[int, float] = {}
        for (a, c0), (b, c1) in zip(series, series[1:], strict=False):
            if b <= max(a, t0) or (stop is not None and a >= stop) or c1 <= c0:
                continue
            rate = (c1 - c0) / (b - a)
            start = max(a, t0)
            while start < b:
                index = (start - t0) // bin_ns
                end = min(b, t0 + (index + 1) * bin_ns)
                used[index] = used.get(index, 0.0) + rate * (end - start)
                start = end
        bins: list[tuple[int, int, float]] = []
        for index in sorted(used):
            share = round(min(used[index] / bin_ns, 1.0), 1)
            a, b = t0 + index * bin_ns, t0 + (index + 1) * bin_ns
            if share == 0:
                continue
            if bins and bins[-1][1] == a and bins[-1][2] == share:
                bins[-1] = (bins[-1][0], b, share)
            else:
                bins.append((a, b, share))
        found[key] = bins
    return found


def build_trace(
    records: list[dict],
    samples: list[tuple[int, int, int, int]],
    rename: tuple[tuple[str, str], ...] = (),
) -> Trace:
    """The trace of a run, from the tracer's records and the CPU samples."""
    lanes = {r["lane"]: r for r in records if "process" in r}
    spans = [r for r in records if "span" in r]
    created = [r for r in records if "created" in r]
    cuts = [r["cut"] for r in records if "cut" in r]
    if not spans:
        return Trace(lanes=[], spans=[])
    t0 = min(s["start"] for s in spans)
    first = {k: min(s["start"] for s in spans if s["lane"] == k) for k in lanes}
    firsts: dict[str, list] = {}
    for s in sorted(spans, key=lambda s: s["start"]):
        if s["kind"] == "work":
            firsts.setdefault(s["lane"], [s["kind"], 0, s["span"], s["label"]])
    names = _lane_names({k: lanes[k] for k in sorted(first, key=first.get)}, firsts)
    for pattern, replacement in rename:
        names = {k: re.sub(pattern, replacement, n) for k, n in names.items()}
    order = _reading_order(names, first)
    index = {k: i for i, k in enumerate(order)}

    def ms(ns: int) -> float:
        return round((ns - t0) / 1e6, 2)

    rows = [
        [index[s["lane"]], s["kind"], s["span"], s["label"], ms(s["start"]), ms(s["end"])]
        for s in spans
        if s["lane"] in index
    ]
    rows += _awaits(rows, {index[k] for k in order if lanes[k]["task"] is not None})
    rows += _ready(
        rows, [(index[r["lane"]], ms(r["created"])) for r in created if r["lane"] in index]
    )
    # CPU time, as a share of one CPU per bin: about 100 bins over the run,
    # none shorter than the sampling interval. Samples go on after a cut;
    # what the figure shows stops there.
    stop = min(cuts) if cuts else None
    end = stop or max(s["end"] for s in spans)
    bin_ns = max(int(SAMPLE_SECONDS * 2e9), (end - t0) // 100)
    for key, bins in _cpu_bins(samples, t0, stop, bin_ns).items():
        if key in index:
            rows += [
                [index[key], "cpu", "cpu", share, ms(a), ms(min(b, end))]
                for a, b, share in bins
                if a < end
            ]
    rows.sort(key=lambda r: (r[4], r[0], KINDS.index(r[1])))
    return Trace(
        lanes=[names[k] for k in order],
        spans=rows,
        cut_ms=ms(min(cuts)) if cuts else None,
    )
