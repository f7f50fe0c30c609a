"""Timeline figures: draw a recorded trace as an inline SVG, in the page's language.

A page marks where a figure goes with a line `<!-- timeline: pool/apply_async -->`
(an HTML comment, so any other Markdown tool shows nothing there). This hook
replaces it with a <figure>: a title line (the program, and the Python and
start method that ran it), a legend of the states it draws, the SVG drawn
from `snippets/pool/apply_async.trace.json` (recorded from a real run by
`make outputs`, see tests/checker/timeline.py) with a <title> and a <desc>
that say in words what happened, and the caption from
`pool/apply_async.timeline.toml`.

What each lane was doing comes from hooks/timeline_lanes.py, the words in
each language from hooks/timeline_words.py. Across the figure, times are
percentages of its width while text keeps the page's size, so the figure
fills the text column on any screen. Whether a label fits in its box is
decided for the narrowest column, a phone's; tests/browser proves that no
two labels meet, at a phone's width and a desktop's. Each state has its own
colour and pattern (docs/assets/site.css), so colour is never the only cue.
A missing trace is a build error.
"""

from __future__ import annotations

import html
import json
import math
import re
import tomllib
from dataclasses import replace
from pathlib import Path

import printed_by
import timeline_lanes
import timeline_words
from mkdocs.exceptions import PluginError
from timeline_lanes import DRAWN, STATES, Item, Lane

SNIPPETS = Path(__file__).resolve().parents[1] / "snippets"
MARKER = re.compile(r"^<!-- timeline: (?P<name>[\w/.-]+) -->$", re.MULTILINE)

# Sizes in CSS pixels. Widths are decided for NARROW, the text column of a
# 375 px phone; the figure is wider everywhere else, so what fits there fits.
NARROW = 335
FONT = 13  # as site.css draws .tl-text
LANE_NAME = 18  # a lane's name, above its bar
BAR = 22
LANE_GAP = 13
MIN_PX = 4  # a box narrower than this at NARROW is drawn this wide
TOLD = "\0told"  # an item's name when its label is the words to show


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


def text_width(text: str) -> float:
    """About how wide `text` is at FONT px: wide for CJK, a little generous
    for Latin letters and digits, so that an estimate never falls short."""
    return sum(FONT if ord(c) >= 0x2E80 else FONT * 0.62 for c in text)


