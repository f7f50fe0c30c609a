"""Timeline figures: draw a recorded trace as an inline SVG, in the page's language.

A page marks where a figure goes with a line `<!-- timeline: pool/apply_async -->`
(an HTML comment, so any other Markdown tool shows nothing there). This hook
replaces it with a <figure>: the SVG drawn from `snippets/pool/apply_async.trace.json`
(recorded from a real run by `make outputs`, see tests/checker/timeline.py),
with a <title> and a <desc> that say in words what the timeline shows, and the
caption from `pool/apply_async.timeline.toml`. Colours are Material's CSS
variables (docs/assets/site.css), so the figure follows the light and dark
schemes; waits are hatched and every span kind is named in the legend, so
colour is never the only cue. A missing trace is a build error.
"""

from __future__ import annotations

import html
import json
import math
import re
import tomllib
from pathlib import Path

import printed_by
from mkdocs.exceptions import PluginError

SNIPPETS = Path(__file__).resolve().parents[1] / "snippets"
MARKER = re.compile(r"^<!-- timeline: (?P<name>[\w/.-]+) -->$", re.MULTILINE)

# Drawing units. At a phone's 335 px wide text column the figure scales by
# 335/440, so 15-unit text is drawn at 11.4 px; site.css caps the width on
# wider screens so that it is not larger than the page's text.
WIDTH = 440
PAD = 6
FONT = 15
LANE_LABEL = 19  # height of a lane's name, above its bar
BAR = 26
LANE_GAP = 8
MIN_LABEL_WIDTH = 14  # a span narrower than this shows no label

_WORDS = {
    "en": {
        "work": "running {names}",
        "wait": "waiting ({names})",
        "hold": "holding {names}",
        "cpu": "CPU time (height: share of one CPU)",
        "axis": "time since the first span (ms)",
        "title": "Timeline of one run of {program}",
        "cut": "Recording stopped at {ms} ms.",
        "recorded": "Recorded with Python {python}{method}.",
        "method": ", start method {method}",
        "lane": "{lane}: {parts}.",
        "ran": "ran {items}",
        "ran_many": "ran {name} {count} times ({start} to {end} ms)",
        "item": "{name}{label} ({start} to {end} ms)",
        "waited": "waited in {name} for {ms} ms",
        "held": "held {name} {count} times, {ms} ms in all",
        "on_cpu": "used {ms} ms of CPU time",
        "and": " and ",
        "sep": "; ",
        "top_level": "top level",
    },
    "zh": {
        "work": "运行 {names}",
        "wait": "等待（{names}）",
        "hold": "持有 {names}",
        "cpu": "CPU 时间（高度：占一个 CPU 的比例）",
        "axis": "从第一段开始计时（毫秒）",
        "title": "{program} 一次运行的时间线",
        "cut": "记录在 {ms} ms 处停止。",
        "recorded": "用 Python {python}{method}记录。",
        "method": "、启动方式 {method} ",
        "lane": "{lane}：{parts}。",
        "ran": "运行了 {items}",
        "ran_many": "运行 {name} {count} 次（{start} 至 {end} ms）",
        "item": "{name}{label}（{start} 至 {end} ms）",
        "waited": "在 {name} 中等待 {ms} ms",
        "held": "持有 {name} {count} 次，共 {ms} ms",
        "on_cpu": "用了 {ms} ms CPU 时间",
        "and": "和",
        "sep": "；",
        "top_level": "模块顶层",
    },
}


def _language(page) -> str:
    return "zh" if page.file.src_uri.endswith(".zh.md") else "en"


def _load(name: str) -> tuple[dict, dict]:
    trace_path = SNIPPETS / f"{name}.trace.json"
    figure_path = SNIPPETS / f"{name}.timeline.toml"
    if not trace_path.exists() or not figure_path.exists():
        raise PluginError(f"timeline {name}: no {trace_path.name} (run `make outputs`)")
    trace = json.loads(trace_path.read_text("utf-8"))
    figure = tomllib.loads(figure_path.read_text("utf-8"))
    return trace, figure


def _display(name: str, words: dict[str, str]) -> str:
    return words["top_level"] if name == "<module>" else name


