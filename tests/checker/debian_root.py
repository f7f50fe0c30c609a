"""Current CPython releases this machine lacks, from Debian's registry, in a root of their own.

`make interpreters` (and so `make test INTERPRETERS=all`) builds, once, a
minimal Debian root under .cache/debian/ holding python3.13, python3.14 and
python3.15 from the suite that carries their newest patch releases. Their
binaries need a newer C library than the machine's, so each runs chrooted
into that root, in a mount namespace of its own where the checkout, /tmp,
/proc, /dev and the machine's CA bundle are bound in. It keeps the
machine's process IDs (no PID namespace): the checker's process-group kill
and leftover check see every child.

The interpreters are exposed as ordinary executables, shell scripts in
.cache/debian/bin/, which discovery (interpreters.py) lists beside PATH's
and pyenv's. A root is trusted only once every interpreter in it has run:
it is built in a folder of its own and renamed into place at the end, so
an interrupted build is never used, and the next run rebuilds it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from .snippets import ROOT

HOME = ROOT / ".cache" / "debian"
TREE = HOME / "root"  # trusted: complete and checked
BUILDING = HOME / "building"  # never trusted; removed by the next build
BIN = HOME / "bin"
SUITE = "sid"
VERSIONS = ("3.13", "3.14", "3.15")
# procps: `ps`, which a snippet runs, as on any reader's machine.
PACKAGES = ("procps", *(p for v in VERSIONS for p in (f"python{v}", f"python{v}-venv")))
DEFAULT_MIRROR = "http://deb.debian.org/debian"
# The recipe a root was built from; another recipe means another root.
RECIPE = hashlib.sha256(f"{SUITE} {' '.join(PACKAGES)}".encode()).hexdigest()[:12]
STAMP = f".complete-{RECIPE}"
BUILD_TIMEOUT = 900  # seconds; debootstrap took 34 s here


class Unavailable(RuntimeError):
    """The root cannot be had on this machine; the message says why, in one line."""


def mirror(sources: list[Path] | None = None) -> str:
    """The Debian mirror this machine's apt uses (the registry it reaches), else
    Debian's own; $DEBIAN_MIRROR overrides both."""
    if os.environ.get("DEBIAN_MIRROR"):
        return os.environ["DEBIAN_MIRROR"]
    if sources is None:
        sources = [*Path("/etc/apt/sources.list.d").glob("*"), Path("/etc/apt/sources.list")]
    for source in sources:
        try:
            text = source.read_text("utf-8", errors="replace")
        except OSError:
            continue
        for url in re.findall(r"(?:^URIs:|^deb)\s+(?:\[[^]]*\]\s+)?(\S+)", text, re.M):
            if "security" not in url and url.rstrip("/").endswith("/debian"):
                return url
    return DEFAULT_MIRROR


def trusted() -> bool:
    return (TREE / STAMP).exists()


