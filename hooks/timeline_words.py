"""The words of a timeline figure, in each language, and the figure told in words.

The legend names the states (hooks/timeline_lanes.py) as a reader would say
them; the description, read by a screen reader and shown under the figure
on request, says lane by lane what happened and when, with the numbers a
sighted reader would take from the drawing. Intervals too short to see are
left out of it too, and a state that recurs is summed up, not listed.
"""

from __future__ import annotations

from timeline_lanes import STATES, Lane, running

WORDS = {
    "en": {
        "run": "running",
        "idle": "not started yet, or finished",
        "run_cpu": "running on a CPU (height: share of one CPU)",
        "ready": "ready, but not running",
        "blocked": "blocked: waiting for {names}",
        "sleep": "sleeping or waiting for I/O: {names}",
        "hold": "holding {names}",
        "axis": "ms since start",
        "cut_note": "The axis begins at {ms} ms: until then, {why} (not drawn).",
        "widened": "Boxes shorter than {ms} ms are drawn wider, so that they can be seen.",
        "zoom": "The first {ms} ms, enlarged",
        "zoom_lost": "The dashed box, enlarged: one lost update",
        "lost_drop": (
            "Enlarged: {a} read the balance as {read} at {at} ms and was switched out inside "
            "add(). At {then} ms {b} read {later}. When {a} came back and wrote {wrote}, at "
            "{until} ms, it threw away the {lost} or more updates made since its read."
        ),
        "read": "read {value}",
        "wrote": "wrote {value}",
        "lost": (
            "Enlarged: {a} read the balance as {read} at {at} ms and was switched out inside "
            "add(). Before it wrote {wrote}, at {until} ms, {b} read {later} at {then} ms. "
            "Neither read includes the other thread's update, so whichever writes later "
            "throws the other's away."
        ),
        "title": "{program}, one run, traced",
        "loop": "event loop (one thread)",
        "count_lane": "{name} (0 to {most})",
        "said": {
            "run": "running",
            "run_cpu": "on a CPU",
            "ready": "ready but not running",
            "blocked": "blocked in {names}",
            "sleep": "sleeping in {names}",
            "hold": "holding {names}",
        },
        "spans": "{a} to {b} ms",
        "moment": "at {a} ms",
        "many": "{n} times between {a} and {b} ms, {total} ms in all",
        "count": "{name}: at most {most} at once.",
        "lane": "{lane}: {parts}.",
        "section": "Part {n}, {name}, from {ms} ms.",
        "and": ", ",
        "sep": "; ",
        "names": ", ",  # between the names a legend key lists
        "cut": "Recording stopped at {ms} ms.",
        "top_level": "top level",
    },
    "zh": {
        "run": "运行",
        "idle": "尚未开始，或已结束",
        "run_cpu": "在 CPU 上运行（高度：占一个 CPU 的比例）",
        "ready": "就绪，等着运行",
        "blocked": "阻塞：等待 {names}",
        "sleep": "休眠或等待 I/O：{names}",
        "hold": "持有 {names}",
        "axis": "从开始算起的毫秒数",
        "cut_note": "横轴从 {ms} ms 开始：此前是{why}（未画出）。",
        "widened": "短于 {ms} ms 的方块画宽了一些，好让它看得见。",
        "zoom": "放大：开头的 {ms} ms",
        "zoom_lost": "放大上图虚线框：一次丢失的更新",
        "lost_drop": (
            "放大部分：{a} 在 {at} ms 读到余额 {read}，随即在 add() 里被切换出去。"
            "{then} ms 时 {b} 读到 {later}。等 {a} 回来，在 {until} ms 写回 {wrote}，"
            "就把它读取之后的至少 {lost} 次更新一笔勾销了。"
        ),
        "read": "读到 {value}",
        "wrote": "写回 {value}",
        "lost": (
            "放大部分：{a} 在 {at} ms 读到余额 {read}，随即在 add() 里被切换出去；"
            "它在 {until} ms 写回 {wrote} 之前，{b} 已在 {then} ms 读到 {later}。"
            "两次读取都不包含对方的更新，所以后写的那一方会把另一方的更新冲掉。"
        ),
        "title": "{program}：一次运行的实测记录",
        "loop": "事件循环（同一个线程）",
        "count_lane": "{name}（0～{most}）",
        "said": {
            "run": "运行",
            "run_cpu": "在 CPU 上",
            "ready": "就绪、等着运行",
            "blocked": "阻塞在 {names}",
            "sleep": "休眠在 {names}",
            "hold": "持有 {names}",
        },
        "spans": "{a}～{b} ms",
        "moment": "在 {a} ms",
        "many": "在 {a}～{b} ms 之间 {n} 次，共 {total} ms",
        "count": "{name}：同一时刻最多 {most} 个。",
        "lane": "{lane}：{parts}。",
        "section": "第 {n} 部分，{name}，从 {ms} ms 开始。",
        "and": "，",
        "sep": "；",
        "names": "、",
        "cut": "记录在 {ms} ms 处停止。",
        "top_level": "模块顶层",
    },
}

