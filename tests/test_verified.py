"""The published record (docs/verified.json) still describes the examples.

It is made by `make verified`; these tests fail when a snippet was added,
removed, changed (its program, output or declarations) or given other start
methods since, or when a run in it failed.
"""

from __future__ import annotations

import json

from tests.checker.record import PUBLISHED
from tests.checker.snippets import START_METHODS, leading_snippets


def _record() -> dict:
    return json.loads(PUBLISHED.read_text("utf-8"))


def test_every_snippet_and_start_method_is_recorded_on_every_interpreter() -> None:
    """Carried-over interpreters (none on the machine that made the record)
    may lack the examples that changed since; no other may."""
    runs = _record()["runs"]
    expected = {(s.name, m) for s in leading_snippets() for m in s.start_methods(START_METHODS)}
    for interpreter in sorted({r["interpreter"] for r in runs}):
        mine = [r for r in runs if r["interpreter"] == interpreter]
        recorded = {(r["snippet"], r["start_method"]) for r in mine}
        carried = all(r.get("carried_from") for r in mine)
        assert any(r.get("carried_from") for r in mine) == carried, interpreter
        if carried:
            assert recorded <= expected, f"{interpreter}: {sorted(recorded - expected)}"
            continue
        assert recorded == expected, (
            f"docs/verified.json is out of date for {interpreter} (run `make verified`): "
            f"not recorded {sorted(expected - recorded)}, "
            f"no longer a snippet {sorted(recorded - expected)}"
        )


def test_every_recorded_run_checked_the_snippet_as_it_is_now() -> None:
    current = {s.name: s.digest for s in leading_snippets()}
    stale = sorted(
        {r["snippet"] for r in _record()["runs"] if r["digest"] != current.get(r["snippet"])}
    )
    assert not stale, f"changed since docs/verified.json was made (run `make verified`): {stale}"


def test_every_recorded_run_passed_or_says_why_it_was_skipped() -> None:
    for run in _record()["runs"]:
        assert run["outcome"] == "passed" or (run["outcome"] == "skipped" and run["reason"]), run


def test_the_record_ran_on_every_version_from_3_11_to_3_15() -> None:
    """`make verified` uses every CPython found: pyenv's 3.11 and 3.12 here, and
    3.13 to 3.15 from the Debian root (`make interpreters`), none carried over."""
    ran = {r["interpreter"] for r in _record()["runs"] if not r.get("carried_from")}
    assert {f"py3.{minor}" for minor in range(11, 16)} <= ran


def test_the_page_lists_every_snippet_in_both_languages(built_site) -> None:
    for folder in ("verified", "zh/verified"):
        # A table's code names break only at a <wbr> (hooks/tables.py).
        html = (built_site.path / folder / "index.html").read_text("utf-8").replace("<wbr>", "")
        missing = [s.name for s in leading_snippets() if f"<code>{s.name}</code>" not in html]
        assert not missing, f"{folder}/ does not list {missing}"


def test_runs_on_a_missing_interpreter_are_carried_over_only_for_unchanged_snippets() -> None:
    from tests.checker.record import carry_over

    def run(snippet: str, label: str, digest: str) -> dict:
        return {
            "snippet": snippet,
            "interpreter": label,
            "version": label[2:],
            "digest": digest,
            "start_method": None,
            "outcome": "passed",
        }

    old = {
        "generated": "2026-11-27",
        "runs": [
            run("a.py", "py3.14", "1"),
            run("b.py", "py3.14", "1"),
            run("a.py", "py3.11", "1"),
        ],
    }
    new = {
        "generated": "2026-12-06",
        "runs": [run("a.py", "py3.11", "2"), run("b.py", "py3.11", "1")],
    }
    merged = carry_over(new, old, {"a.py": "2", "b.py": "1"})
    carried = [r for r in merged["runs"] if r.get("carried_from")]
    assert [(r["snippet"], r["interpreter"], r["carried_from"]) for r in carried] == [
        ("b.py", "py3.14", "2026-11-27")
    ]
    assert len(merged["runs"]) == 3
