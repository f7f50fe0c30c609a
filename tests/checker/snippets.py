"""The snippets: runnable programs in snippets/<chapter>/, and what is declared about each.

Beside every `name.py` stands `name.out`, its documented output (written by
`make outputs` from a real run, shown on the page by an include), and, only
when needed, `name.toml`, which declares what the checker must know:

    timeout = 10                 # seconds for one run (default 20, at most 30)
    exit_code = 1                # the snippet fails on purpose
    requires_python = "3.14"     # skipped, with the reason, on older interpreters
    python_below = "3.15"        # skipped, with the reason, on this and newer
                                 # ones: for a behaviour a later release changed
    start_methods = ["spawn"]    # default: all of them when it uses multiprocessing
    buffering = "pipe"           # see runtime/sitecustomize.py
    requires = ["aiohttp"]       # third-party imports (snippets/requirements.in);
                                 # skipped, with the reason, where they are missing
    together = ["task_worker.py"]  # programs of this folder run beside this one,
                                 # each started once the one before it printed a
                                 # line; each output is checked against its own
                                 # .out. One group per folder runs at a time,
                                 # so a fixed port is safe.

    [[vary]]                     # a part of a line that differs between runs
    pattern = 'process (?P<pid>\\d+)'  # group names: see compare.KINDS
    why = "a new process gets a new ID"

    [[unordered]]                # lines whose order differs between runs
    lines = "3-7"                # 1-based, inclusive, in name.out
    why = "four workers print as they are scheduled"

    [[may_end_with]]             # a block a library may print after the last
    first_line = '.* - distributed\\.worker - ERROR - Failed to .*'  # line: from
    why = "a known shutdown race"  # a line this matches (whole) to the end, it
                                 # is cut before comparing (compare.Tail)
"""

from __future__ import annotations

import ast
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .compare import Tail, Unordered, Vary

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "snippets"

DEFAULT_TIMEOUT = 20.0
MAX_TIMEOUT = 30.0
START_METHODS = ("fork", "spawn", "forkserver")
_SPEC_KEYS = {
    "timeout",
    "exit_code",
    "requires_python",
    "python_below",
    "start_methods",
    "buffering",
    "requires",
    "together",
    "vary",
    "unordered",
    "may_end_with",
}


# A companion runs inside its leader's run: timing, interpreter and start
# methods are the leader's.
_COMPANION_KEYS = {"exit_code", "vary", "unordered"}


class SpecError(ValueError):
    """A snippet's declaration file is malformed."""


@dataclass(frozen=True)
class Spec:
    timeout: float = DEFAULT_TIMEOUT
    exit_code: int = 0
    requires_python: tuple[int, ...] | None = None
    python_below: tuple[int, ...] | None = None
    start_methods: tuple[str, ...] | None = None
    buffering: str = "line"
    requires: tuple[str, ...] = ()
    together: tuple[str, ...] = ()
    vary: tuple[Vary, ...] = ()
    unordered: tuple[Unordered, ...] = ()
    tails: tuple[Tail, ...] = ()

    def skip_reason(self, version: tuple[int, ...]) -> str | None:
        """Why a Python of this version does not run the snippet, if it does not."""
        if self.requires_python and version < self.requires_python:
            return f"needs Python {'.'.join(map(str, self.requires_python))}+"
        if self.python_below and version >= self.python_below:
            below = ".".join(map(str, self.python_below))
            return f"shows a behaviour that Python {below} changed"
        return None


