"""Timeline figures: drawn from the code as it is, and what their captions claim holds.

Each figure's program is traced again, as a fresh run, under every start
method it runs under and on every interpreter chosen, and each property of
its caption is checked on that trace (tests/checker/properties.py). The
recorded trace must come from the program as it is now, and both languages
show every figure. The property checks are proven to fail on doctored
traces that break them.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib

import pytest

from hooks.timelines import MARKER, draw
from tests.checker.pages import all_pages, language
from tests.checker.properties import CHECKS, check
from tests.checker.run import RUN_MARK
from tests.checker.timeline import Figure, Trace, all_figures, build_trace, traced_run
from tests.conftest import interpreters

FIGURES = all_figures()
MAX_BYTES = 20_000


def _cases():
    for figure in FIGURES:
        for interpreter in interpreters():
            for method in figure.snippet.start_methods(interpreter.start_methods):
                yield pytest.param(
                    figure,
                    interpreter,
                    method,
                    id=f"{figure.name}-{interpreter.label}" + (f"-{method}" if method else ""),
                )


@pytest.mark.skipif(sys.platform != "linux", reason="the CPU sampler reads Linux's /proc")
@pytest.mark.parametrize(("figure", "interpreter", "start_method"), list(_cases()))
def test_a_fresh_run_has_what_the_caption_claims(figure: Figure, interpreter, start_method) -> None:
    reason = figure.snippet.spec.skip_reason(interpreter.version)
    if reason:
        pytest.skip(reason)
    if interpreter.missing(figure.snippet.spec.requires):
        pytest.skip(f"needs {figure.snippet.spec.requires}")
    runs, trace = traced_run(figure, interpreter, start_method, os.environ[RUN_MARK])
    leader = runs[0]
    assert not leader.timed_out and leader.returncode == figure.snippet.spec.exit_code, (
        f"the traced run of {figure.name} failed ({leader.returncode}):\n{leader.output}"
    )
    broken = {p["check"]: check(trace, p) for p in figure.properties}
    broken = {name: why for name, why in broken.items() if why}
    assert not broken, f"{figure.name} under {start_method}: {broken}\n{trace.to_json()}"


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.name)
def test_the_recorded_trace_comes_from_the_program_as_it_is(figure: Figure) -> None:
    assert figure.trace_path.exists(), f"{figure.name}: no trace recorded (run `make outputs`)"
    trace = Trace.from_json(figure.trace_path.read_text("utf-8"))
    assert trace.recorded_from == figure.digest, (
        f"{figure.name} changed since its trace was recorded: run `make outputs {figure.name}`"
    )
    for prop in figure.properties:
        assert check(trace, prop) is None, f"{figure.name}: the recorded trace breaks {prop}"


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.name)
def test_every_figure_is_small_and_captioned_in_both_languages(figure: Figure) -> None:
    trace = Trace.from_json(figure.trace_path.read_text("utf-8"))
    for lang in ("en", "zh"):
        assert figure.caption.get(lang, "").strip(), f"{figure.name}: no {lang} caption"
        declaration = tomllib.loads(figure.path.read_text("utf-8"))
        drawn = draw(figure.name, vars(trace), declaration, lang)
        assert len(drawn.encode()) <= MAX_BYTES, f"{figure.name} ({lang}): {len(drawn)} bytes"


def test_every_figure_is_shown_once_in_each_language() -> None:
    """Once on a chapter page in each language; the home page shows one of
    them again, the same in both languages."""
    shown: dict[str, list[str]] = {}
    on_home: dict[str, list[str]] = {}
    for page in all_pages():
        if page.suffix == ".md":
            where = on_home if page.name.startswith("index.") else shown
            for match in MARKER.finditer(page.read_text("utf-8")):
                where.setdefault(match["name"], []).append(language(page))
    expected = {f.name: ["en", "zh"] for f in FIGURES}
    assert {k: sorted(v) for k, v in shown.items()} == expected
    assert all(sorted(v) == ["en", "zh"] and k in expected for k, v in on_home.items()), on_home


# Doctored traces: one lane pair that breaks what each check is for.
def _trace(*spans: list) -> Trace:
    return Trace(lanes=["one", "two", "three"], spans=[list(s) for s in spans])


DOCTORED = {
    "at_once": (
        {"check": "at_once", "kind": "work", "at_least": 2},
        _trace([0, "work", "f", None, 0, 10], [1, "work", "f", None, 10, 20]),
        _trace([0, "work", "f", None, 0, 10], [1, "work", "f", None, 9, 20]),
    ),
    "at_most": (
        {"check": "at_most", "kind": "wait", "name": "sleep", "most": 1},
        _trace([0, "wait", "sleep", None, 0, 10], [1, "wait", "sleep", None, 9, 20]),
        _trace([0, "wait", "sleep", None, 0, 10], [1, "wait", "sleep", None, 10, 20]),
    ),
    "one_at_a_time": (
        {"check": "one_at_a_time", "kind": "hold", "at_least": 2},
        _trace([0, "hold", "lock", None, 0, 10], [1, "hold", "lock", None, 9.9, 20]),
        _trace([0, "hold", "lock", None, 0, 10], [1, "hold", "lock", None, 10, 20]),
    ),
    "waits_inside_holds": (
        {"check": "waits_inside_holds", "name": "acquire", "at_least_ms": 90},
        _trace(
            [0, "hold", "a", None, 0, 150],
            [1, "hold", "b", None, 0, 50],
            [0, "wait", "acquire", None, 5, 105],
            [1, "wait", "acquire", None, 5, 105],
        ),
        _trace(
            [0, "hold", "a", None, 0, 150],
            [1, "hold", "b", None, 0, 150],
            [0, "wait", "acquire", None, 5, 105],
            [1, "wait", "acquire", None, 5, 105],
            [1, "wait", "acquire", None, 0, 0.1],
        ),
    ),
    "waited_for": (
        {"check": "waited_for", "wait": "join", "work": "greet"},
        _trace([0, "wait", "join", None, 0, 10], [1, "work", "greet", None, 5, 11]),
        _trace([0, "wait", "join", None, 12, 12.1], [1, "work", "greet", None, 5, 11]),
    ),
    "in_chunks": (
        {"check": "in_chunks", "name": "f", "size": 2, "count": 4},
        _trace(
            [0, "work", "f", "0", 0, 10],
            [0, "work", "f", "1", 10, 20],
            [0, "work", "f", "2", 20, 30],
            [1, "work", "f", "3", 0, 10],
        ),
        _trace(
            [0, "work", "f", "0", 0, 10],
            [0, "work", "f", "1", 10, 20],
            [0, "work", "f", "2", 20, 30],
            [0, "work", "f", "3", 30, 40],
        ),
    ),
    "lasted_longer": (
        {"check": "lasted_longer", "kind": "work", "label": "slow", "than": "quick", "times": 2},
        _trace([0, "work", "f", "slow", 0, 19], [0, "work", "f", "quick", 20, 30]),
        _trace([0, "work", "f", "slow", 0, 20], [0, "work", "f", "quick", 20, 30]),
    ),
    "ends_between": (
        {"check": "ends_between", "kind": "work", "name": "f", "after_ms": 250, "before_ms": 500},
        _trace([0, "work", "f", None, 0, 10], [0, "work", "f", None, 240, 249]),
        _trace([0, "work", "f", None, 0, 10], [0, "work", "f", None, 240, 251]),
    ),
    "cpu_at_most": (
        {"check": "cpu_at_most", "cores": 1.2, "during": "spin"},
        _trace(
            [0, "work", "spin", None, 0, 100],
            [1, "work", "spin", None, 0, 100],
            [0, "cpu", "cpu", 1.0, 0, 100],
            [1, "cpu", "cpu", 1.0, 40, 60],
        ),
        _trace(
            [0, "work", "spin", None, 0, 100],
            [1, "work", "spin", None, 0, 100],
            [0, "cpu", "cpu", 1.0, 0, 50],
            [1, "cpu", "cpu", 1.0, 50, 100],
        ),
    ),
    "lost_update": (
        {"check": "lost_update", "name": "add"},
        _trace([0, "work", "add", "100", 0, 10], [1, "work", "add", "907", 10, 12]),
        _trace([0, "work", "add", "100", 0, 10], [1, "work", "add", "907", 5, 12]),
    ),
}


def test_every_check_has_a_doctored_trace() -> None:
    assert set(DOCTORED) == set(CHECKS)


@pytest.mark.parametrize("name", sorted(DOCTORED))
def test_a_check_fails_on_a_trace_that_breaks_it(name: str) -> None:
    prop, broken, sound = DOCTORED[name]
    assert check(broken, prop) is not None
    assert check(sound, prop) is None


def test_work_that_runs_on_past_its_timeout_breaks_ends_between() -> None:
    """The doctored trace above ends too early; this one ends too late."""
    prop = DOCTORED["ends_between"][0]
    assert check(_trace([0, "work", "f", None, 0, 10], [0, "work", "f", None, 240, 10_000]), prop)
    assert check(_trace([0, "wait", "f", None, 0, 300]), prop)  # no work span at all


def test_a_trace_is_built_from_the_tracers_records() -> None:
    records = [
        {"lane": "1/1", "process": "MainProcess", "thread": "T-2", "task": None, "program": "p"},
        {"lane": "1/2", "process": "MainProcess", "thread": "T-1", "task": None, "program": "p"},
        {
            "span": "f",
            "kind": "work",
            "label": "a",
            "start": 2_000_000,
            "end": 5_000_000,
            "lane": "1/1",
        },
        {
            "span": "f",
            "kind": "work",
            "label": "b",
            "start": 1_000_000,
            "end": 3_000_000,
            "lane": "1/2",
        },
    ]
    trace = build_trace(records, samples=[(0, 1, 1, 0), (2_000_000, 1, 1, 2_000_000)])
    # Named as the program names the threads, by number; in ms from the first span.
    assert trace.lanes == ["T-1", "T-2"]
    assert [0, "work", "f", "b", 0.0, 2.0] in trace.spans
    assert [1, "work", "f", "a", 1.0, 4.0] in trace.spans
    # CPU time as a share of one CPU per bin (here 1 ms used in a 4 ms bin).
    assert [1, "cpu", "cpu", 0.2, 0.0, 4.0] in trace.spans


def test_the_figure_says_in_words_what_it_shows() -> None:
    trace = _trace([0, "work", "task", "0", 0, 125], [0, "wait", "sleep", None, 1, 124])
    trace.python, trace.start_method = "3.11.7", "fork"
    drawn = draw("pool/x", vars(trace), {"caption": {"en": "c", "zh": "c"}}, "en")
    desc = re.search(r"<desc[^>]*>(.*)</desc>", drawn)[1]
    # Running only where it did not wait; in the states' words, with times.
    assert desc == "one: running 0 to 1.0 ms, 124 to 125 ms; sleeping in sleep() 1.0 to 124 ms."
    assert 'role="img"' in drawn and "<title" in drawn
    assert "Python 3.11.7 · fork</span></p>" in drawn  # the visible title line says what ran it


def test_a_state_is_what_the_wait_is_and_a_rule_can_say_otherwise() -> None:
    from hooks.timeline_lanes import state_of

    assert state_of("sleep", "t", []) == ("sleep", None)
    assert state_of("get", "t", []) == ("blocked", None)
    rules = [["await", "^ticker", "sleep", "await asyncio.sleep()"]]
    assert state_of("await", "ticker (Task-2)", rules) == ("sleep", "await asyncio.sleep()")
    assert state_of("await", "run (Task-1)", rules) == ("blocked", None)


def test_a_task_is_ready_from_when_it_was_made_until_its_first_step() -> None:
    lane = {"process": "MainProcess", "thread": "MainThread", "program": "p"}
    records = [
        {"lane": "1/1/9", "task": "Task-2", **lane},
        {"lane": "1/1/8", "task": "Task-1", **lane},
        {"span": "main", "kind": "work", "label": None, "start": 0, "end": 9e6, "lane": "1/1/8"},
        {"created": 1e6, "lane": "1/1/9"},
        {"span": "tick", "kind": "work", "label": None, "start": 9e6, "end": 1e7, "lane": "1/1/9"},
    ]
    trace = build_trace(records, samples=[])
    ticker = trace.lanes.index("tick")
    assert [ticker, "ready", "ready", None, 1.0, 9.0] in trace.spans


def test_a_figure_can_begin_where_its_lesson_begins_and_count_lanes() -> None:
    from hooks.timeline_lanes import lanes, window

    trace = _trace(
        [0, "work", "main", None, 0, 100],
        [1, "work", "f", None, 90, 100],
        [1, "wait", "sleep", None, 91, 99],
        [2, "wait", "sleep", None, 95, 100],
    )
    start, end = window(vars(trace), {"start_at": {"span": "f"}})
    assert 89 < start < 90 and end == 100
    counted = lanes(vars(trace), {"count": {"kind": "wait", "name": "sleep", "most": 2}})[0]
    assert [(i.start, i.end, i.label) for i in counted.items] == [
        (91, 95, "1"),
        (95, 99, "2"),
        (99, 100, "1"),
    ]


@pytest.mark.parametrize(
    ("declaration", "lanes"),
    [
        ({}, ["a lane whose name is far too long to fit across a phone's column"]),
        ({"sections": {"span": "f", "en": ["one", "a part far too long for its room"]}}, None),
    ],
    ids=["lane name", "section name"],
)
def test_text_that_would_not_fit_on_a_phone_stops_the_build(declaration, lanes) -> None:
    from mkdocs.exceptions import PluginError

    trace = _trace([0, "work", "f", None, 0, 90], [1, "work", "f", None, 89, 100])
    trace.lanes = lanes or trace.lanes
    trace.python = "3.14.10"
    with pytest.raises(PluginError, match="too"):
        draw("x/y", vars(trace), {"caption": {}, **declaration}, "en")


def test_a_trace_stays_valid_when_only_the_words_change() -> None:
    """The digest covers the programs and what is recorded, not the caption."""
    from dataclasses import replace

    figure = FIGURES[0]
    reworded = replace(figure, caption={"en": "other words", "zh": "别的话"})
    assert reworded.digest == figure.digest
    assert replace(figure, spans=(*figure.spans, "other")).digest != figure.digest
