"""`make outputs`: rewrite every documented output (snippets/*/*.out) from a real run.

Each snippet is run once, as the checker runs it, with its default start
method, on the Python release a reader gets today (READERS_PYTHON, found by
INTERPRETERS=all) or, where this machine lacks it, on the interpreter that
runs this module or the oldest one that can run the snippet. Which release
and start method printed each output is kept in snippets/printed_by.json,
and the pages say it (hooks/printed_by.py).
A recorded output that the new run still matches (declared variations
aside) is left as it is, unless the snippet changed since the verification
record (docs/verified.json) was made: then its old figures, which matched
only by their declared variations, would describe another program; nor is
one printed by another release or start method. Then
the notebooks in docs/ are executed and their outputs stored the same way
(see notebooks.py). Paths of this machine are written as a reader's
machine prints them (neutral.py). Each timeline figure's program is traced
once more, and its trace kept (timeline.py). Pass paths or substrings to
regenerate only some: `python -m tests.checker.regenerate pool/ gil.ipynb`.
"""

from __future__ import annotations

import json
import sys
import uuid

from .compare import check_declarations, compare, cut_tail
from .interpreters import Interpreter, discover
from .neutral import readers_paths, recording_machine_paths
from .notebooks import english_notebooks, execute, store
from .properties import check
from .record import PUBLISHED
from .run import Run, readers_start_method, run_group
from .snippets import ROOT, Snippet, leading_snippets
from .timeline import Trace, all_figures, traced_run

# The release whose output the pages show: in December 2026 the one most
# readers run (3.15.0 is two months old; its changes are proven by the
# record), with Linux's default start method since 3.14, forkserver.
READERS_PYTHON = (3, 14)
PRINTED_BY = ROOT / "snippets" / "printed_by.json"


def readers_python(found: list[Interpreter]) -> Interpreter | None:
    """READERS_PYTHON among the interpreters found, or None."""
    readers = [i for i in found if i.version[:2] == READERS_PYTHON and not i.free_threaded]
    return readers[0] if readers else None


def _interpreter_for(snippet: Snippet, found: list[Interpreter]) -> Interpreter | None:
    """The reader's Python if it can run the snippet, else this one, else the
    oldest one that can."""
    spec = snippet.spec
    usable = [i for i in found if not spec.skip_reason(i.version) and not i.missing(spec.requires)]
    readers = [i for i in [readers_python(usable)] if i]
    mine = [i for i in usable if i.executable == sys.executable]
    return (readers or mine or usable or [None])[0]


def printed_by(snippet: Snippet, interpreter: Interpreter) -> dict[str, str | None]:
    """The release and start method a plain run of the snippet used: the one
    it asks for itself (declared as its only start method), else the default."""
    methods = snippet.spec.start_methods or ()
    method = methods[0] if len(methods) == 1 else readers_start_method(snippet, interpreter)
    return {"python": interpreter.release, "start_method": method}


def _recorded_digests() -> dict[str, str]:
    """What each snippet was when `make verified` last ran it."""
    if not PUBLISHED.exists():
        return {}
    runs = json.loads(PUBLISHED.read_text("utf-8"))["runs"]
    return {r["snippet"]: r.get("digest", "") for r in runs}


def _record(
    program: Snippet, run: Run, interpreter: Interpreter, keep_matching: bool, known: dict
) -> list[str]:
    """Write one program's output unless the recorded one may stay; the problems."""
    if run.timed_out or run.returncode != program.spec.exit_code:
        why = "hung" if run.timed_out else f"exit code {run.returncode}"
        print(f"FAILED {program.name}: {why}, kept the old output\n{run.output}")
        return [why]
    spec = program.spec
    # What a library printed after the last line, where declared, is no part of it.
    output = cut_tail(run.output, spec.tails)
    output = readers_paths(output, program.path.parent, interpreter.stdlib, interpreter.version)
    old = program.output_path.read_text("utf-8") if program.output_path.exists() else None
    # Keep a recorded output that still matches, so that a rerun does not
    # rewrite every process ID and timing in git; not one that shows this
    # machine's paths (recorded before they were written as a reader's).
    source = printed_by(program, interpreter)
    if (
        keep_matching
        and known.get(program.output_name) == source
        and old is not None
        and not recording_machine_paths(old)
        and compare(old, output, spec.vary, spec.unordered) is None
    ):
        status = "matches"
    else:
        program.output_path.write_text(output, "utf-8", newline="\n")
        known[program.output_name] = source
        status = "updated"
    print(f"{status:8} {program.output_name} ({run.seconds:.2f} s, {run.command})")
    problems = check_declarations(output, spec.vary, spec.unordered, spec.tails)
    for problem in problems:
        print(f"  declaration no longer fits: {problem}")
    return problems