def _parse_spec(path: Path) -> Spec:
    if not path.exists():
        return Spec()
    data = tomllib.loads(path.read_text("utf-8"))
    unknown = set(data) - _SPEC_KEYS
    if unknown:
        raise SpecError(f"{path}: unknown keys {sorted(unknown)}")
    timeout = float(data.get("timeout", DEFAULT_TIMEOUT))
    if not 0 < timeout <= MAX_TIMEOUT:
        raise SpecError(f"{path}: timeout must be in (0, {MAX_TIMEOUT}]")
    methods = data.get("start_methods")
    if methods is not None and not set(methods) <= set(START_METHODS):
        raise SpecError(f"{path}: start_methods must be among {START_METHODS}")
    if data.get("buffering", "line") not in {"line", "pipe"}:
        raise SpecError(f"{path}: buffering is 'line' or 'pipe'")
    requires = data.get("requires_python")
    below = data.get("python_below")
    together = data.get("together", [])
    if not all(isinstance(n, str) and n.endswith(".py") and "/" not in n for n in together):
        raise SpecError(f"{path}: together names .py files of the same folder")
    try:
        spec = Spec(
            timeout=timeout,
            exit_code=int(data.get("exit_code", 0)),
            requires_python=tuple(map(int, requires.split("."))) if requires else None,
            python_below=tuple(map(int, below.split("."))) if below else None,
            start_methods=tuple(methods) if methods is not None else None,
            buffering=data.get("buffering", "line"),
            requires=tuple(data.get("requires", [])),
            together=tuple(together),
            vary=tuple(Vary.declare(**v) for v in data.get("vary", [])),
            unordered=tuple(Unordered.declare(**u) for u in data.get("unordered", [])),
            tails=tuple(Tail.declare(**t) for t in data.get("may_end_with", [])),
        )
    except (TypeError, ValueError, re.error) as exc:
        raise SpecError(f"{path}: {exc}") from exc
    if spec.python_below and spec.python_below <= (spec.requires_python or (3,)):
        raise SpecError(f"{path}: python_below must be above requires_python")
    return spec


def _uses_multiprocessing(source: str) -> bool:
    """True when the program imports multiprocessing or names ProcessPoolExecutor.

    Names, not imports, for the executor: `import concurrent.futures` and
    `from concurrent import futures` reach it only by attribute.
    """
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        elif isinstance(node, ast.Name | ast.Attribute | ast.alias):
            name = getattr(node, "id", None) or getattr(node, "attr", None) or node.name
            if name == "ProcessPoolExecutor":
                return True
            continue
        else:
            continue
        if any(m.split(".")[0] == "multiprocessing" for m in modules):
            return True
    return False


def _below_snippets(path: Path) -> str:
    # Snippets outside snippets/ exist only in the checker's own tests.
    return path.relative_to(SNIPPETS).as_posix() if path.is_relative_to(SNIPPETS) else path.name


@dataclass(frozen=True)
class Snippet:
    path: Path
    spec: Spec = field(compare=False)

    @classmethod
    def load(cls, path: Path) -> Snippet:
        return cls(path=path, spec=_parse_spec(path.with_suffix(".toml")))

    @property
    def name(self) -> str:
        """The path below snippets/, as pages include it: `pool/apply_async.py`."""
        return _below_snippets(self.path)

    @property
    def output_name(self) -> str:
        """The documented output's path below snippets/: `pool/apply_async.out`."""
        return _below_snippets(self.output_path)

    @property
    def output_path(self) -> Path:
        return self.path.with_suffix(".out")

    @property
    def documented_output(self) -> str:
        return self.output_path.read_text("utf-8")

    @cached_property
    def uses_multiprocessing(self) -> bool:
        return _uses_multiprocessing(self.path.read_text("utf-8"))

    @cached_property
    def companions(self) -> tuple[Snippet, ...]:
        """The programs declared `together` with this one, in start order."""
        found = []
        for name in self.spec.together:
            companion = Snippet.load(self.path.with_name(name))
            if not companion.path.exists():
                raise SpecError(f"{self.name}: together names {name}, which does not exist")
            extra = {k for k, v in vars(companion.spec).items() if v != getattr(Spec(), k)}
            if extra - _COMPANION_KEYS:
                raise SpecError(f"{companion.name}: a companion declares only {_COMPANION_KEYS}")
            found.append(companion)
        return tuple(found)

    @property
    def digest(self) -> str:
        """A hash of what a run of this group checks: programs, outputs, declarations."""
        files = [
            f
            for program in (self, *self.companions)
            for f in (program.path, program.output_path, program.path.with_suffix(".toml"))
            if f.exists()
        ]
        return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:16]

    def start_methods(self, available: tuple[str, ...]) -> tuple[str | None, ...]:
        """The start methods to run under; None means no multiprocessing at all."""
        if not any(p.uses_multiprocessing for p in (self, *self.companions)):
            return (None,)
        wanted = self.spec.start_methods or START_METHODS
        return tuple(m for m in wanted if m in available)


def all_snippets() -> list[Snippet]:
    """Every program, companions included (each is shown on a page)."""
    return [Snippet.load(p) for p in sorted(SNIPPETS.glob("*/*.py"))]


def leading_snippets() -> list[Snippet]:
    """The programs a run starts with: all but those run `together` with another."""
    snippets = all_snippets()
    companions = {c.path for s in snippets for c in s.companions}
    return [s for s in snippets if s.path not in companions]
