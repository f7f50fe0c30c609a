"""`make outputs`: rewrite every documented output (snippets/*/*.out) from a real run.

Each snippet is run once, as the checker runs it, on the interpreter that
runs this module and its default start method. A recorded output that the
new run still matches (declared variations aside) is left as it is. Pass paths or substrings to
regenerate only some: `python -m tests.checker.regenerate pool/`.
"""

from __future__ import annotations

import sys
import uuid

from .compare import check_declarations, compare
from .interpreters import probe
from .run import run_snippet
from .snippets import all_snippets


def main(filters: list[str]) -> int:
    interpreter = probe(sys.executable)
    assert interpreter is not None, "this interpreter cannot run snippets"
    mark = uuid.uuid4().hex
    failed = 0
    for snippet in all_snippets():
        if filters and not any(f in snippet.name for f in filters):
            continue
        method = interpreter.default_start_method if snippet.uses_multiprocessing else None
        run = run_snippet(snippet, interpreter, method, mark)
        if run.timed_out or run.returncode != snippet.spec.exit_code:
            failed += 1
            why = "hung" if run.timed_out else f"exit code {run.returncode}"
            print(f"FAILED {snippet.name}: {why}, kept the old output\n{run.output}")
            continue
        spec = snippet.spec
        problems = check_declarations(run.output, spec.vary, spec.unordered)
        old = snippet.output_path.read_text("utf-8") if snippet.output_path.exists() else None
        # Keep a recorded output that still matches, so that a rerun does not
        # rewrite every process ID and timing in git.
        if old is not None and compare(old, run.output, spec.vary, spec.unordered) is None:
            status = "matches"
        else:
            snippet.output_path.write_text(run.output, "utf-8", newline="\n")
            status = "updated"
        print(f"{status:8} {snippet.output_name} ({run.seconds:.2f} s)")
        for problem in problems:
            failed += 1
            print(f"  declaration no longer fits: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
