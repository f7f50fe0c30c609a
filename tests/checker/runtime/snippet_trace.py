"""Record when a snippet's own functions ran, for the timeline figures.

Imported by sitecustomize.py in every process of a traced run (the checker
sets SNIPPET_TRACE to a folder and SNIPPET_TRACE_SPEC to what to record);
an ordinary run never imports it. The program itself is not changed.

What it records, each as one JSON line in <folder>/<pid>.jsonl, written at
once (a pool's workers may be killed, and a forked child never runs atexit):
- a `work` span for each call of a function the figure names (`spans`), in
  a program file, with its first argument as a label (with `shortest_ms`,
  only the calls that lasted that long); a coroutine's span
  is one step of its task, from a resume to the next suspension;
- a `wait` span for each call of a blocking function (`waits`: time.sleep,
  a lock's acquire, Queue.get, ...) made directly by such a function;
- with `holds`, a `hold` span for each time a lock that the program created
  was held, from the moment it was acquired to its release, and a `wait`
  span named `acquire` (labelled with the lock's name) for each time a thread
  was blocked waiting for such a lock;
- a `created` record when a figure's function makes asyncio tasks
  (`create_task`, `gather`): from then until its first step the task was
  ready to run but waited for the event loop;
- a `lane` line the first time a thread (or asyncio task) records anything,
  with its name and its process's name, as the program would print them.

Timestamps are time.perf_counter_ns(), one clock for all processes of the
machine. With `window_ms`, recording stops that long after the first wait
ended (threads released by a barrier, say), or, where no waits are traced,
after the first span began: for programs whose loops are too hot to trace
whole; `cut` says when.

The profiler hook (sys.setprofile) is the only one that sees C functions
such as time.sleep and lock.__exit__ on every CPython from 3.11 on. It
must stay standard-library only: it runs on every interpreter under test.
"""

import json
import os
import sys
import threading
import time

CO_COROUTINE = 0x80
_LOCK_TYPES = {"lock", "RLock"}

_spec = json.loads(os.environ["SNIPPET_TRACE_SPEC"])
_files = {os.path.normcase(os.path.abspath(f)) for f in _spec["files"]}
_span_names = set(_spec["spans"])
_wait_names = set(_spec["waits"])
# A call of these lasting less than this (ns) is not recorded: the calls that
# matter are the few in which the thread was switched out.
_shortest_ns = {name: ms * 1_000_000 for name, ms in _spec.get("shortest_ms", {}).items()}
_window_ns = _spec["window_ms"] * 1_000_000 if _spec.get("window_ms") else None
_folder = os.environ["SNIPPET_TRACE"]
_now = time.perf_counter_ns
_state = threading.local()
_fd = None
_pid = None
_lanes = set()
_first_start = None
_closed = False  # the window is over: nothing more is recorded
_known_codes = {}  # code object -> is it one of the figure's functions?
_at_close = []  # what to undo when the window closes
_open_frames = {}  # frame -> how many open spans and waits it has, in any thread
_creating = {}  # frame of a create_task() or gather() call -> when it began


def _open():
    """This process's trace file, made now: the CPU sampler finds the
    processes of the run by their files, before they have recorded anything."""
    global _fd, _pid
    pid = os.getpid()
    # Two threads may both get here: each opens the file (appending, so both
    # descriptors work); _pid is set only once _fd is usable.
    path = os.path.join(_folder, f"{pid}.jsonl")
    _fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    _lanes.clear()
    _pid = pid


def _write(record):
    if _pid != os.getpid():  # a forked child whose at-fork hook has not run
        _open()
    os.write(_fd, (json.dumps(record) + "\n").encode())


def _process_name():
    mp = sys.modules.get("multiprocessing")
    return mp.current_process().name if mp else "MainProcess"


def _program():
    """The file the process runs, as a reader started it (spawned children
    run the same file, imported as __mp_main__)."""
    main = sys.modules.get("__mp_main__") or sys.modules.get("__main__")
    return os.path.basename(getattr(main, "__file__", "") or "")


def _lane(task=None):
    """The lane key of the running thread, or of its asyncio task."""
    key = f"{os.getpid()}/{threading.get_native_id()}"
    if task is not None:
        key += f"/{id(task)}"
    if key not in _lanes or _pid != os.getpid():
        record = {
            "lane": key,
            "process": _process_name(),
            "thread": threading.current_thread().name,
            "task": task.get_name() if task is not None else None,
            "program": _program(),
        }
        _write(record)
        _lanes.add(key)
    return key


