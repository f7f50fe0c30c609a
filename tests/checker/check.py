"""One verification: a snippet, run once, against its documented output."""

from __future__ import annotations

from .compare import check_declarations, compare
from .interpreters import Interpreter
from .run import run_snippet
from .snippets import Snippet


def verify(
    snippet: Snippet,
    interpreter: Interpreter,
    start_method: str | None,
    mark: str,
    pages: list[str],
) -> str | None:
    """None when the run prints the documented output, else a report for the CI log."""
    spec = snippet.spec
    documented = snippet.documented_output
    header = [
        f"snippet:      snippets/{snippet.name}",
        f"shown on:     {', '.join(f'docs/{p}' for p in pages) or '(no page)'}",
        f"interpreter:  {interpreter.label} ({interpreter.executable})",
        f"start method: {start_method or '(no multiprocessing)'}",
    ]
    problems = check_declarations(documented, spec.vary, spec.unordered)
    if problems:
        return "\n".join([*header, "the declarations in the .toml are wrong:", *problems])
    run = run_snippet(snippet, interpreter, start_method, mark)
    header.append(f"command:      {run.command}   ({run.seconds:.2f} s)")
    if run.timed_out:
        return "\n".join(
            [
                *header,
                f"HUNG: still running after {spec.timeout:g} s; the process group was killed.",
                "output before the kill:",
                run.output,
            ]
        )
    if run.returncode != spec.exit_code:
        return "\n".join(
            [
                *header,
                f"exit code {run.returncode}, expected {spec.exit_code}.",
                "output:",
                run.output,
            ]
        )
    mismatch = compare(documented, run.output, spec.vary, spec.unordered)
    if mismatch:
        return "\n".join(
            [
                *header,
                "the printed output differs from the documented output:",
                mismatch.diff,
                "(run `make outputs` if the snippet changed on purpose)",
            ]
        )
    return None
