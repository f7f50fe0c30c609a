"""Make a snippet run under the checker behave as it does in a reader's terminal.

The checker puts this folder on PYTHONPATH, so every Python process of a
snippet run imports this module at startup: the parent, and every child,
whatever the start method (spawned and forkserver children inherit the
environment and run it again; forked children inherit its effect).

It must stay standard-library only: it runs on every interpreter under test.
"""

import os
import sys

# A terminal makes stdout line-buffered; a pipe makes it block-buffered, which
# would reorder lines between processes (a worker's lines would only appear
# when it exits). Line buffering on the pipe gives the order a reader sees.
# Snippets about buffering itself ask for a real pipe instead.
if os.environ.get("SNIPPET_BUFFERING") != "pipe":
    sys.stdout.reconfigure(line_buffering=True)

# The checker runs each multiprocessing snippet under every start method
# without editing it; this is the same as the snippet calling
# multiprocessing.set_start_method() first thing.
_method = os.environ.get("SNIPPET_START_METHOD")
if _method:
    import multiprocessing

    multiprocessing.set_start_method(_method, force=True)

# Only for the timeline figures: a traced run records when the program's own
# functions ran (snippet_trace.py); a reader's run and the output checks
# never set this.
if os.environ.get("SNIPPET_TRACE"):
    import snippet_trace  # noqa: F401
