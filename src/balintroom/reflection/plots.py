"""SVG charts of a group's year, drawn on the server: the means per meeting as a line,
attendance as columns, counts per member as horizontal bars.

Each chart is an <svg role="img"> named by its own <title> and <desc>; the page shows a
table of the same numbers beside it, so a chart may leave out what would not fit (date
labels thinned, long names cut short). Sizes are viewBox units and the SVG fills its
column: 360 units is a phone's width, so 12-unit text stays about 12 px there. Colours
come from the site's stylesheet through the plot-* classes; the currentColor attributes
are only what the chart falls back to without it."""

import math
import re
from collections.abc import Callable, Iterable, Sequence

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 360
HEIGHT = 200  # line and column charts; bar charts grow by ROW per bar
ROW = 28
FONT = 12
CHAR = 7  # a generous advance for one 12-unit glyph, so estimated labels never collide
PAD = 8
TOP = 10  # half a line above the top tick, or its label would be cut off
BOTTOM = HEIGHT - 26  # the x axis; the date labels hang below it
MAX_X_LABELS = 6
ID_PREFIX = re.compile(r"[A-Za-z][\w-]*\Z")  # one token: aria-labelledby splits on spaces


def _n(x: float) -> str:
    """A coordinate, to one decimal at most: enough on a screen, and fewer bytes."""
    r = round(x, 1)
    return str(int(r)) if r == int(r) else f"{r:.1f}"


def _whole_or_one_decimal(value: float) -> str:
    return str(int(value)) if value == int(value) else number_format(value, decimal_pos=1)