SHORTEST_MS = 0.05  # an interval shorter than this is not told


def ms(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 10:
        return f"{value:.0f}"
    return f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"


def names_in(lanes: list[Lane], state: str, sep: str = ", ") -> str:
    """The waits (or locks) drawn in a state, as a legend names them."""
    found = dict.fromkeys(
        item.label
        for lane in lanes
        if not lane.count
        for item in lane.items
        if item.state == state and item.label
    )
    return sep.join(found)


def legend_key(state: str, lanes: list[Lane], sampled: bool, words: dict) -> str:
    if state == "run" and sampled:
        return words["run_cpu"]
    return words[state].format(names=names_in(lanes, state, words["names"]))


def _intervals(lane: Lane, state: str, height: bool = False) -> list[tuple[float, float, float]]:
    """The lane's intervals in a state, where no later-drawn state lies over
    them (a wait inside a call is not running), touching ones joined; with
    `height`, weighted by it (CPU time)."""
    pieces = running(lane) if state == "run" else [i for i in lane.items if i.state == state]
    joined: list[list[float]] = []
    for item in sorted(pieces, key=lambda i: i.start):
        weight = (item.end - item.start) * (item.height if height else 1.0)
        if joined and item.start <= joined[-1][1] + 0.01:
            joined[-1][1] = max(joined[-1][1], item.end)
            joined[-1][2] += weight
        else:
            joined.append([item.start, item.end, weight])
    shortest = 0 if state == "hold" else SHORTEST_MS  # a lock's holds are short and the point
    return [(a, b, w) for a, b, w in joined if b - a >= shortest]


def describe(lanes: list[Lane], trace: dict, sections: list[tuple[float, str]], words: dict) -> str:
    """The figure in words: each lane's states with when and how long."""
    said = words["said"]
    sentences = [
        words["section"].format(n=n, name=name, ms=ms(at))
        for n, (at, name) in enumerate(sections, start=1)
    ]
    for lane in lanes:
        if lane.count:
            most = max((int(i.label) for i in lane.items), default=0)
            sentences.append(words["count"].format(name=lane.name, most=most))
            continue
        sampled = any(i.state == "run" and i.height < 1 for i in lane.items)
        parts = []
        for state in STATES:
            spans = _intervals(lane, state, height=sampled and state == "run")
            if not spans:
                continue
            key = "run_cpu" if sampled and state == "run" else state
            names = ", ".join(
                dict.fromkeys(i.label for i in lane.items if i.state == state and i.label)
            )
            what = said[key].format(names=names)
            if len(spans) <= 3:
                told = words["and"].join(
                    words["spans" if ms(a) != ms(b) else "moment"].format(a=ms(a), b=ms(b))
                    for a, b, _ in spans
                )
            else:
                total = sum(w for _, _, w in spans)
                told = words["many"].format(
                    n=len(spans), a=ms(spans[0][0]), b=ms(spans[-1][1]), total=ms(total)
                )
            parts.append(f"{what} {told}")
        if parts:
            sentences.append(words["lane"].format(lane=lane.name, parts=words["sep"].join(parts)))
    if trace.get("cut_ms") is not None:
        sentences.append(words["cut"].format(ms=ms(trace["cut_ms"])))
    return " ".join(sentences)
