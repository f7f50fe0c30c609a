"""The guide's terms, each with the page that teaches it.

The list is docs/glossary.toml's (en, zh, page), copied when that file was
not yet on this branch: `terms()` can return `from_glossary(...)` instead.

Search must list that page first when a reader types the term
(tests/browser/test_search.py), and `words.py` keeps every Chinese term one
word for the index. One function, so that it can read a glossary file of the
same shape instead: English term, Chinese term (or None), teaching page
(`lock.md`, or `sync.md#semaphore` for a section of it).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import NamedTuple


class Term(NamedTuple):
    en: str
    zh: str | None
    page: str


def terms() -> list[Term]:
    """Every term a reader may search for, with its teaching page."""
    return [
        Term("process", "进程", "concepts.md#a-process-has-its-own-memory"),
        Term("child process", "子进程", "process.md#start-a-child-and-wait-for-it"),
        Term("subprocess", "subprocess", "subprocess.md"),
        Term("thread", "线程", "concepts.md#threads-share-one-memory"),
        Term("main thread", "主线程", "threads.md#start-a-thread"),
        Term("daemon thread", "守护线程", "threads.md#daemon-threads"),
        Term("start method", "启动方式", "process.md#start-methods"),
        Term("__main__ guard", "__main__ 保护", "process.md#main-guard"),
        Term("pickle", "pickle", "process.md#spawn"),
        Term("unpickle", "反序列化", "pitfalls.md#unpicklable-exception"),
        Term("worker process", "工作进程", "pool.md#five-tasks-on-four-workers"),
        Term("pool", "进程池", "pool.md"),
        Term("thread pool", "线程池", "futures.md#one-interface-two-executors"),
        Term("executor", "执行器", "futures.md#one-interface-two-executors"),
        Term("future", "future", "futures.md#one-interface-two-executors"),
        Term("queue", "队列", "ipc.md#queue"),
        Term("sentinel", "哨兵", "ipc.md#sentinel"),
        Term("pipe", "管道", "ipc.md#pipe"),
        Term("shared memory", "共享内存", "ipc.md#value-and-array"),
        Term("Manager", "Manager", "ipc.md#manager"),
        Term("race condition", "竞态条件", "lock.md#a-race-you-can-watch"),
        Term("lock", "锁", "lock.md#fixing-it-with-a-lock"),
        Term("RLock", "可重入锁", "sync.md#rlock"),
        Term("deadlock", "死锁", "sync.md#deadlock"),
        Term("semaphore", "信号量", "sync.md#semaphore"),
        Term("Condition", "条件变量", "sync.md#condition"),
        Term("event", "Event", "sync.md#event"),
        Term("barrier", "屏障", "sync.md#barrier"),
        Term("thread-local", "线程局部变量", "threadlocal.md"),
        Term("GIL", "GIL", "gil.md#what-the-gil-is"),
        Term("free-threaded build", "自由线程构建", "gil.md#free-threaded-cpython"),
        Term("subinterpreter", "子解释器", "gil.md#subinterpreters"),
        Term("CPU-bound", "CPU 密集型", "concepts.md#cpu-bound-and-io-bound-work"),
        Term("I/O-bound", "I/O 密集型", "concepts.md#cpu-bound-and-io-bound-work"),
        Term("wall-clock time", "墙钟时间", "concepts.md#cpu-bound-and-io-bound-work"),
        Term("sleep", "休眠", "threads.md#start-a-thread"),
        Term("coroutine", "协程", "asyncio.md#async-def-await-and-asynciorun"),
        Term("event loop", "事件循环", "asyncio.md#async-def-await-and-asynciorun"),
        Term("await", "await", "asyncio.md#async-def-await-and-asynciorun"),
        Term("task", "Task", "asyncio.md#running-coroutines-concurrently"),
        Term("traceback", "traceback", "process.md#what-exitcode-can-be"),
        Term("exit code", "退出码", "process.md#what-exitcode-can-be"),
        Term("signal", "信号", "process.md#what-exitcode-can-be"),
        Term("zombie", "僵尸进程", "pitfalls.md#zombies"),
        Term("Jupyter notebook", "notebook", "notebooks/jupyter.ipynb"),
    ]


def from_glossary(path: Path) -> list[Term]:
    """The terms of a glossary file (`[[term]]` tables with `en`, `zh`, `page`)."""
    table = tomllib.loads(path.read_text("utf-8"))
    return [Term(t["en"], t.get("zh"), t["page"]) for t in table["term"]]