def _fit(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _known(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value


def _join(parts: Iterable[SafeString]) -> SafeString:
    # Every part comes from format_html, so their concatenation is as safe as they are.
    return mark_safe("".join(parts))


def _svg(kind: str, id_prefix: str, title: str, description: str, height: float,
         body: Iterable[SafeString]) -> SafeString:
    if not ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix must be one HTML id token, not {id_prefix!r}")
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="plot plot-{kind}" '
        'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{p}-title {p}-desc" '
        'font-family="sans-serif" font-size="{font}" fill="currentColor">'
        '<title id="{p}-title">{title}</title><desc id="{p}-desc">{desc}</desc>{body}</svg>',
        kind=kind, width=WIDTH, height=_n(height), p=id_prefix, font=FONT,
        title=title, desc=description, body=_join(body))


def _line(x1: float, y1: float, x2: float, y2: float, cls: str) -> SafeString:
    faint = ' stroke-opacity="0.25"' if cls == "plot-grid" else ""
    return format_html(
        '<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor"{}/>',
        cls, _n(x1), _n(y1), _n(x2), _n(y2), mark_safe(faint))


def _text(x: float, y: float, text: str, anchor: str, cls: str = "plot-label") -> SafeString:
    return format_html('<text class="{}" x="{}" y="{}" text-anchor="{}">{}</text>',
                       cls, _n(x), _n(y), anchor, text)


def _rect(x: float, y: float, width: float, height: float) -> SafeString:
    return format_html('<rect class="plot-mark" x="{}" y="{}" width="{}" height="{}"/>',
                       _n(x), _n(y), _n(width), _n(height))


def _frame(left: float, right: float, ticks: Iterable[tuple[float, str]]) -> list[SafeString]:
    """Grid lines with their labels at the given heights, then the two axes over them."""
    parts = []
    for y, label in ticks:
        parts += [_line(left, y, right, y, "plot-grid"), _text(left - 6, y + 4, label, "end")]
    return parts + [_line(left, TOP, left, BOTTOM, "plot-axis"),
                    _line(left, BOTTOM, right, BOTTOM, "plot-axis")]


def _label_indices(count: int, step: float, width: float) -> list[int]:
    """Which of `count` x labels, `step` apart, to write so that none overlaps the next:
    every k-th, and always the first and the last."""
    if count <= 1:
        return list(range(count))
    k = max(1, math.ceil(width / step))
    if count > MAX_X_LABELS:
        k = max(k, math.ceil((count - 1) / (MAX_X_LABELS - 1)))
    keep = list(range(0, count, k))
    if keep[-1] != count - 1:
        if len(keep) > 1 and (count - 1 - keep[-1]) * step < width:
            keep[-1] = count - 1  # too close to the last: it takes that one's place
        else:
            keep.append(count - 1)
    return keep


def _x_labels(xs: Sequence[float], labels: Sequence[str], step: float) -> list[SafeString]:
    width = (max((len(s) for s in labels), default=0) + 1) * CHAR
    return [_text(xs[i], BOTTOM + 18, labels[i], "middle")
            for i in _label_indices(len(labels), step, width)]


def line_svg(*, id_prefix: str, title: str, description: str,
             points: Sequence[tuple[str, float | None]],
             y_min: float, y_max: float, y_ticks: Sequence[tuple[float, str]]) -> SafeString:
    """A value per meeting as a line; None (no answer that time) breaks it, and each known
    point has a dot, so a point between two gaps shows too. Values are clamped to the axis."""
    if not y_max > y_min:
        raise ValueError("y_max must be greater than y_min")
    ticks = [(v, _fit(label, 16)) for v, label in y_ticks if y_min <= v <= y_max]
    labels = [_fit(label, 12) for label, _ in points]
    half_label = max((len(s) for s in labels), default=0) * CHAR / 2
    left = max(max((len(s) for _, s in ticks), default=0) * CHAR + 10, half_label - PAD, PAD)
    right = WIDTH - max(half_label - PAD, PAD)

    def y_of(value: float) -> float:
        value = min(max(value, y_min), y_max)
        return BOTTOM - (value - y_min) / (y_max - y_min) * (BOTTOM - TOP)

    count = len(points)
    step = (right - left - 2 * PAD) / (count - 1) if count > 1 else 0.0
    xs = [left + PAD + i * step if count > 1 else (left + right) / 2 for i in range(count)]
    runs: list[list[tuple[float, float]]] = [[]]
    for x, (_, raw) in zip(xs, points, strict=True):
        value = _known(raw)
        if value is not None:
            runs[-1].append((x, y_of(value)))
        elif runs[-1]:
            runs.append([])
    known = [point for run in runs for point in run]
    body = _frame(left, right, [(y_of(v), label) for v, label in ticks])
    body += [format_html('<polyline class="plot-mark plot-trace" points="{}" fill="none" '
                         'stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>',
                         " ".join(f"{_n(x)},{_n(y)}" for x, y in run))
             for run in runs if len(run) > 1]
    body += [format_html('<circle class="plot-mark plot-dot" cx="{}" cy="{}" r="3"/>',
                         _n(x), _n(y)) for x, y in known]
    body += _x_labels(xs, labels, step)
    return _svg("line", id_prefix, title, description, HEIGHT, body)


def _nice_step(raw: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 … not below `raw`: whole numbers, as counts are."""
    scale = 1
    while True:
        for m in (1, 2, 5):
            if m * scale >= raw:
                return m * scale
        scale *= 10


def column_svg(*, id_prefix: str, title: str, description: str,
               points: Sequence[tuple[str, float | None]],
               y_max: float | None = None) -> SafeString:
    """A column per meeting from zero; None leaves the place empty. Without y_max the axis
    reaches the largest value rounded up to the next grid line."""
    values = [_known(v) for _, v in points]
    if y_max is None:
        largest = max((v for v in values if v is not None), default=0.0)
        step = _nice_step(largest / 4)
        y_max = float(max(math.ceil(largest / step), 1) * step)
    elif y_max > 0:
        step = _nice_step(y_max / 4)
    else:
        raise ValueError("y_max must be greater than zero")
    top = y_max
    ticks = [(i * step, _n(i * step)) for i in range(int(top // step) + 1)]
    labels = [_fit(label, 12) for label, _ in points]
    half_label = max((len(s) for s in labels), default=0) * CHAR / 2
    left = max(max(len(s) for _, s in ticks) * CHAR + 10, half_label)
    right = WIDTH - max(half_label, PAD)
    band = (right - left) / len(points) if points else 0.0
    width = max(band * 0.7, 1.0)

    def y_of(value: float) -> float:
        return BOTTOM - min(max(value, 0.0), top) / top * (BOTTOM - TOP)

    xs = [left + band * (i + 0.5) for i in range(len(points))]
    body = _frame(left, right, [(y_of(v), label) for v, label in ticks])
    body += [_rect(x - width / 2, y_of(v), width, BOTTOM - y_of(v))
             for x, v in zip(xs, values, strict=True) if v is not None]
    body += _x_labels(xs, labels, band)
    return _svg("column", id_prefix, title, description, HEIGHT, body)


def bar_svg(*, id_prefix: str, title: str, description: str,
            bars: Sequence[tuple[str, float]],
            value_format: Callable[[float], str] = _whole_or_one_decimal) -> SafeString:
    """A row per bar: its label on a line of its own (names are long, a phone narrow), the
    bar below from zero, the value written at its end. Negative values draw as zero."""
    written = [value_format(v) for _, v in bars]
    span = WIDTH - 2 * PAD - 4 - max((len(s) for s in written), default=0) * CHAR
    lengths = [v if v > 0 else 0.0 for _, v in bars]  # also turns NaN into nothing drawn
    largest = max(lengths, default=0.0)
    height = max(len(bars), 1) * ROW + 8
    body = [_line(PAD, 4, PAD, height - 4, "plot-axis")]
    for i, ((label, _), length, text) in enumerate(zip(bars, lengths, written, strict=True)):
        top = 4 + i * ROW
        width = span * length / largest if largest > 0 else 0.0
        body += [_text(PAD + 4, top + 12, _fit(label, (WIDTH - 2 * PAD) // CHAR), "start"),
                 _rect(PAD, top + 15, width, 10),
                 _text(PAD + width + 4, top + 24, text, "start", "plot-label plot-value")]
    return _svg("bar", id_prefix, title, description, height, body)
