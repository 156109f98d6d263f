"""Charts as inline SVG strings: one metric over periods as a line chart, zones side by side as bars.

No JavaScript and no external reference, so the SVG fits an offline page under a strict Content-Security-Policy.
All text is escaped (characters XML forbids are dropped); notes are native ``<title>`` tooltips. The same input
gives the byte-identical string: coordinates carry at most one decimal.

>>> number(182.90), number(0.125), number(-3.0)
('182.9', '0.13', '-3')
>>> "无数据 no data" in bar_chart([], title="规上工业增加值", unit="亿元")
True
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
NO_DATA = "无数据 no data"
MIN_WIDTH, MIN_HEIGHT = 320, 160
TICK_STEPS = (1.0, 2.0, 2.5, 5.0)  # × 10^k
MAX_TICKS = 6
LINE_PAD = {"left": 56, "right": 24, "top": 68, "bottom": 28}
BAR_ROW, BAR_THICK, BAR_TOP, BAR_BOTTOM = 24, 16, 36, 12
BAR_COLOURS = {False: "#4e79a7", True: "#e15759"}
INK = {"text": "#333333", "muted": "#666666", "grid": "#e3e3e3", "axis": "#999999", "paper": "#ffffff"}
_CENT = Decimal("0.01")
_WIDE_CONTEXT = Context(prec=400)  # enough digits for any finite float quantized to cents
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Point:
    """One figure on a line chart."""

    x: str
    value: float
    kind: str = "actual"
    growth: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Bar:
    """One bar of a bar chart."""

    label: str
    value: float
    note: str = ""
    highlight: bool = False


STYLES: dict[str, dict[str, str]] = {  # per kind: colour, stroke-dasharray attribute, legend text
    "actual": {"colour": "#1f5fa8", "dash": "", "legend": "实际 actual"},
    "estimate": {"colour": "#d9822b", "dash": ' stroke-dasharray="6 4"', "legend": "预计 estimate"},
    "target": {"colour": "#2e8b57", "dash": ' stroke-dasharray="2 3"', "legend": "目标 target"},
    "share": {"colour": "#7b4fa0", "dash": "", "legend": "占比 share"},
}


def number(value: float) -> str:
    """A figure as people write it: 182.9, 40, 5077.76, -3.5 (no exponent, no trailing zeros, at most 2 decimals).

    Rounding is half away from zero on the shortest decimal form of the float (what ``repr`` shows), so 0.125
    gives "0.13" and 2.675 gives "2.68", as a reader would round; -0.001 gives "0". NaN or infinity: ValueError.

    >>> number(1e9), number(5077.76), number(-0.004)
    ('1000000000', '5077.76', '0')
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    cents = Decimal(repr(float(value))).quantize(_CENT, rounding=ROUND_HALF_UP, context=_WIDE_CONTEXT)
    text = f"{cents:f}".rstrip("0").rstrip(".")  # quantized to cents, so there is always a point
    return "0" if text == "-0" else text


def escape(text: object) -> str:
    """Text safe inside an element or a quoted attribute: escaped, XML-forbidden characters dropped."""
    return html.escape(_NOT_XML.sub("", str(text)), quote=True)


def _f(value: float) -> str:
    """A coordinate with at most one decimal: 12.0 → "12", 3.25 → "3.2" (round half even)."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _width(text: str, size: float) -> float:
    """Estimated width in pixels of ``text`` at font ``size``: CJK full width, the rest 0.6 em."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


def _fit(text: str, room: float, size: float) -> str:
    """``text`` cut with "…" so that it fits ``room`` pixels at font ``size``."""
    if _width(text, size) <= room:
        return text
    while text and _width(text + "…", size) > room:
        text = text[:-1]
    return text + "…"


def _text(x: float, y: float, content: str, cls: str, *, size: int = 11, anchor: str = "start",
          fill: str = INK["text"], extra: str = "") -> str:
    """One ``<text>`` element, its content escaped."""
    return (f'<text class="{cls}" x="{_f(x)}" y="{_f(y)}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{fill}"{extra}>{escape(content)}</text>')


def _tooltip(note: str) -> str:
    """A native hover tooltip, or nothing for an empty note."""
    return f"<title>{escape(note)}</title>" if note else ""


def _svg(kind: str, title: str, width: int, height: int, body: list[str]) -> str:
    """The root ``<svg>`` element around ``body``, the title written at the top."""
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" role="img" aria-label="{escape(title)}" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family=\'{FONT}\'>')
    heading = _text(8, 20, title, "title", size=14, extra=' font-weight="bold"')
    return "".join([head, heading, *body, "</svg>"])


def _empty(kind: str, title: str, width: int) -> str:
    """A small SVG that says there is nothing to draw."""
    note = _text(width / 2, 46, NO_DATA, "empty", size=12, anchor="middle", fill=INK["muted"])
    return _svg(f"{kind} empty", title, width, 60, [note])


