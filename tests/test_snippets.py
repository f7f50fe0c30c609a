"""Every snippet, run as a real program, prints its documented output.

One test per snippet × interpreter × start method (start methods only for
snippets that use multiprocessing). Programs declared `together` run inside
their leader's test.
"""

from __future__ import annotations

import os

import pytest

from tests.checker.check import verify
from tests.checker.pages import pages_by_include
from tests.checker.record import PROPERTY, run_property
from tests.checker.run import RUN_MARK
from tests.checker.snippets import Snippet, leading_snippets
from tests.conftest import interpreters

SHOWN = pages_by_include()


def _cases():
    for snippet in leading_snippets():
        for interpreter in interpreters():
            for method in snippet.start_methods(interpreter.start_methods):
                yield pytest.param(
                    snippet,
                    interpreter,
                    method,
                    id=f"{snippet.name}-{interpreter.label}" + (f"-{method}" if method else ""),
                )


@pytest.mark.parametrize(("snippet", "interpreter", "start_method"), list(_cases()))
def test_snippet_prints_documented_output(
    snippet: Snippet, interpreter, start_method, record_property
) -> None:
    record_property(PROPERTY, run_property(snippet, interpreter, start_method))
    reason = snippet.spec.skip_reason(interpreter.version)
    if reason:
        pytest.skip(f"{reason}, this is {interpreter.label}")
    missing = interpreter.missing(snippet.spec.requires)
    if missing:
        pytest.skip(f"needs {', '.join(missing)}, not installed for {interpreter.executable}")
    if not snippet.output_path.exists():
        pytest.fail(f"snippets/{snippet.name} has no documented output: run `make outputs`")
    pages = SHOWN.get(snippet.output_name, [])
    report = verify(snippet, interpreter, start_method, os.environ[RUN_MARK], pages)
    if report:
        pytest.fail(report, pytrace=False)