def _record_timelines(filters: list[str], found: list[Interpreter], mark: str) -> int:
    """Trace each figure's program once and keep the trace, when the figure
    has none, was recorded from other code, or is named by a filter; a
    trace that breaks a property of its caption is not kept."""
    failed = 0
    for figure in all_figures():
        named = any(f in figure.name for f in filters)
        if filters and not named:
            continue
        interpreter = _interpreter_for(figure.snippet, found)
        if interpreter is None:
            failed += 1
            print(f"FAILED {figure.name}: no interpreter here can run it")
            continue
        if not named and figure.trace_path.exists():
            old = Trace.from_json(figure.trace_path.read_text("utf-8"))
            if (old.recorded_from, old.python) == (
                figure.digest,
                printed_by(figure.snippet, interpreter)["python"],
            ):
                continue
        method = readers_start_method(figure.snippet, interpreter)
        runs, trace = traced_run(figure, interpreter, method, mark)
        broken = [p for p in (check(trace, prop) for prop in figure.properties) if p]
        if any(r.timed_out or r.returncode != figure.snippet.spec.exit_code for r in runs[:1]):
            broken.append(f"the traced run failed: {runs[0].output[-500:]}")
        if broken:
            failed += 1
            print(f"FAILED {figure.name}.trace.json, kept the old one: " + "; ".join(broken))
            continue
        # A program that asks for its start method itself ran under that one.
        trace.start_method = printed_by(figure.snippet, interpreter)["start_method"]
        figure.trace_path.write_text(trace.to_json(), "utf-8", newline="\n")
        print(
            f"updated  {figure.name}.trace.json ({len(trace.spans)} spans, {runs[0].seconds:.2f} s)"
        )
    return failed


def main(filters: list[str]) -> int:
    found = discover("all")  # READERS_PYTHON may be in the Debian root (debian_root.py)
    known = json.loads(PRINTED_BY.read_text("utf-8")) if PRINTED_BY.exists() else {}
    verified = _recorded_digests()
    mark = uuid.uuid4().hex
    failed = 0
    for snippet in leading_snippets():
        programs = (snippet, *snippet.companions)
        if filters and not any(f in p.name for f in filters for p in programs):
            continue
        interpreter = _interpreter_for(snippet, found)
        unchanged = verified.get(snippet.name) == snippet.digest
        if interpreter is None:
            # A program for a Python this machine lacks keeps its output if
            # the record ran it as it is now; a changed one must be rerun.
            if not unchanged:
                failed += 1
            print(
                f"{'kept' if unchanged else 'FAILED':8} {snippet.name}: no interpreter here can "
                f"run it; {'unchanged since' if unchanged else 'changed after'} the record"
            )
            continue
        method = readers_start_method(snippet, interpreter)
        runs = run_group(snippet, interpreter, method, mark)
        if len(runs) < len(programs):
            failed += 1
            print(f"FAILED {snippet.name}: a companion never started\n{runs[-1].output}")
            continue
        failed += sum(
            len(_record(p, r, interpreter, unchanged, known))
            for p, r in zip(programs, runs, strict=True)
        )
    outputs = {
        s.output_name for snippet in leading_snippets() for s in (snippet, *snippet.companions)
    }
    PRINTED_BY.write_text(
        json.dumps({k: known[k] for k in sorted(known) if k in outputs}, indent=1) + "\n", "utf-8"
    )
    failed += _record_timelines(filters, found, mark)
    for notebook in english_notebooks():
        if filters and not any(f in notebook.name for f in filters):
            continue
        changed = store(notebook, execute(notebook, readers_python(found)))
        print(f"{'updated' if changed else 'matches':8} docs/{notebook.name} {', '.join(changed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
