"""The "Where each example was verified" page, made from the checker's own record.

docs/verified.json is what `make verified` recorded: every snippet run on
every interpreter and start method, with its outcome. The CI matrix comes
from .github/workflows/test.yml. The page's Markdown holds two markers that
this hook replaces with tables, in the page's language.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import yaml

_WORDS = {
    "en": {
        "example": "Example",
        "page": "Shown on",
        "methods": "Start methods",
        "system": "System",
        "python": "Python versions",
        "summary": "{programs} programs, {runs} runs, {passed} passed, {skipped} skipped, "
        "on {system} with {cpus} CPU cores, recorded on {date}.",
        "with": "with",
        "skipped": "skipped",
    },
    "zh": {
        "example": "示例",
        "page": "所在页面",
        "methods": "启动方式",
        "system": "操作系统",
        "python": "Python 版本",
        "summary": "共 {programs} 个程序、{runs} 次运行：{passed} 次通过，{skipped} 次跳过；"
        "运行环境为 {system}，{cpus} 个 CPU 核心，记录于 {date}。",
        "with": "与",
        "skipped": "跳过",
    },
}


def _language(page) -> str:
    return "zh" if page.file.src_uri.endswith(".zh.md") else "en"


_METHOD_ORDER = ("fork", "spawn", "forkserver")


def _runs_table(record: dict, words: dict[str, str]) -> str:
    """One row per program: its start methods, then ✓ per interpreter where every
    run passed, or why it was skipped there."""
    interpreters = sorted({r["interpreter"] for r in record["runs"]}, key=_version_key(record))
    outcomes: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    methods: dict[str, set[str]] = defaultdict(set)
    together = {}
    for run in record["runs"]:
        if run["outcome"] not in {"passed", "skipped"}:
            raise ValueError(f"docs/verified.json records a {run['outcome']} run: {run}")
        mark = "✓" if run["outcome"] == "passed" else f"{words['skipped']}: {run['reason']}"
        outcomes[run["snippet"]][run["interpreter"]].add(mark)
        methods[run["snippet"]].add(run["start_method"] or "")
        together[run["snippet"]] = run["together"]
    lines = [
        f"| {words['example']} | {words['page']} | {words['methods']} | "
        + " | ".join(interpreters)
        + " |",
        "|" + " --- |" * (3 + len(interpreters)),
    ]
    for snippet in sorted(outcomes):
        name = f"`{snippet}`" + "".join(f" {words['with']} `{c}`" for c in together[snippet])
        page = record["shown_on"].get(snippet)
        link = f"[{page.removesuffix('.md')}]({page})" if page else ""
        used = ", ".join(m for m in _METHOD_ORDER if m in methods[snippet]) or "—"
        row = ["; ".join(sorted(outcomes[snippet].get(i, {"—"}))) for i in interpreters]
        lines.append(f"| {name} | {link} | {used} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def _version_key(record: dict):
    versions = {r["interpreter"]: r["version"] for r in record["runs"]}
    return lambda label: tuple(int(p) for p in versions[label].split(".")) + (label,)


def _summary(record: dict, words: dict[str, str]) -> str:
    runs = record["runs"]
    return words["summary"].format(
        programs=len({r["snippet"] for r in runs} | {c for r in runs for c in r["together"]}),
        runs=len(runs),
        passed=sum(r["outcome"] == "passed" for r in runs),
        skipped=sum(r["outcome"] == "skipped" for r in runs),
        system=record["system"],
        cpus=record["cpu_count"],
        date=record["generated"],
    )


def _matrix_table(workflow: Path, words: dict[str, str]) -> str:
    matrix = yaml.safe_load(workflow.read_text("utf-8"))["jobs"]["test"]["strategy"]["matrix"]
    lines = [f"| {words['system']} | {words['python']} |", "| --- | --- |"]
    lines += [f"| `{os_}` | {', '.join(matrix['python'])} |" for os_ in matrix["os"]]
    return "\n".join(lines)


def on_page_markdown(markdown: str, page, config, files) -> str:
    if "<!-- verified:runs -->" not in markdown:
        return markdown
    words = _WORDS[_language(page)]
    record = json.loads((Path(config["docs_dir"]) / "verified.json").read_text("utf-8"))
    workflow = Path(config.config_file_path).parent / ".github" / "workflows" / "test.yml"
    return (
        markdown.replace("<!-- verified:summary -->", _summary(record, words))
        .replace("<!-- verified:runs -->", _runs_table(record, words))
        .replace("<!-- verified:matrix -->", _matrix_table(workflow, words))
    )