def _ms(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def describe(trace: dict, words: dict[str, str]) -> str:
    """The timeline in words, lane by lane, for the <desc>."""
    sentences = []
    for index, lane in enumerate(trace["lanes"]):
        spans = [s for s in trace["spans"] if s[0] == index]
        parts = []
        work = [s for s in spans if s[1] == "work"]
        for name in dict.fromkeys(s[2] for s in work):
            mine = [s for s in work if s[2] == name]
            shown = _display(name, words)
            if len(mine) <= 4:
                items = words["and"].join(
                    words["item"]
                    .format(
                        name=shown if i == 0 else "",
                        label=f" {s[3]}" if s[3] is not None else "",
                        start=_ms(s[4]),
                        end=_ms(s[5]),
                    )
                    .strip()
                    for i, s in enumerate(mine)
                )
                parts.append(words["ran"].format(items=items))
            else:
                parts.append(
                    words["ran_many"].format(
                        name=shown, count=len(mine), start=_ms(mine[0][4]), end=_ms(mine[-1][5])
                    )
                )
        for kind, template in (("wait", "waited"), ("hold", "held")):
            chosen = [s for s in spans if s[1] == kind]
            for name in dict.fromkeys(s[2] for s in chosen):
                mine = [s for s in chosen if s[2] == name]
                total = sum(s[5] - s[4] for s in mine)
                parts.append(words[template].format(name=name, count=len(mine), ms=_ms(total)))
        cpu = sum((s[5] - s[4]) * s[3] for s in spans if s[1] == "cpu")
        if cpu:
            parts.append(words["on_cpu"].format(ms=_ms(cpu)))
        sentences.append(words["lane"].format(lane=lane, parts=words["sep"].join(parts)))
    if trace.get("cut_ms") is not None:
        sentences.append(words["cut"].format(ms=_ms(trace["cut_ms"])))
    method = trace.get("start_method")
    sentences.append(
        words["recorded"].format(
            python=trace["python"], method=words["method"].format(method=method) if method else ""
        )
    )
    return " ".join(sentences)


def _ticks(end: float) -> list[float]:
    """Four to eight round numbers of milliseconds from 0 to `end`."""
    raw = end / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(int(end // step) + 1)]


def _merged(spans: list[list], scale: float) -> list[list]:
    """Spans of one lane and kind, with those too narrow to see (under 2
    units) joined to a neighbour they touch on the drawing: a lock held
    thousands of times becomes a few bars."""
    out: list[list] = []
    for span in sorted(spans, key=lambda s: s[4]):
        narrow = (span[5] - span[4]) * scale < 2 or (out and (out[-1][5] - out[-1][4]) * scale < 2)
        if out and narrow and out[-1][2] == span[2] and (span[4] - out[-1][5]) * scale < 1:
            out[-1] = [*out[-1][:3], None, out[-1][4], max(out[-1][5], span[5])]
        else:
            out.append(list(span))
    return out


def _fitting(label: str, width: float) -> str:
    """The label, cut with an ellipsis to what fits in `width` units."""
    room = int((width - 6) / (FONT * 0.6))
    return label if len(label) <= room else label[: max(room - 1, 1)] + "…"


def _rect(kind: str, x: float, y: float, width: float, height: float) -> str:
    return f'<rect class="tl-{kind}" x="{x}" y="{y}" width="{round(width, 1)}" height="{height}"/>'


def _text(x: float, y: float, content: str, extra: str = "", anchor: str = "start") -> str:
    anchored = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return f'<text class="tl-text{extra}" x="{x}" y="{y}"{anchored}>{html.escape(content)}</text>'


# How each kind of span sits in its lane's bar: offset from the top, height.
# A work span's label sits in its upper part; CPU time is a strip along the
# bottom, under the label.
# A lock held is a band along the top, so that a wait inside the hold (a
# deadlock) still shows below it.
_PLACES = {"work": (0, BAR), "wait": (10, BAR - 13), "hold": (3, 6), "cpu": (0, 0)}
CPU_HEIGHT = 10  # a bin that used a whole CPU; the strip sits at the bar's foot


def draw(name: str, trace: dict, figure: dict, language: str) -> str:
    """The <figure> for one trace, in one language."""
    words = _WORDS[language]
    ident = "timeline-" + re.sub(r"[^\w-]", "-", name)
    end = trace.get("cut_ms") or max(s[5] for s in trace["spans"])
    scale = (WIDTH - 2 * PAD) / end

    def x(t: float) -> float:  # what went on after a cut is not drawn
        return round(PAD + min(t, end) * scale, 1)

    kinds = [k for k in _PLACES if any(s[1] == k for s in trace["spans"])]
    # A box shows the call's first argument where the function is called
    # more than once (which task, which item); where a figure draws several
    # functions, a box without one says which function it is.
    work = [s[2] for s in trace["spans"] if s[1] == "work"]
    several = len(set(work)) > 1
    repeated = {name for name in work if work.count(name) > 1}
    parts: list[str] = []
    # The legend: a swatch and its words for each kind of span drawn.
    y = 4
    for kind in kinds:
        shown = dict.fromkeys(_display(s[2], words) for s in trace["spans"] if s[1] == kind)
        legend = words[kind].format(names=", ".join(shown))
        parts += [_rect(kind, PAD, y, FONT, FONT), _text(PAD + FONT + 6, y + FONT - 2, legend)]
        y += FONT + 8
    y += 4
    # Where locks or CPU time fill the bars, a lane whose calls all have the
    # same first argument shows it in its name instead (T1, T2).
    crowded = any(s[1] in ("hold", "cpu") for s in trace["spans"])
    for index, lane in enumerate(trace["lanes"]):
        labels = {s[3] for s in trace["spans"] if s[0] == index and s[1] == "work"}
        titled = crowded and len(labels) == 1 and None not in labels
        title = f"{lane}: {next(iter(labels))}" if titled else lane
        parts.append(_text(PAD, y + FONT, title, " tl-lane"))
        y += LANE_LABEL + 4
        parts.append(_rect("track", PAD, y, WIDTH - 2 * PAD, BAR))
        spans = [s for s in trace["spans"] if s[0] == index]
        for kind, (top, height) in _PLACES.items():
            chosen = [s for s in spans if s[1] == kind]
            for s in chosen if kind == "cpu" else _merged(chosen, scale):
                left, width = x(s[4]), max(x(s[5]) - x(s[4]), 1.0)
                if kind == "cpu":  # as tall as the share of one CPU it used
                    top, height = BAR - 2 - round(CPU_HEIGHT * s[3], 1), round(CPU_HEIGHT * s[3], 1)
                parts.append(_rect(kind, left, y + top, width, height))
                label = s[3] if s[3] is not None and s[2] in repeated and not titled else None
                if label is None and several:
                    label = _display(s[2], words)
                if kind != "work" or label is None:
                    continue
                if width >= MIN_LABEL_WIDTH:
                    text = _fitting(str(label), width)
                    parts.append(_text(round(left + 3, 1), y + FONT + 1, text, " tl-span"))
                else:  # too narrow to hold it: beside the box, where there is room
                    room_right = WIDTH - PAD - (left + width) > len(str(label)) * FONT * 0.6 + 4
                    at, anchor = (left + width + 3, "start") if room_right else (left - 3, "end")
                    parts.append(
                        _text(round(at, 1), y + FONT + 1, str(label), " tl-span", anchor=anchor)
                    )
        y += BAR + LANE_GAP
    # The axis: milliseconds from the first span.
    y += 2
    parts.append(f'<line class="tl-axis" x1="{PAD}" y1="{y}" x2="{WIDTH - PAD}" y2="{y}"/>')
    for tick in _ticks(end):
        tx = x(tick)
        anchor = "start" if tick == 0 else "end" if tx > WIDTH - 30 else "middle"
        parts.append(f'<line class="tl-axis" x1="{tx}" y1="{y}" x2="{tx}" y2="{y + 5}"/>')
        parts.append(_text(tx, y + 6 + FONT, f"{tick:g}", anchor=anchor))
    y += 6 + FONT + 6
    parts.append(_text(PAD, y + FONT, words["axis"]))
    y += FONT + 6
    title = words["title"].format(program=name.rsplit("/", 1)[-1] + ".py")
    hatch = (
        f'<defs><pattern id="{ident}-hatch" class="tl-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6"/></pattern></defs>'
    )
    svg = (
        f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'viewBox="0 0 {WIDTH} {y}" xmlns="http://www.w3.org/2000/svg" '
        f'style="--tl-hatch: url(#{ident}-hatch)">'
        f'<title id="{ident}-title">{html.escape(title)}</title>'
        f'<desc id="{ident}-desc">{html.escape(describe(trace, words))}</desc>'
        f"{hatch}{''.join(parts)}</svg>"
    )
    caption = figure.get("caption", {}).get(language, "")
    source = printed_by.label(trace["python"], trace.get("start_method"))
    return (
        f'<figure class="timeline" id="{ident}">{svg}'
        f'<figcaption>{html.escape(caption)} <span class="printed-by">{source}</span>'
        "</figcaption></figure>"
    )


def on_page_markdown(markdown: str, page, config, files) -> str:
    language = _language(page)

    def figure(match: re.Match[str]) -> str:
        trace, declaration = _load(match["name"])
        return draw(match["name"], trace, declaration, language)

    return MARKER.sub(figure, markdown)
