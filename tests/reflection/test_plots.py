"""The charts of a group's year: well-formed SVG named for assistive technology, every
text escaped, and marks whose geometry follows the numbers."""

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

import pytest

from balintroom.reflection.plots import bar_svg, column_svg, line_svg

NS = "{http://www.w3.org/2000/svg}"
SCALE = [(1.0, "1 none"), (2.0, "2"), (3.0, "3"), (4.0, "4"), (5.0, "5 strong")]


def line(points: Sequence[tuple[str, float | None]]) -> ET.Element:
    svg = line_svg(id_prefix="urge", title="Urge to solve", description="Mean per meeting",
                   points=points, y_min=1, y_max=5, y_ticks=SCALE)
    return ET.fromstring(svg)


def columns(points: Sequence[tuple[str, float | None]]) -> ET.Element:
    return ET.fromstring(column_svg(id_prefix="seats", title="Attendance",
                                    description="Per meeting", points=points))


def dates(count: int) -> list[str]:
    return [f"{day} Mar" for day in range(1, count + 1)]


def x_labels(svg: ET.Element) -> list[ET.Element]:
    return [t for t in svg.iter(f"{NS}text") if t.get("text-anchor") == "middle"]


def height(rect: ET.Element) -> float:
    return float(rect.get("height", "0"))


def width(rect: ET.Element) -> float:
    return float(rect.get("width", "0"))


def test_it_names_each_chart_by_its_title_and_description() -> None:
    svgs = [line([("3 Mar", 2.0)]),
            ET.fromstring(bar_svg(id_prefix="cases", title="Cases", description="Per member",
                                  bars=[("Anna", 2)])),
            ET.fromstring(column_svg(id_prefix="seats", title="Attendance",
                                     description="Per meeting", points=[("3 Mar", 5)]))]
    for svg, prefix in zip(svgs, ["urge", "cases", "seats"], strict=True):
        assert svg.tag == f"{NS}svg"
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") == f"{prefix}-title {prefix}-desc"
        assert svg.find(f"{NS}title").get("id") == f"{prefix}-title"  # type: ignore[union-attr]
        assert svg.find(f"{NS}desc").get("id") == f"{prefix}-desc"  # type: ignore[union-attr]
        assert "plot" in svg.get("class", "").split()
        assert svg.get("width") is None and svg.get("height") is None
        assert svg.get("viewBox", "").startswith("0 0 360 ")


def test_it_writes_the_kind_of_chart_as_a_class() -> None:
    assert line([]).get("class") == "plot plot-line"
    assert ET.fromstring(bar_svg(id_prefix="b", title="t", description="d", bars=[])).get(
        "class") == "plot plot-bar"
    assert ET.fromstring(column_svg(id_prefix="c", title="t", description="d", points=[])).get(
        "class") == "plot plot-column"


def test_it_escapes_every_text() -> None:
    nasty = '<script>alert("x")</script> & co'
    outputs = [
        line_svg(id_prefix="p", title=nasty, description=nasty, points=[(nasty, 3.0)],
                 y_min=1, y_max=5, y_ticks=[(3, nasty)]),
        bar_svg(id_prefix="p", title=nasty, description=nasty, bars=[(nasty, 1)]),
        column_svg(id_prefix="p", title=nasty, description=nasty, points=[(nasty, 1)]),
    ]
    for output in outputs:
        assert "<script>" not in output
        assert "&lt;script&gt;" in output and "&amp; co" in output
        svg = ET.fromstring(output)
        assert svg.findtext(f"{NS}title") == nasty
        assert svg.findtext(f"{NS}desc") == nasty


def test_it_refuses_an_id_prefix_that_is_not_one_token() -> None:
    with pytest.raises(ValueError):
        bar_svg(id_prefix='a" onload="x', title="t", description="d", bars=[])


def test_it_breaks_the_line_at_a_gap() -> None:
    svg = line([("1 Mar", 2.0), ("8 Mar", 3.0), ("15 Mar", None), ("22 Mar", 4.0),
                ("29 Mar", 4.5)])
    segments = list(svg.iter(f"{NS}polyline"))
    assert [len(s.get("points", "").split()) for s in segments] == [2, 2]


def test_it_draws_a_dot_for_every_known_point_even_an_isolated_one() -> None:
    svg = line([("1 Mar", None), ("8 Mar", 3.0), ("15 Mar", None), ("22 Mar", 4.0),
                ("29 Mar", 2.0)])
    assert len(list(svg.iter(f"{NS}circle"))) == 3
    assert len(list(svg.iter(f"{NS}polyline"))) == 1  # the lone 3.0 is a dot, not a line


def test_it_draws_only_axes_without_data() -> None:
    for points in ([], [("1 Mar", None), ("8 Mar", None)]):
        svg = line(points)
        assert not list(svg.iter(f"{NS}circle")) and not list(svg.iter(f"{NS}polyline"))
        assert [e.get("class") for e in svg.iter(f"{NS}line")].count("plot-axis") == 2


def test_it_clamps_values_outside_the_scale() -> None:
    svg = line([("1 Mar", 9.0), ("8 Mar", 5.0), ("15 Mar", -2.0), ("22 Mar", 1.0)])
    ys = [float(c.get("cy", "")) for c in svg.iter(f"{NS}circle")]
    assert ys[0] == ys[1] and ys[2] == ys[3] and ys[0] < ys[2]
    grid = [float(g.get("y1", "")) for g in svg.iter(f"{NS}line") if g.get("class") == "plot-grid"]
    assert ys[1] == min(grid) and ys[3] == max(grid)


