"""`make outputs`: rewrite every documented output (snippets/*/*.out) from a real run.

Each snippet is run once, as the checker runs it, with its default start
method, on the interpreter that runs this module or, when the snippet needs
a newer Python, on the oldest interpreter of INTERPRETERS=all that has it.
A recorded output that the new run still matches (declared variations
aside) is left as it is, unless the snippet changed since the verification
record (docs/verified.json) was made: then its old figures, which matched
only by their declared variations, would describe another program. Then
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
from .snippets import Snippet, leading_snippets
from .timeline import Trace, all_figures, traced_run


def _interpreter_for(snippet: Snippet, found: list[Interpreter]) -> Interpreter | None:
    """This Python if it can run the snippet, else the oldest one that can."""
    required = snippet.spec.requires_python or ()
    usable = [i for i in found if i.version >= required and not i.missing(snippet.spec.requires)]
    mine = [i for i in usable if i.executable == sys.executable]
    return (mine or usable or [None])[0]


def _recorded_digests() -> dict[str, str]:
    """What each snippet was when `make verified` last ran it."""
    if not PUBLISHED.exists():
        return {}
    runs = json.loads(PUBLISHED.read_text("utf-8"))["runs"]
    return {r["snippet"]: r.get("digest", "") for r in runs}


def _record(program: Snippet, run: Run, interpreter: Interpreter, keep_matching: bool) -> list[str]:
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
    if (
        keep_matching
        and old is not None
        and not recording_machine_paths(old)
        and compare(old, output, spec.vary, spec.unordered) is None
    ):
        status = "matches"
    else:
        program.output_path.write_text(output, "utf-8", newline="\n")
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
        if not named and figure.trace_path.exists():
            if Trace.from_json(figure.trace_path.read_text("utf-8")).recorded_from == figure.digest:
                continue
        interpreter = _interpreter_for(figure.snippet, found)
        if interpreter is None:
            failed += 1
            print(f"FAILED {figure.name}: no interpreter here can run it")
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
        figure.trace_path.write_text(trace.to_json(), "utf-8", newline="\n")
        print(
            f"updated  {figure.name}.trace.json ({len(trace.spans)} spans, {runs[0].seconds:.2f} s)"
        )
    return failed


def main(filters: list[str]) -> int:
    found = discover("default")
    verified = _recorded_digests()
    mark = uuid.uuid4().hex
    failed = 0
    for snippet in leading_snippets():
        programs = (snippet, *snippet.companions)
        if filters and not any(f in p.name for f in filters for p in programs):
            continue
        interpreter = _interpreter_for(snippet, found)
        if interpreter is None and len(found) == 1:
            found = discover("all")  # only when needed: it may build venvs
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
            len(_record(p, r, interpreter, unchanged)) for p, r in zip(programs, runs, strict=True)
        )
    failed += _record_timelines(filters, found, mark)
    for notebook in english_notebooks():
        if filters and not any(f in notebook.name for f in filters):
            continue
        changed = store(notebook, execute(notebook))
        print(f"{'updated' if changed else 'matches':8} docs/{notebook.name} {', '.join(changed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