def _in_program(code):
    # cloudpickle (Dask) sends a program's function by value and names its
    # file "<dynamic-code>": only the program's own functions travel so.
    if code.co_filename == "<dynamic-code>":
        return True
    return os.path.normcase(os.path.abspath(code.co_filename)) in _files


def _label(frame):
    """The first argument of a call, when it reads well on a figure."""
    code = frame.f_code
    if not code.co_argcount:
        return None
    value = frame.f_locals.get(code.co_varnames[0])
    if isinstance(value, bool | int | float | str) and len(repr(value)) <= 12:
        return str(value)
    return getattr(value, "__name__", None)


def _current_task(code):
    if not code.co_flags & CO_COROUTINE or "asyncio" not in sys.modules:
        return None
    try:
        return sys.modules["asyncio"].current_task()
    except RuntimeError:
        return None


def _past_window(now):
    """True once the window is over; the first thread to see it says so."""
    global _closed
    if _closed:
        return True
    if _window_ns is None or _first_start is None or now - _first_start < _window_ns:
        return False
    _closed = True
    _write({"cut": now})
    for undo in _at_close:
        undo()
    return True


def _close_thread(stack, now):
    """Stop profiling this thread; what it was still doing ends at the cut."""
    sys.setprofile(None)
    threading.setprofile(None)
    while stack:
        _end(stack.pop(), now)


def _profile(frame, event, arg):
    """Called for every call and return of every thread: the common case, a
    function the figure does not draw, returns after one or two lookups."""
    if _window_ns is not None and (
        _closed or (_first_start is not None and _now() - _first_start >= _window_ns)
    ):
        _past_window(_now())
        _close_thread(_stack(), _now())
        return
    if event == "call":
        code = frame.f_code
        known = _known_codes.get(code)
        if known is None:
            known = _known_codes[code] = code.co_name in _span_names and _in_program(code)
        if known and code.co_name == "<module>" and frame.f_globals.get("__name__") != "__main__":
            pass  # a child process importing the program (as __mp_main__) is not its top level
        elif known:
            _start_work(frame, code)
        elif code.co_name in ("create_task", "gather") and _in_work(_stack(), frame.f_back):
            _creating[frame] = _now()
        elif code.co_name in _wait_names and not code.co_flags & CO_COROUTINE:
            # A coroutine's wait is the gap between its task's steps, drawn
            # from those; a step of asyncio.sleep() itself says nothing.
            stack = _stack()
            if _in_work(stack, frame.f_back):
                _push(stack, frame, frame, "wait", code.co_name, None, stack[-1][5])
    elif event == "c_call":
        name = getattr(arg, "__name__", "")
        if name in _wait_names:
            stack = _stack()
            if _in_work(stack, frame):
                _push(stack, frame, ("c", frame, name), "wait", name, None, stack[-1][5])
    elif event == "return" and frame in _creating:
        _created(_creating.pop(frame), arg)
    elif frame in _open_frames:  # a return, c_return or c_exception
        stack = _stack()
        if event == "return":
            key = frame
        else:
            # Matched by caller and name: from 3.12 on, the callable a
            # c_return reports need not be the object its c_call reported.
            key = ("c", frame, getattr(arg, "__name__", ""))
        if stack and stack[-1][0] == key:
            _end(stack.pop(), _now())


def _created(since, made):
    """Record the tasks a create_task() or gather() call made (its result):
    each is ready from the call on, in the lane its steps will have."""
    tasks = [made] if made is not None and hasattr(made, "get_coro") else []
    tasks += list(getattr(made, "_children", None) or ())  # gather's tasks
    for task in tasks:
        _write({"created": since, "lane": _lane(task)})


def _stack():
    """This thread's open spans and waits, innermost last."""
    stack = getattr(_state, "stack", None)
    if stack is None:
        stack = _state.stack = []
    return stack


def _start_work(frame, code):
    global _first_start
    now = _now()
    if _first_start is None and not _wait_names:
        _first_start = now
    _push(_stack(), frame, frame, "work", code.co_name, _label(frame), _current_task(code), now)


def _push(stack, frame, key, kind, name, label, task, now=None):
    """Open a span; its frame is watched for returns until it ends."""
    _open_frames[frame] = _open_frames.get(frame, 0) + 1
    stack.append((key, kind, name, label, _now() if now is None else now, task))