def _ticks(start: float, end: float) -> list[float]:
    """Round numbers of milliseconds from `start` to `end`: at most six, so
    that their labels stay apart on a phone."""
    raw = (end - start) / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(start / step) * step
    return [first + i * step for i in range(int((end - first) // step) + 1)]


def _pct(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _text(x: str, y: float, content: str, extra: str = "", anchor: str = "start", dx=0) -> str:
    anchored = "" if anchor == "start" else f' text-anchor="{anchor}"'
    shift = f' dx="{dx}"' if dx else ""
    return (
        f'<text class="tl-text{extra}" x="{x}" y="{y}"{shift}{anchored}>'
        f"{html.escape(content)}</text>"
    )


class _Scale:
    """Milliseconds to a share of the figure's width, for the window drawn."""

    def __init__(self, start: float, end: float) -> None:
        self.start, self.end = start, end

    def share(self, t: float) -> float:
        return (min(max(t, self.start), self.end) - self.start) / (self.end - self.start)

    def px(self, a: float, b: float) -> float:
        """How wide the time from `a` to `b` is on a phone."""
        return (self.share(b) - self.share(a)) * NARROW


def _merged(items: list, scale: _Scale) -> list:
    """Boxes of one state in one lane, with those too narrow to see on a
    phone joined to a neighbour they touch there: a lock held thousands of
    times becomes a few bars."""
    out: list = []
    for item in sorted(items, key=lambda i: i.start):
        last = out[-1] if out else None
        narrow = scale.px(item.start, item.end) < 2 or (last and scale.px(last.start, last.end) < 2)
        if last and narrow and last.height == item.height and scale.px(last.end, item.start) < 1:
            out[-1] = replace(last, end=max(last.end, item.end), label=None)
        else:
            out.append(item)
    return out


def _sections(trace: dict, declaration: dict, language: str, scale: _Scale) -> list:
    """Where each part of the run begins, and its name: a new part at each
    call of the declared function. A name must fit its part on a phone."""
    declared = declaration.get("sections")
    if not declared:
        return []
    starts = sorted(s[4] for s in trace["spans"] if s[1] == "work" and s[2] == declared["span"])
    starts[0] = scale.start
    found = list(zip(starts, declared[language], strict=True))
    for n, (at, section) in enumerate(found):
        until = found[n + 1][0] if n + 1 < len(found) else scale.end
        if text_width(f"{n + 1} · {section}") + 8 > scale.px(at, until):
            raise PluginError(f"section {section!r} is too long for its part of the figure")
    return found


class _Drawing:
    """The SVG's parts, top to bottom, as they are laid out."""

    def __init__(self, trace: dict, declaration: dict, language: str) -> None:
        self.declaration = declaration
        self.words = timeline_words.WORDS[language]
        self.parts: list[str] = []
        self.y = 2.0
        self.widened = 0.0  # the shortest time a box was widened to show, if any
        # A box shows the call's first argument where the function is called
        # more than once (which task, which item); where a figure draws
        # several functions, a box without one says which function it is.
        # Where locks or CPU time fill the bars, a lane whose calls all have
        # the same first argument shows it in its name instead (T1, T2).
        work = [s[2] for s in trace["spans"] if s[1] == "work"]
        self.several = len(set(work)) > 1
        self.repeated = {n for n in work if work.count(n) > 1}
        self.crowded = any(s[1] in ("hold", "cpu") for s in trace["spans"])
        # The calls an enlargement tells about are not labelled at full scale.
        zoom = declaration.get("zoom", {})
        self.hidden = {zoom["lost_update"]} if "lost_update" in zoom else set()

    def text(self, content: str, extra: str = "") -> None:
        """A line of text across the figure; it must fit on a phone."""
        if text_width(content) > NARROW:
            raise PluginError(f"timeline text too wide for a phone: {content!r}")
        self.parts.append(_text("0", self.y + FONT, content, extra))
        self.y += FONT + 6

    def sections(self, sections: list, scale: _Scale) -> None:
        self.y += FONT + 2
        for n, (at, section) in enumerate(sections, start=1):
            x = _pct(scale.share(at) * 100)
            self.parts.append(_text(x, self.y, f"{n} · {section}", " tl-section", dx=4))
        self.y += 10

    def lanes(self, lanes: list[Lane], scale: _Scale) -> None:
        words = self.words
        for lane in lanes:
            labels = {
                i.label
                for i in lane.items
                if i.name and i.name not in (TOLD, *self.hidden) and i.state in ("run", "ready")
            }
            titled = self.crowded and len(labels) == 1 and None not in labels
            if lane.count:
                title = words["count_lane"].format(
                    name=lane.name, most=self.declaration["count"]["most"]
                )
            elif lane.loop:
                title = lane.name
            else:
                title = f"{lane.name}: {next(iter(labels))}" if titled else lane.name
            self.text(title, " tl-lane")
            self.y -= 3
            self.parts.append(
                f'<rect class="tl-track" x="0" y="{self.y}" width="100%" height="{BAR}"/>'
            )
            self.parts += self.boxes(lane, scale, titled)
            self.y += BAR + LANE_GAP

    def label(self, item, lane: Lane, titled: bool) -> str | None:
        if lane.count or lane.loop:
            return item.label
        if not item.name:
            return None
        if item.name == TOLD:
            return item.label
        if item.name in self.hidden:
            return None
        if item.name in lane.name:  # the lane's name says it already
            return item.label if item.name in self.repeated and not titled else None
        if item.label is not None and item.name in self.repeated and not titled:
            return item.label
        if not self.several:
            return None
        return self.words["top_level"] if item.name == "<module>" else item.name

    def boxes(self, lane: Lane, scale: _Scale, titled: bool) -> list[str]:
        """The lane's boxes, then the labels that fit in them on a phone, over
        everything. Running is drawn only where the thread did not wait; a
        step too short to see is drawn MIN_PX wide and over the waits: the
        moment a thread ran (took a result, ticked) is the point."""
        parts, labels, moments, y = [], [], [], self.y
        waits = [i for i in lane.items if i.state in ("blocked", "sleep")]
        for state in DRAWN:
            items = [i for i in lane.items if i.state == state and i.end > scale.start]
            if state == "run" and not lane.count:
                items = [i for i in timeline_lanes.running(lane) if i.end > scale.start]
            for item in _merged(items, scale):
                left = scale.share(item.start)
                width = scale.share(item.end) - left
                widened = width * NARROW < MIN_PX
                if widened:
                    if scale.px(item.start, item.end) < MIN_PX - 0.5:
                        shortest = (scale.end - scale.start) * MIN_PX / NARROW
                        self.widened = max(self.widened, shortest)
                    width = MIN_PX / NARROW
                kind = "count" if lane.count else state
                height = round(BAR * item.height, 1) if state == "run" else BAR
                top = y + BAR - height
                if state == "hold":  # a band along the top, over what it holds
                    top, height = y, 7
                rect = (
                    f'<rect class="tl-{kind}" x="{_pct(left * 100)}" y="{round(top, 1)}" '
                    f'width="{_pct(width * 100)}" height="{height}"/>'
                )
                (moments if widened and state == "run" else parts).append(rect)
        for item in lane.items:
            label = self.label(item, lane, titled)
            if not label or item.end <= scale.start:
                continue
            left = scale.share(item.start)
            right = max(scale.share(item.end), left + MIN_PX / NARROW)
            if (right - left) * NARROW < text_width(label) + 6:
                continue
            under = any(w.start < item.end and w.end > item.start for w in waits)
            solid = item.state == "run" and item.height == 1 and not lane.count and not under
            text = _text(
                _pct(left * 100), y + BAR - 6, label, " tl-on-run" if solid else " tl-span", dx=3
            )
            labels.append(text.replace("<text ", f'<text data-until="{_pct(right * 100)}" ', 1))
        return parts + moments + labels

    def axis(self, scale: _Scale) -> None:
        """Milliseconds since the program's first traced step; a zigzag at
        its start where the figure leaves out the beginning."""
        y = self.y + 2
        self.parts.append(f'<line class="tl-axis" x1="0" y1="{y}" x2="100%" y2="{y}"/>')
        cut = scale.start > 0
        if cut:
            self.parts.append(f'<path class="tl-break" d="M0 {y + 6} l4 -12 M5 {y + 6} l4 -12"/>')
        ticks = _ticks(scale.start, scale.end)
        for tick in ticks:
            share = scale.share(tick)
            if cut and share * NARROW < 16:
                continue  # the zigzag's place
            anchor = "start" if share == 0 else "end" if share * NARROW > NARROW - 20 else "middle"
            x = _pct(share * 100)
            self.parts.append(f'<line class="tl-axis" x1="{x}" y1="{y}" x2="{x}" y2="{y + 5}"/>')
            label = f"{tick:g}" if ticks[-1] >= 1 else f"{tick:.2f}"
            self.parts.append(_text(x, y + 6 + FONT, label, anchor=anchor))
        self.y = y + 6 + FONT + 6
        self.text(self.words["axis"], " tl-axis-title")


def draw(name: str, trace: dict, declaration: dict, language: str) -> str:
    """The <figure> for one trace, in one language."""
    words = timeline_words.WORDS[language]
    ident = "timeline-" + re.sub(r"[^\w-]", "-", name)
    scale = _Scale(*timeline_lanes.window(trace, declaration))
    lanes = timeline_lanes.lanes(trace, declaration, language)
    for lane in lanes:  # named in the page's language
        if lane.count:
            lane.name = declaration["count"][language]
        elif lane.loop:
            lane.name = words["loop"]
    sections = _sections(trace, declaration, language, scale)
    drawing = _Drawing(trace, declaration, language)
    notes = []
    if sections:
        drawing.sections(sections, scale)
    top = drawing.y + LANE_NAME
    drawing.lanes(lanes, scale)
    lost = None
    if "lost_update" in declaration.get("zoom", {}):  # mark the part enlarged below
        lost = _lost_pair(trace, declaration["zoom"]["lost_update"])
        left, right = scale.share(lost[2].start), scale.share(lost[2].end)
        drawing.parts.append(
            f'<rect class="tl-zoom-mark" x="{_pct(left * 100)}" y="{top - 4}" '
            f'width="{_pct(max(right - left, MIN_PX / NARROW) * 100)}" '
            f'height="{drawing.y - LANE_GAP - top + 8}"/>'
        )
    for at, _ in sections[1:]:  # a divider between the parts, over every lane
        x = _pct(scale.share(at) * 100)
        drawing.parts.append(
            f'<line class="tl-divider" x1="{x}" y1="2" x2="{x}" y2="{drawing.y - LANE_GAP}"/>'
        )
    drawing.axis(scale)
    if scale.start > 0:
        notes.append(
            words["cut_note"].format(
                ms=timeline_words.ms(scale.start), why=declaration["start_at"][language]
            )
        )
    zoom = declaration.get("zoom", {})
    told = ""
    if "lost_update" in zoom:
        told = _lost_update(trace, lost, drawing)
        notes.insert(0, told)
    if "steps" in zoom:  # the first steps again, enlarged: too short to see at full scale
        steps = sorted(s[5] for s in trace["spans"] if s[1] == "work")
        until = steps[zoom["steps"] - 1] * 1.08
        drawing.y += 10
        drawing.text(words["zoom"].format(ms=timeline_words.ms(until)), " tl-section")
        near = _Scale(0.0, until)
        drawing.lanes([lane for lane in lanes if not lane.loop and not lane.count], near)
        drawing.axis(near)
    if drawing.widened:
        notes.append(words["widened"].format(ms=timeline_words.ms(drawing.widened)))
    program = name.rsplit("/", 1)[-1] + ".py"
    title = words["title"].format(program=program)
    source = printed_by.label(trace["python"], trace.get("start_method"))
    description = timeline_words.describe(lanes, trace, sections, words)
    if told:
        description += " " + told
    svg = (
        f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" width="100%" '
        f'height="{drawing.y}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{html.escape(title)} · {source}</title>'
        f'<desc id="{ident}-desc">{html.escape(description)}</desc>'
        f'{_patterns(ident)}<g style="--hatch: url(#{ident}-sleep); '
        f'--cross: url(#{ident}-blocked); --dots: url(#{ident}-ready)">'
        f"{''.join(drawing.parts)}</g></svg>"
    )
    drawn = [ln for ln in lanes if not ln.count]
    used = [s for s in STATES if any(i.state == s for ln in drawn for i in ln.items)]
    sampled = any(i.height < 1 for ln in drawn for i in ln.items if i.state == "run")
    legend = (
        "".join(
            f'<li><span class="tl-key tl-key-{s}"></span>'
            f"{html.escape(timeline_words.legend_key(s, lanes, sampled, words))}</li>"
            for s in used
        )
        + f'<li><span class="tl-key tl-key-idle"></span>{html.escape(words["idle"])}</li>'
    )
    caption = declaration.get("caption", {}).get(language, "")
    noted = "".join(f'<p class="tl-note">{html.escape(n)}</p>' for n in notes)
    return (
        f'<figure class="timeline" id="{ident}">'
        f'<p class="tl-title"><strong>{html.escape(title)}</strong> '
        f'<span class="tl-source">· {source}</span></p>'
        f'<ul class="tl-legend">{legend}</ul>{svg}{noted}'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def _lost_pair(trace: dict, function: str) -> tuple[list, list, _Scale]:
    """The lost update to enlarge, and the part of the run to show: best one
    where the first thread's late write put the balance back below what the
    other had read (it threw away updates that are counted); the shortest."""
    pairs = timeline_lanes.lost_updates(trace, function)
    if not pairs:
        raise PluginError(f"no lost update in the trace to enlarge ({function})")

    a, b = min(pairs, key=lambda pair: (not _dropped(*pair), pair[0][5] - pair[0][4]))
    span = a[5] - a[4]
    return a, b, _Scale(a[4] - span * 0.1, a[5] + span * 0.6)  # room for the labels after


def _lost_update(trace: dict, pair: tuple, drawing: _Drawing) -> str:
    """One lost update, enlarged: what one thread read, what it wrote when it
    came back, and what another thread had read meanwhile. Returns the same
    in words."""
    words = drawing.words
    a, b, near = pair
    wrote = str(int(a[3]) + 1)
    first, second = trace["lanes"][a[0]], trace["lanes"][b[0]]
    lanes = [
        Lane(
            first,
            [
                Item("ready", a[4], a[5], words["read"].format(value=a[3]), name=TOLD),
                Item("run", a[5], near.end, words["wrote"].format(value=wrote), name=TOLD),
            ],
        ),
        Lane(second, [Item("ready", b[4], b[5], words["read"].format(value=b[3]), name=TOLD)]),
    ]
    drawing.y += 10
    drawing.text(words["zoom_lost"], " tl-section")
    drawing.lanes(lanes, near)
    drawing.axis(near)
    told = dict(
        a=first,
        read=a[3],
        at=timeline_words.ms(a[4]),
        wrote=wrote,
        until=timeline_words.ms(a[5]),
        b=second,
        later=b[3],
        then=timeline_words.ms(b[4]),
        lost=int(b[3]) - int(a[3]) - 1,
    )
    return words["lost_drop" if _dropped(a, b) else "lost"].format(**told)


def _dropped(a: list, b: list) -> bool:
    """a's thread wrote before b's and below what b had read: its write
    threw away the updates between, which the values count."""
    return a[5] < b[5] and int(b[3]) > int(a[3]) + 1


def _patterns(ident: str) -> str:
    """The fills that tell states apart without colour: diagonal lines for
    sleeping, a cross-hatch for blocked, dots for ready."""
    return (
        f'<defs><pattern id="{ident}-sleep" class="tl-pattern-sleep" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6"/><line x1="0" y1="0" x2="0" y2="6"/></pattern>'
        f'<pattern id="{ident}-blocked" class="tl-pattern-blocked" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6"/><path d="M0 0v6M0 0h6"/></pattern>'
        f'<pattern id="{ident}-ready" class="tl-pattern-ready" width="5" height="5" '
        'patternUnits="userSpaceOnUse"><rect width="5" height="5"/>'
        '<circle cx="2.5" cy="2.5" r="1"/></pattern></defs>'
    )


def on_page_markdown(markdown: str, page, config, files) -> str:
    language = _language(page)

    def figure(match: re.Match[str]) -> str:
        trace, declaration = _load(match["name"])
        return draw(match["name"], trace, declaration, language)

    return MARKER.sub(figure, markdown)