def _ticks(lo: float, hi: float) -> list[float]:
    """Round ticks 1, 2, 2.5 or 5 × 10^k apart, 4 to 6 of them, covering ``lo``..``hi``."""
    if hi <= lo:
        hi = lo + 1.0
    exponent = math.floor(math.log10((hi - lo) / MAX_TICKS))
    while True:
        for mantissa in TICK_STEPS:
            step = mantissa * 10.0**exponent
            first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
            if last - first + 1 <= MAX_TICKS:
                return [float(f"{i * step:.12g}") for i in range(first, last + 1)]
        exponent += 1


def _dot(x: float, y: float, colour: str, fill: str = "") -> str:
    """Marker of an actual figure: a filled circle (hollow when ``fill`` is the paper colour)."""
    return f'<circle class="marker" cx="{_f(x)}" cy="{_f(y)}" r="3.5" fill="{fill or colour}" stroke="{colour}"/>'


def _ring(x: float, y: float, colour: str) -> str:
    """Marker of an estimate: a hollow circle."""
    return _dot(x, y, colour, INK["paper"]).replace("/>", ' stroke-width="1.5"/>')


def _diamond(x: float, y: float, colour: str) -> str:
    """Marker of a target: a diamond."""
    corners = ((x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y))
    return f'<polygon class="marker" points="{" ".join(f"{_f(a)},{_f(b)}" for a, b in corners)}" fill="{colour}"/>'


#: At most this many category labels under a line chart; with more categories the chart is *dense*: every
#: k-th category is labelled, and a point's value and growth show only while the pointer is on it.
X_LABELS = 10
DENSE_STYLE = "<style>.dense .point text { display: none; } .dense .point:hover text { display: inline; }</style>"

MARKERS: dict[str, Callable[[float, float, str], str]] = {"actual": _dot, "estimate": _ring, "target": _diamond,
                                                          "share": _dot}


@dataclass(frozen=True)
class _Plot:
    """The plotting area of a line chart and its scales."""

    left: float
    right: float
    top: float
    bottom: float
    lo: float
    hi: float
    n: int

    def x(self, index: int) -> float:
        """Centre of the ``index``-th category."""
        return self.left + (index + 0.5) * (self.right - self.left) / self.n

    def y(self, value: float) -> float:
        """Height of ``value``."""
        return self.bottom - (value - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)


def _legend(kinds: list[str], x: float) -> list[str]:
    """Line sample, marker and bilingual name of each kind present."""
    out = []
    for kind in kinds:
        style = STYLES[kind]
        out.append(f'<g class="legend" data-kind="{kind}"><line x1="{_f(x)}" y1="36" x2="{_f(x + 18)}" y2="36" '
                   f'stroke="{style["colour"]}" stroke-width="2"{style["dash"]}/>'
                   f'{MARKERS[kind](x + 9, 36, style["colour"])}'
                   f'{_text(x + 24, 40, style["legend"], "legend", fill=INK["muted"])}</g>')
        x += 40 + _width(style["legend"], 11)
    return out