def _in_work(stack, frame):
    """True when `frame` is the figure's function now running on this thread:
    only its own blocking calls are waits, not those made inside a wait."""
    return bool(stack) and stack[-1][0] is frame and stack[-1][1] == "work"


def _end(entry, now):
    global _first_start
    key, kind, name, label, start, task = entry
    frame = key[1] if isinstance(key, tuple) else key
    left = _open_frames.pop(frame, 1) - 1
    if left:
        _open_frames[frame] = left
    if kind == "wait" and _first_start is None:
        _first_start = now
    if kind == "work" and now - start < _shortest_ns.get(name, 0):
        return
    record = {"span": name, "kind": kind, "label": label, "start": start, "end": now}
    record["lane"] = _lane(task)
    _write(record)


def _install_lock_holds():
    """Make the locks that the program's own code creates report when they
    are held: `with lock:` acquires without any call the profiler sees.
    Locks made elsewhere (inside threading, queue, asyncio) stay as they are."""
    allocate = threading._allocate_lock

    class HeldLock:
        __slots__ = ("_lock", "_since", "_name", "locked", "__weakref__")

        def __init__(self):
            self._lock = allocate()
            self.locked = self._lock.locked
            self._since = None
            self._name = None  # found once: when the window closes, the program's name for it goes

        def acquire(self, blocking=True, timeout=-1):
            got = self._lock.acquire(False)
            if not got and blocking:  # another thread holds it: blocked
                asked = _now()
                got = self._lock.acquire(True, timeout)
                until = _now()
                if not _past_window(until):
                    record = {"span": "acquire", "kind": "wait", "label": self.name()}
                    record.update(start=asked, end=until, lane=_lane())
                    _write(record)
            if got and not _closed:
                self._since = _now()
            return got

        __enter__ = acquire

        def release(self):
            # Both ends are read while the lock is held: a thread switch
            # just after the release must not stretch this hold over the
            # next thread's.
            since, self._since = self._since, None
            until = _now()
            self._lock.release()
            if since is not None and not _past_window(until):
                record = {"span": self.name(), "kind": "hold", "label": None}
                record.update(start=since, end=until, lane=_lane())
                _write(record)

        def __exit__(self, *exc):
            self.release()

        def name(self):
            if self._name is None:
                self._name = _name_of(self)
            return self._name

    def _name_of(lock):
        """The name the program gives the lock, in the frame that released it."""
        frame = sys._getframe(2)
        while frame is not None and not _in_program(frame.f_code):
            frame = frame.f_back
        # The module's name for it first: a function may know it by a
        # parameter's name only.
        for scope in (frame.f_globals, frame.f_locals) if frame else ():
            for key, value in scope.items():
                if value is lock:
                    return key
        return "lock"

    def lock_factory():
        if _in_program(sys._getframe(1).f_code):
            return HeldLock()
        return allocate()

    def plain_locks_again():
        """Once the window is over nothing more is recorded: the program's
        module-level names get their plain locks back, and new locks are
        plain, so the rest of the run does not pay for the wrapper. A thread
        inside `with` still releases through the wrapper: the same lock."""
        threading.Lock = allocate
        for module in (sys.modules.get("__main__"), sys.modules.get("__mp_main__")):
            for key, value in list(vars(module).items()) if module else ():
                if isinstance(value, HeldLock):
                    setattr(module, key, value._lock)

    threading.Lock = lock_factory
    _at_close.append(plain_locks_again)


def _untraced_imports():
    """Run imports with this thread's profiler off: a module's top level is
    never one of the figure's functions, and importing a library such as
    Dask in every worker process is most of what profiling would cost."""
    import builtins

    importing = builtins.__import__

    def quiet_import(*args, **kwargs):
        if sys.getprofile() is not _profile:
            return importing(*args, **kwargs)
        sys.setprofile(None)
        try:
            return importing(*args, **kwargs)
        finally:
            if not _closed:
                sys.setprofile(_profile)

    builtins.__import__ = quiet_import


_open()
_untraced_imports()
if hasattr(os, "register_at_fork"):  # not on Windows
    os.register_at_fork(after_in_child=_open)
if _spec.get("holds"):
    _install_lock_holds()
sys.setprofile(_profile)
threading.setprofile(_profile)