def test_it_places_values_proportionally_on_the_scale() -> None:
    svg = line([("1 Mar", 1.0), ("8 Mar", 3.0), ("15 Mar", 5.0)])
    low, middle, high = (float(c.get("cy", "")) for c in svg.iter(f"{NS}circle"))
    assert middle == pytest.approx((low + high) / 2, abs=0.1)


@pytest.mark.parametrize("draw", [line, columns])
@pytest.mark.parametrize("count", [7, 12, 30, 52])
def test_it_thins_many_date_labels_keeping_the_first_and_last(
        draw: Callable[[Sequence[tuple[str, float | None]]], ET.Element], count: int) -> None:
    names = dates(count)
    shown = x_labels(draw([(name, 3.0) for name in names]))
    assert 2 <= len(shown) <= 6
    assert shown[0].text == names[0] and shown[-1].text == names[-1]
    xs = [float(t.get("x", "")) for t in shown]
    # "30 Mar" is 6 glyphs of at most 7 units each: centres further apart never touch
    assert all(b - a > 6 * 7 for a, b in zip(xs, xs[1:], strict=False))


def test_it_keeps_every_label_when_there_are_few() -> None:
    svg = line([(name, 3.0) for name in dates(5)])
    assert [t.text for t in x_labels(svg)] == dates(5)


def test_it_draws_bars_proportional_to_their_values() -> None:
    svg = ET.fromstring(bar_svg(id_prefix="b", title="t", description="d",
                                bars=[("Anna", 4), ("Ben", 2), ("Cleo", 1), ("Dora", 0)]))
    widths = [width(r) for r in svg.iter(f"{NS}rect")]
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.1)
    assert widths[2] == pytest.approx(widths[0] / 4, abs=0.1)
    assert widths[3] == 0


def test_it_writes_each_value_at_its_bars_end() -> None:
    svg = ET.fromstring(bar_svg(id_prefix="b", title="t", description="d",
                                bars=[("Anna", 4), ("Ben", 2.5)]))
    values = [t for t in svg.iter(f"{NS}text") if "plot-value" in t.get("class", "")]
    assert [t.text for t in values] == ["4", "2.5"]
    for rect, text in zip(svg.iter(f"{NS}rect"), values, strict=True):
        end = float(rect.get("x", "")) + width(rect)
        assert end < float(text.get("x", "")) <= end + 6


def test_it_takes_a_format_for_the_values() -> None:
    svg = bar_svg(id_prefix="b", title="t", description="d", bars=[("Anna", 0.5)],
                  value_format=lambda v: f"{v:.0%}")
    assert ">50%</text>" in svg


def test_it_grows_the_bar_chart_with_its_bars() -> None:
    def tall(count: int) -> float:
        svg = ET.fromstring(bar_svg(id_prefix="b", title="t", description="d",
                                    bars=[(f"M{i}", i) for i in range(count)]))
        return float(svg.get("viewBox", "").split()[3])

    assert tall(10) - tall(5) == 5 * 28


def test_it_draws_columns_proportional_to_their_values() -> None:
    svg = ET.fromstring(column_svg(id_prefix="c", title="t", description="d",
                                   points=[("1 Mar", 6), ("8 Mar", None), ("15 Mar", 3),
                                           ("22 Mar", 0)]))
    heights = [height(r) for r in svg.iter(f"{NS}rect")]
    assert len(heights) == 3  # nothing where there was no meeting
    assert heights[1] == pytest.approx(heights[0] / 2, abs=0.1) and heights[2] == 0
    bottoms = {round(float(r.get("y", "")) + height(r), 1) for r in svg.iter(f"{NS}rect")}
    assert len(bottoms) == 1


def test_it_rounds_the_column_axis_up_to_the_largest_value() -> None:
    svg = ET.fromstring(column_svg(id_prefix="c", title="t", description="d",
                                   points=[("1 Mar", 7), ("8 Mar", 3)]))
    ticks = [t.text for t in svg.iter(f"{NS}text") if t.get("text-anchor") == "end"]
    assert ticks == ["0", "2", "4", "6", "8"]
    fixed = ET.fromstring(column_svg(id_prefix="c", title="t", description="d",
                                     points=[("1 Mar", 12)], y_max=10))
    rect = next(fixed.iter(f"{NS}rect"))
    grid = [float(g.get("y1", "")) for g in fixed.iter(f"{NS}line")
            if g.get("class") == "plot-grid"]
    assert float(rect.get("y", "")) == min(grid)  # clamped to the given top


def test_it_gives_the_same_bytes_for_the_same_input() -> None:
    points: list[tuple[str, float | None]] = [("1 Mar", 2.33333), ("8 Mar", None)]
    first = line_svg(id_prefix="u", title="t", description="d", points=points, y_min=1,
                     y_max=5, y_ticks=SCALE)
    assert first == line_svg(id_prefix="u", title="t", description="d", points=points,
                             y_min=1, y_max=5, y_ticks=SCALE)
    coordinates = [number for element in ET.fromstring(first).iter()
                   for name, value in element.attrib.items()
                   if name in {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "points"}
                   for number in value.replace(",", " ").split()]
    assert coordinates and all(len(n.partition(".")[2]) <= 1 for n in coordinates)