def _axes(plot: _Plot, ticks: list[float], categories: list[str], unit: str) -> list[str]:
    """Grid lines with tick labels, the unit above them and the category labels below (every k-th when many)."""
    out = [_text(8, plot.top - 14, unit, "unit", fill=INK["muted"])]
    for tick in ticks:
        y, colour = plot.y(tick), INK["axis"] if tick == 0 else INK["grid"]
        out.append(f'<line class="grid" x1="{_f(plot.left)}" y1="{_f(y)}" x2="{_f(plot.right)}" y2="{_f(y)}" '
                   f'stroke="{colour}" stroke-width="1"/>')
        out.append(_text(plot.left - 6, y + 4, number(tick), "tick", size=10, anchor="end", fill=INK["muted"]))
    step = math.ceil(len(categories) / X_LABELS)
    out += [_text(plot.x(i), plot.bottom + 16, c, "x", anchor="middle") for i, c in enumerate(categories)
            if i % step == 0 or (i == len(categories) - 1 and i % step > step // 2)]
    return out


def _lines(plot: _Plot, points: list[Point], index: dict[str, int], kinds: list[str]) -> list[str]:
    """One polyline per kind through its first point in each category, in category order."""
    out = []
    for kind in kinds:
        first = {p.x: p for p in reversed(points) if p.kind == kind}  # the first point of a category wins
        if len(first) < 2:
            continue
        style, through = STYLES[kind], sorted(first.values(), key=lambda p: index[p.x])
        coords = " ".join(f"{_f(plot.x(index[p.x]))},{_f(plot.y(p.value))}" for p in through)
        out.append(f'<polyline class="line" data-kind="{kind}" points="{coords}" fill="none" '
                   f'stroke="{style["colour"]}" stroke-width="2" stroke-linejoin="round"{style["dash"]}/>')
    return out


def _point(plot: _Plot, point: Point, index: int) -> str:
    """One figure: marker, value above it, signed growth to its right, note as tooltip."""
    x, y, label = plot.x(index), plot.y(point.value), number(point.value)
    parts = [f'<g class="point" data-kind="{point.kind}" data-x="{escape(point.x)}" data-value="{label}">',
             _tooltip(point.note), MARKERS[point.kind](x, y, STYLES[point.kind]["colour"]),
             _text(x, y - 8, label, "value", size=10, anchor="middle")]
    if point.growth is not None:
        growth = f"{'+' if point.growth > 0 else ''}{number(point.growth)}%"
        parts.append(_text(x + _width(label, 10) / 2 + 3, y - 8, growth, "growth", size=9, fill=INK["muted"]))
    return "".join([*parts, "</g>"])


def line_chart(points: Sequence[Point], *, title: str, unit: str, categories: Sequence[str],
               width: int = 560, height: int = 240) -> str:
    """An SVG line chart of one metric over periods: actual, estimate and target told apart.

    Points whose ``x`` is not in ``categories`` are ignored; with none left, a small "no data" SVG
    comes back. The y axis spans min(0, smallest)..max(0, largest), widened to round ticks.
    An unknown kind, a NaN or an infinite value raises ValueError.
    """
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        raise ValueError(f"a line chart needs at least {MIN_WIDTH}×{MIN_HEIGHT}, got {width}×{height}")
    index = {c: i for i, c in enumerate(dict.fromkeys(categories))}
    shown = sorted((p for p in points if p.x in index), key=lambda p: index[p.x])
    unknown = sorted({p.kind for p in shown} - STYLES.keys())
    if unknown:
        raise ValueError(f"unknown kind(s) {unknown}: expected one of {list(STYLES)}")
    if not shown:
        return _empty("line", title, width)
    values = [p.value for p in shown]
    ticks = _ticks(min(0.0, *values), max(0.0, *values))
    plot = _Plot(LINE_PAD["left"], width - LINE_PAD["right"], LINE_PAD["top"], height - LINE_PAD["bottom"],
                 ticks[0], ticks[-1], len(index))
    kinds = [k for k in STYLES if any(p.kind == k for p in shown)]
    dense = len(index) > X_LABELS
    body = [DENSE_STYLE if dense else "", *_legend(kinds, LINE_PAD["left"]), *_axes(plot, ticks, list(index), unit),
            *_lines(plot, shown, index, kinds), *(_point(plot, p, index[p.x]) for p in shown)]
    return _svg("line dense" if dense else "line", title, width, height, body)


def _bar_row(bar: Bar, y: float, zero: float, scale: float, unit: str, room: float) -> str:
    """One bar: label at left, bar from the zero line, value and unit at its end, note as tooltip."""
    label = _fit(bar.label, room, 12)
    tip = "\n".join(t for t in (bar.label if label != bar.label else "", bar.note) if t)
    end = zero + bar.value * scale
    text_x, anchor = (end + 4, "start") if bar.value >= 0 else (end - 4, "end")
    rect = (f'<rect x="{_f(min(zero, end))}" y="{_f(y)}" width="{_f(abs(end - zero))}" height="{BAR_THICK}" '
            f'fill="{BAR_COLOURS[bar.highlight]}"/>')
    return (f'<g class="bar" data-label="{escape(bar.label)}" data-value="{number(bar.value)}">{_tooltip(tip)}'
            f'{_text(8, y + 12, label, "label", size=12)}{rect}'
            f'{_text(text_x, y + 12, f"{number(bar.value)}{unit}", "value", anchor=anchor)}</g>')


def bar_chart(bars: Sequence[Bar], *, title: str, unit: str, width: int = 560) -> str:
    """An SVG horizontal bar chart (one bar per zone, in the order given); height grows with the bars.

    Height is 48 + 24 per bar. Negative values are drawn leftwards from a zero line; labels too long
    for 30% of the width are cut with "…" (the full label stays in ``data-label`` and the tooltip).
    Empty input gives a small "无数据 no data" SVG.
    """
    if width < MIN_WIDTH:
        raise ValueError(f"a bar chart needs a width of at least {MIN_WIDTH}, got {width}")
    if not bars:
        return _empty("bar", title, width)
    height = BAR_TOP + BAR_ROW * len(bars) + BAR_BOTTOM
    room = min(max(_width(b.label, 12) for b in bars), width * 0.3)
    reserve = min(max(_width(f"{number(b.value)}{unit}", 11) for b in bars) + 6, width * 0.2)
    lo, hi = min(0.0, *(b.value for b in bars)), max(0.0, *(b.value for b in bars))
    x0 = 8 + room + 8 + (reserve if lo < 0 else 0)
    scale = (width - 8 - reserve - x0) / ((hi - lo) or 1.0)
    zero = x0 - lo * scale
    axis = (f'<line class="zero" x1="{_f(zero)}" y1="{BAR_TOP - 4}" x2="{_f(zero)}" y2="{height - BAR_BOTTOM + 4}" '
            f'stroke="{INK["axis"]}" stroke-width="1"/>')
    rows = [_bar_row(b, BAR_TOP + i * BAR_ROW + (BAR_ROW - BAR_THICK) / 2, zero, scale, unit, room)
            for i, b in enumerate(bars)]
    return _svg("bar", title, width, height, [axis, *rows])
