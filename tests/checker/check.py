"""One verification: a snippet (and any programs run together with it), run once,
against the documented output of each program."""

from __future__ import annotations

from .compare import check_declarations, compare
from .interpreters import Interpreter
from .run import Run, run_group
from .snippets import Snippet


def _judge(program: Snippet, run: Run | None, timeout: float) -> list[str]:
    """What is wrong with one program's run; empty when it printed its documented output."""
    if run is None:
        return [
            f"{program.name} never started: the program before it printed no line "
            f"within {timeout:g} s."
        ]
    where = f"command:      {run.command}   ({run.seconds:.2f} s)"
    if run.timed_out:
        return [
            where,
            f"HUNG: still running after {timeout:g} s; the process group was killed.",
            "output before the kill:",
            run.output,
        ]
    spec = program.spec
    if run.returncode != spec.exit_code:
        return [
            where,
            f"exit code {run.returncode}, expected {spec.exit_code}.",
            "output:",
            run.output,
        ]
    mismatch = compare(program.documented_output, run.output, spec.vary, spec.unordered, spec.tails)
    if mismatch:
        return [
            where,
            "the printed output differs from the documented output:",
            mismatch.diff,
            "(run `make outputs` if the snippet changed on purpose)",
        ]
    return []


def verify(
    snippet: Snippet,
    interpreter: Interpreter,
    start_method: str | None,
    mark: str,
    pages: list[str],
) -> str | None:
    """None when every program prints its documented output, else a report for the CI log."""
    programs = (snippet, *snippet.companions)
    header = [
        f"snippet:      {', '.join(f'snippets/{p.name}' for p in programs)}",
        f"shown on:     {', '.join(f'docs/{p}' for p in pages) or '(no page)'}",
        f"interpreter:  {interpreter.label} ({interpreter.executable})",
        f"start method: {start_method or '(no multiprocessing)'}",
    ]
    problems = [
        f"{program.name}: {problem}"
        for program in programs
        for problem in check_declarations(
            program.documented_output, program.spec.vary, program.spec.unordered, program.spec.tails
        )
    ]
    if problems:
        return "\n".join([*header, "the declarations in the .toml are wrong:", *problems])
    runs = run_group(snippet, interpreter, start_method, mark)
    runs += [None] * (len(programs) - len(runs))
    found = [
        line
        for program, run in zip(programs, runs, strict=True)
        for line in _judge(program, run, snippet.spec.timeout)
    ]
    return "\n".join([*header, *found]) if found else None
