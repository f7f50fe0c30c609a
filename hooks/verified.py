"""The "Where each example was verified" page, made from the checker's own record.

docs/verified.json is what `make verified` recorded: every snippet run on
every interpreter and start method, with its outcome. The CI matrix comes
from .github/workflows/test.yml. The page's Markdown holds markers that
this hook replaces with tables, in the page's language; any page may say
`<!-- verified:pythons -->` for the releases the record ran on, and
`<!-- verified:stats -->` for the same record in four numbers (the home page).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import yaml

_WORDS = {
    "en": {
        "example": "Example (start methods)",
        "system": "System",
        "python": "Python versions",
        "summary": "{programs} programs, {runs} runs, {passed} passed, {skipped} skipped, "
        "on {system} with {cpus} CPU cores, recorded on {date} with {pythons}.",
        "with": "with",
        "skipped": "skipped",
        "skipped_with": "skipped ({method})",
        "marks": "; ",
        "why_skipped": "Why runs were skipped:",
        "carried": "{labels}: runs carried over from the record of {date}, for the examples "
        "unchanged since; — where an example is new or changed, because the machine that "
        "made this record has no such Python.",
        "and": " and ",
        "comma": ", ",
        "stats": [
            ("{programs}", "programs, each a file you can run"),
            ("{passed}", "runs that printed what the page shows"),
            ("{releases}", "CPython releases, {first} to {last}"),
            ("{methods}", "start methods: {method_names}"),
        ],
        "stats_footer": "Recorded on {date}. [Every run, program by program](verified.md)",
    },
    "zh": {
        "example": "示例（启动方式）",
        "system": "操作系统",
        "python": "Python 版本",
        "summary": "共 {programs} 个程序、{runs} 次运行：{passed} 次通过，{skipped} 次跳过；"
        "运行环境为 {system}，{cpus} 个 CPU 核心，{date} 用 {pythons} 记录。",
        "with": "与",
        "skipped": "跳过",
        "skipped_with": "跳过（{method}）",
        "marks": "；",
        "why_skipped": "跳过的原因：",
        "carried": "{labels}：沿用 {date} 记录中的运行结果，只限此后没有改动过的示例；"
        "新增或改动过的示例标为 —，因为生成本记录的机器上没有这个 Python 版本。",
        "and": " 和 ",
        "comma": "、",
        "stats": [
            ("{programs}", "个程序，每个都是可以运行的文件"),
            ("{passed}", "次运行，打印的内容与页面一致"),
            ("{releases}", "个 CPython 版本，{first}～{last}"),
            ("{methods}", "种启动方式：{method_names}"),
        ],
        "stats_footer": "记录于 {date}。[逐个程序查看每一次运行](verified.md)",
    },
}


def _language(page) -> str:
    return "zh" if page.file.src_uri.endswith(".zh.md") else "en"


_METHOD_ORDER = ("fork", "spawn", "forkserver")


def _runs_table(record: dict, words: dict[str, str]) -> str:
    """One row per program, linked to the page that shows it, its start
    methods under its name (a column of their own pushed the last Python
    out of a desktop's column), then ✓ per interpreter where its runs
    passed, or "skipped"; the reasons for skipping follow the table, where
    they do not widen a column. Wrapped for site.css, which keeps file
    names whole."""
    interpreters = sorted({r["interpreter"] for r in record["runs"]}, key=_version_key(record))
    release = _releases(record)
    marks: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    methods: dict[str, set[str]] = defaultdict(set)
    together = {}
    reasons = []
    for run in record["runs"]:
        if run["outcome"] not in {"passed", "skipped"}:
            raise ValueError(f"docs/verified.json records a {run['outcome']} run: {run}")
        snippet, method, version = run["snippet"], run["start_method"], release[run["interpreter"]]
        if run["outcome"] == "passed":
            marks[snippet][run["interpreter"]].add("✓")
        else:
            marks[snippet][run["interpreter"]].add(
                words["skipped_with"].format(method=method) if method else words["skipped"]
            )
            where = ", ".join(filter(None, [version, method]))
            reasons.append(f"- `{snippet}`, {where}: {run['reason']}")
        methods[snippet].add(method or "")
        together[snippet] = run["together"]
    lines = [
        f"| {words['example']} | " + " | ".join(release[i] for i in interpreters) + " |",
        "| --- |" + " :---: |" * len(interpreters),
    ]
    for snippet in sorted(marks):
        page = record["shown_on"].get(snippet)
        name = f"[`{snippet}`]({page})" if page else f"`{snippet}`"
        name += "".join(f"<br>{words['with']} `{c}`" for c in together[snippet])
        used = ", ".join(m for m in _METHOD_ORDER if m in methods[snippet])
        name += f'<br><span class="start-methods">{used}</span>' if used else ""
        row = [
            words["marks"].join(sorted(marks[snippet].get(i, {"—"}), key=lambda m: (m != "✓", m)))
            for i in interpreters
        ]
        lines.append(f"| {name} | " + " | ".join(row) + " |")
    table = '<div class="verified-runs" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"
    carried = defaultdict(set)
    for run in record["runs"]:
        if run.get("carried_from"):
            carried[run["carried_from"]].add(run["interpreter"])
    for date, labels in sorted(carried.items()):
        names = ", ".join(release[label] for label in sorted(labels, key=_version_key(record)))
        table += "\n\n" + words["carried"].format(labels=names, date=date)
    if reasons:
        table += f"\n\n{words['why_skipped']}\n\n" + "\n".join(sorted(reasons))
    return table


def _releases(record: dict) -> dict[str, str]:
    """Each interpreter's release, as a column names it: py3.14t → 3.14.7t."""
    return {
        r["interpreter"]: r["version"] + ("t" if r["interpreter"].endswith("t") else "")
        for r in record["runs"]
    }


def pythons(record: dict, words: dict[str, str]) -> str:
    """The releases this record ran on, carried-over ones left out:
    "CPython 3.11.7, 3.12.1 and 3.13.18"."""
    ran = sorted(
        {r["interpreter"] for r in record["runs"] if not r.get("carried_from")},
        key=_version_key(record),
    )
    release = _releases(record)
    names = [release[i] for i in ran]
    listed = names[-1]
    if len(names) > 1:
        listed = words["comma"].join(names[:-1]) + words["and"] + listed
    return f"CPython {listed}"


def _version_key(record: dict):
    """3.14.10 before 3.14.7t: by minor version, then build, then release."""
    versions = {r["interpreter"]: r["version"] for r in record["runs"]}

    def key(label: str) -> tuple:
        major, minor, patch = (int(p) for p in versions[label].split("."))
        return (major, minor, label.endswith("t"), patch, label)

    return key


def _programs(runs: list[dict]) -> int:
    """The programs these runs ran: each snippet and the files run with it."""
    return len({r["snippet"] for r in runs} | {c for r in runs for c in r["together"]})


def _summary(record: dict, words: dict[str, str]) -> str:
    runs = record["runs"]
    return words["summary"].format(
        programs=_programs(runs),
        runs=len(runs),
        passed=sum(r["outcome"] == "passed" for r in runs),
        skipped=sum(r["outcome"] == "skipped" for r in runs),
        system=record["system"],
        cpus=record["cpu_count"],
        date=record["generated"],
        pythons=pythons(record, words),
    )


def stats(record: dict, words: dict) -> str:
    """The record in four numbers, each with what it counts. Only the runs
    made for this record count (not those carried over from an earlier one),
    and of them only the passing ones: a record with a failed run is refused."""
    ran = [r for r in record["runs"] if not r.get("carried_from")]
    if any(r["outcome"] not in {"passed", "skipped"} for r in ran):
        raise ValueError("docs/verified.json records a run that failed")
    release = _releases(record)
    releases = [
        release[i] for i in sorted({r["interpreter"] for r in ran}, key=_version_key(record))
    ]
    methods = [m for m in _METHOD_ORDER if any(r["start_method"] == m for r in ran)]
    values = {
        "programs": _programs(ran),
        "passed": f"{sum(r['outcome'] == 'passed' for r in ran):,}",
        "releases": len(releases),
        "first": releases[0],
        "last": releases[-1],
        "methods": len(methods),
        "method_names": words["comma"].join(f"<code>{m}</code>" for m in methods),
        "date": record["generated"],
    }
    items = "".join(
        f"<li><strong>{number.format(**values)}</strong> {text.format(**values)}</li>"
        for number, text in words["stats"]
    )
    footer = words["stats_footer"].format(**values)
    return (
        f'<ul class="home-stats">{items}</ul>\n\n<p class="home-stats-footer" markdown>{footer}</p>'
    )


def _matrix_table(workflow: Path, words: dict[str, str]) -> str:
    matrix = yaml.safe_load(workflow.read_text("utf-8"))["jobs"]["test"]["strategy"]["matrix"]
    lines = [f"| {words['system']} | {words['python']} |", "| --- | --- |"]
    lines += [f"| `{os_}` | {', '.join(matrix['python'])} |" for os_ in matrix["os"]]
    return "\n".join(lines)


def on_page_markdown(markdown: str, page, config, files) -> str:
    if "<!-- verified:" not in markdown:
        return markdown
    words = _WORDS[_language(page)]
    record = json.loads((Path(config["docs_dir"]) / "verified.json").read_text("utf-8"))
    markdown = markdown.replace("<!-- verified:pythons -->", pythons(record, words))
    markdown = markdown.replace("<!-- verified:stats -->", stats(record, words))
    if "<!-- verified:runs -->" not in markdown:
        return markdown
    workflow = Path(config.config_file_path).parent / ".github" / "workflows" / "test.yml"
    return (
        markdown.replace("<!-- verified:summary -->", _summary(record, words))
        .replace("<!-- verified:runs -->", _runs_table(record, words))
        .replace("<!-- verified:matrix -->", _matrix_table(workflow, words))
    )