def _tool(name: str) -> str:
    found = shutil.which(name, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if not found:
        raise Unavailable(f"{name} is not installed")
    return found


# Run in a mount namespace of its own (unshare execs, it does not fork): bind
# the machine's /tmp, /proc, /dev, the checkout and its CA bundle into the
# root, then chroot and exec the program, in the caller's folder. Every step
# execs the next, so the program keeps the process ID and process group it
# was started with: Ctrl-C sent to the group, and the checker's kill, reach
# it and its children as on a reader's machine. (bubblewrap stays behind as
# the program's parent: a snippet's own SIGINT to its group killed bwrap.)
_ENTER = """
root=$1; program=$2; shift 2
for shared in /tmp /proc /dev %(shared)s; do mount --rbind "$shared" "$root$shared"; done
for file in %(files)s; do mount --bind "$file" "$root$file"; done
exec %(chroot)s "$root" /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$PWD" "$program" "$@"
"""
_FILES = (Path("/etc/ssl/certs/ca-certificates.crt"), Path("/etc/resolv.conf"))
_MADE_BY = "# Made by tests/checker/debian_root.py"  # the second line of every script


def enter_command(tree: Path, program: str) -> list[str]:
    """The command that runs `program` (a path inside `tree`) there, with the arguments after it."""
    files = [f for f in _FILES if f.exists()]
    # A bind mount needs something to mount over.
    (tree / str(ROOT).lstrip("/")).mkdir(parents=True, exist_ok=True)
    for file in files:
        target = tree / str(file).lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.touch()
    script = _ENTER % {
        "shared": shlex.quote(str(ROOT)),
        "files": " ".join(shlex.quote(str(f)) for f in files),
        "chroot": shlex.quote(_tool("chroot")),
    }
    unshare = _tool("unshare")
    return [
        unshare,
        "--mount",
        "--propagation",
        "private",
        "/bin/sh",
        "-ec",
        script,
        "sh",
        str(tree),
        program,
    ]


def wrap(inside: str, script: Path) -> Path:
    """Write `script`, an executable that runs the program `inside` in the root."""
    enter = " ".join(shlex.quote(a) for a in enter_command(TREE, inside))
    text = f'#!/bin/sh\n{_MADE_BY}\nexec {enter} "$@"\n'
    if script.exists() and script.read_text("utf-8") == text:
        return script
    # Renamed into place: another test worker may be running the old script.
    script.parent.mkdir(parents=True, exist_ok=True)
    draft = script.with_name(f".{script.name}.{os.getpid()}")
    draft.write_text(text, "utf-8")
    draft.chmod(0o755)
    draft.replace(script)
    return script


def contains(executable: str) -> bool:
    """Whether an interpreter runs in the root: one of the scripts `wrap` writes."""
    try:
        with open(executable, encoding="utf-8", errors="replace") as script:
            return script.read(200).splitlines()[1:2] == [_MADE_BY]
    except OSError:
        return False


def _check(tree: Path) -> None:
    for version in VERSIONS:
        probe = subprocess.run(
            [*enter_command(tree, f"/usr/bin/python{version}"), "-c", "import ensurepip, venv"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if probe.returncode != 0:
            raise Unavailable(f"python{version} does not run in the root: {_last(probe.stderr)}")


def _last(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else "no message"


def build() -> None:
    """Build the root from scratch into BUILDING, check it, then move it into place."""
    if os.geteuid() != 0:
        raise Unavailable("debootstrap needs root, and this is not root")
    debootstrap = shutil.which("debootstrap") or (
        "/usr/sbin/debootstrap" if Path("/usr/sbin/debootstrap").exists() else None
    )
    if not debootstrap:
        raise Unavailable("debootstrap is not installed (apt-get install debootstrap)")
    shutil.rmtree(BUILDING, ignore_errors=True)
    BUILDING.parent.mkdir(parents=True, exist_ok=True)
    command = [
        debootstrap,
        "--variant=minbase",
        f"--include={','.join(PACKAGES)}",
        SUITE,
        str(BUILDING),
        mirror(),
    ]
    try:
        made = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
        if made.returncode != 0:
            raise Unavailable(f"debootstrap failed: {_last(made.stdout + made.stderr)}")
        _check(BUILDING)
    except (Unavailable, subprocess.TimeoutExpired):
        shutil.rmtree(BUILDING, ignore_errors=True)
        raise
    (BUILDING / STAMP).touch()
    # The stamp goes first: a removal cut short must not leave a trusted half.
    (TREE / STAMP).unlink(missing_ok=True)
    shutil.rmtree(TREE, ignore_errors=True)
    BUILDING.rename(TREE)


def ensure() -> list[Path]:
    """The root's interpreters, building the root first when it is missing or untrusted."""
    if trusted():
        try:  # a root damaged since, or a tool removed: build it again
            _check(TREE)
        except (Unavailable, subprocess.TimeoutExpired):
            (TREE / STAMP).unlink()
    if not trusted():
        build()
    shutil.rmtree(BIN, ignore_errors=True)
    return [wrap(f"/usr/bin/python{v}", BIN / f"python{v}") for v in VERSIONS]


def found() -> list[str]:
    """The root's interpreters for discovery: none unless `ensure()` made them."""
    if not trusted():
        return []
    return [str(p) for p in sorted(BIN.glob("python3.*"))]


def main() -> int:
    """`make interpreters`: build or reuse the root; one line either way, exit 0."""
    try:
        scripts = ensure()
    except (Unavailable, subprocess.TimeoutExpired, OSError) as e:
        shutil.rmtree(BIN, ignore_errors=True)
        names = ", ".join(f"python{v}" for v in VERSIONS)
        print(f"interpreters: not had: {names} from Debian {SUITE} ({e})", file=sys.stderr)
        return 0
    print(f"interpreters: {', '.join(p.name for p in scripts)} in {TREE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
