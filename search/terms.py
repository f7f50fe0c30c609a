"""The guide's terms, each with the page that teaches it.

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
        Term("Process", "进程", "process.md"),
        Term("start method", "启动方式", "process.md#start-methods"),
        Term("Pool", "进程池", "pool.md"),
        Term("ProcessPoolExecutor", None, "futures.md"),
        Term("ThreadPoolExecutor", "线程池", "futures.md"),
        Term("subprocess", "子进程", "subprocess.md"),
        Term("Queue", "队列", "ipc.md#queue"),
        Term("Pipe", None, "ipc.md#pipe"),
        Term("SharedMemory", "共享内存", "ipc.md#shared-memory"),
        Term("Thread", "多线程", "threads.md"),
        Term("Lock", "锁", "lock.md"),
        Term("race condition", "竞态条件", "lock.md"),
        Term("Semaphore", "信号量", "sync.md#semaphore"),
        Term("Condition", "条件变量", "sync.md#condition"),
        Term("deadlock", "死锁", "sync.md#deadlock"),
        Term("ThreadLocal", "线程局部变量", "threadlocal.md"),
        Term("GIL", "全局解释器锁", "gil.md"),
        Term("free-threaded", "自由线程", "gil.md#free-threaded-cpython"),
        Term("coroutine", "协程", "asyncio.md"),
        Term("BaseManager", "分布式进程", "distributed.md"),
        Term("aiohttp", None, "aiohttp.md"),
        Term("Dask", None, "dask.md"),
    ]


def from_glossary(path: Path) -> list[Term]:
    """The terms of a glossary file (`[[term]]` tables with `en`, `zh`, `page`)."""
    table = tomllib.loads(path.read_text("utf-8"))
    return [Term(t["en"], t.get("zh"), t["page"]) for t in table["term"]]
