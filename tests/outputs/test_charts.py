"""Inline SVG charts: well-formed, faithful to the figures, deterministic and safe against hostile text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from kg.outputs.charts import NO_DATA, Bar, Point, bar_chart, line_chart, number

SVG = "{http://www.w3.org/2000/svg}"
PERIODS = ["2022", "2023-H1", "2023", "2024"]
HOSTILE = ['</text><script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
           "</title><svg onload=alert(1)>'&amp;"]
GDP = [
    Point("2022", 172.4, note="2022年实现地区生产总值172.4亿元。——济源高新区2022年工作总结"),
    Point("2023-H1", 90.2, growth=5.8),
    Point("2023", 182.9, growth=6.1, note="全年实现地区生产总值182.9亿元，同比增长6.1%。——济源高新区2023年工作总结"),
    Point("2024", 195.0, kind="estimate", growth=6.6),
    Point("2024", 200.0, kind="target", growth=9.4, note="力争地区生产总值突破200亿元。——2024年工作计划"),
]


def parse(svg: str) -> ET.Element:
    """The SVG as an element tree; fails the test if it is not well-formed XML."""
    return ET.fromstring(svg)


def by_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    """Elements ``tag`` whose class is ``cls``, in document order."""
    return [e for e in root.iter(SVG + tag) if e.get("class") == cls]


def groups(root: ET.Element, cls: str) -> list[ET.Element]:
    """The ``<g class=cls>`` elements, in document order."""
    return by_class(root, "g", cls)


def gdp_chart() -> str:
    """The GDP line chart of a zone over four periods."""
    return line_chart(GDP, title="济源高新区地区生产总值", unit="亿元", categories=PERIODS)


def assert_safe(svg: str) -> None:
    """No script element, no event-handler attribute, no external reference anywhere in the tree.

    Hostile text such as ``onerror=alert(1)`` survives as escaped characters of a text node or of a
    quoted attribute value, as it must to be shown faithfully; what may never appear is an attribute
    *named* ``on…`` or an element the text would have opened.
    """
    assert "<script" not in svg.lower() and "<img" not in svg.lower()
    for element in parse(svg).iter():
        assert not element.tag.endswith("script") and not element.tag.endswith("img")
        for name in element.attrib:
            assert not name.lower().startswith("on") and "href" not in name.lower()
    assert "url(" not in svg and "xlink" not in svg


@pytest.mark.parametrize(("value", "text"), [
    (182.9, "182.9"), (40.0, "40"), (5077.76, "5077.76"), (1e9, "1000000000"), (-3.5, "-3.5"),
    (0.125, "0.13"),  # half away from zero on the decimal the reader sees
    (2.675, "2.68"),  # the float is 2.67499…, but people round what is written
    (-0.125, "-0.13"), (0.0, "0"), (-0.0, "0"), (-0.004, "0"), (6.10, "6.1"), (100, "100"),
    (1e20, "100000000000000000000"), (1.5e-7, "0"), (12345678.999, "12345679"),
])
def test_number(value: float, text: str) -> None:
    assert number(value) == text


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_number_refuses_non_finite(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        number(value)


def test_line_chart_root_and_text() -> None:
    svg = gdp_chart()
    root = parse(svg)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart line" role="img" '
                          'aria-label="济源高新区地区生产总值" viewBox="0 0 560 240" width="560" height="240" '
                          'font-family=\'"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif\'>')
    assert [e.text for e in by_class(root, "text", "title")] == ["济源高新区地区生产总值"]
    assert [e.text for e in by_class(root, "text", "unit")] == ["亿元"]
    assert [e.text for e in by_class(root, "text", "x")] == PERIODS
    assert [e.text for e in by_class(root, "text", "legend")] == ["实际 actual", "预计 estimate", "目标 target"]


def test_one_group_per_point_with_its_figures() -> None:
    root = parse(gdp_chart())
    points = groups(root, "point")
    assert [(g.get("data-x"), g.get("data-kind"), g.get("data-value")) for g in points] == [
        (p.x, p.kind, number(p.value)) for p in GDP]
    assert [by_class(g, "text", "value")[0].text for g in points] == [number(p.value) for p in GDP]
    assert [[t.text for t in by_class(g, "text", "growth")] for g in points] == [
        [], ["+5.8%"], ["+6.1%"], ["+6.6%"], ["+9.4%"]]
    assert [[t.text for t in g.iter(SVG + "title")] for g in points] == [[p.note] if p.note else [] for p in GDP]


@pytest.mark.parametrize(("kind", "shape", "hollow"), [
    ("actual", "circle", False), ("estimate", "circle", True), ("target", "polygon", None)])
def test_markers_tell_kinds_apart(kind: str, shape: str, hollow: bool | None) -> None:
    root = parse(gdp_chart())
    for g in (g for g in groups(root, "point") if g.get("data-kind") == kind):
        (marker,) = by_class(g, shape, "marker")
        if hollow is not None:
            assert (marker.get("fill") != marker.get("stroke")) is hollow
        else:
            assert len(marker.get("points", "").split()) == 4  # a diamond


def test_lines_per_kind_and_their_dashes() -> None:
    points = [*GDP, Point("2025", 210.0, kind="estimate")]
    root = parse(line_chart(points, title="GDP", unit="亿元", categories=[*PERIODS, "2025"]))
    lines = {e.get("data-kind"): e for e in by_class(root, "polyline", "line")}
    assert set(lines) == {"actual", "estimate"}  # a kind with a single point has a marker and no line
    assert lines["actual"].get("stroke-dasharray") is None and lines["estimate"].get("stroke-dasharray")
    assert len(lines["actual"].get("points", "").split()) == 3


def test_categories_order_the_axis_and_filter_the_points() -> None:
    points = [Point("2023", 182.9), Point("2022", 172.4), Point("2021", 160.0)]
    root = parse(line_chart(points, title="GDP", unit="亿元", categories=["2022", "2023"]))
    assert [e.text for e in by_class(root, "text", "x")] == ["2022", "2023"]
    assert [g.get("data-x") for g in groups(root, "point")] == ["2022", "2023"]


def test_same_kind_and_category_draws_each_marker_and_line_through_first() -> None:
    points = [Point("2022", 100.0), Point("2023", 182.9), Point("2023", 150.0, note="另一口径")]
    root = parse(line_chart(points, title="GDP", unit="亿元", categories=["2022", "2023"]))
    assert [g.get("data-value") for g in groups(root, "point")] == ["100", "182.9", "150"]
    (line,) = by_class(root, "polyline", "line")
    markers = [by_class(g, "circle", "marker")[0] for g in groups(root, "point")]
    last = line.get("points", "").split()[-1]
    assert last == f"{markers[1].get('cx')},{markers[1].get('cy')}" != f"{markers[2].get('cx')},{markers[2].get('cy')}"


@pytest.mark.parametrize(("values", "lowest", "highest"), [
    ([182.9, 172.4, 90.2], 0.0, 182.9), ([40.0, 40.0, 40.0], 0.0, 40.0), ([0.0, 0.0], 0.0, 0.0),
    ([-3.5, 2.1, 6.1], -3.5, 6.1), ([-3.5, -1.2], -3.5, 0.0), ([5077.76], 0.0, 5077.76), ([0.04, 0.07], 0.0, 0.07),
])
def test_ticks_are_round_and_cover_the_values(values: list[float], lowest: float, highest: float) -> None:
    points = [Point(p, v) for p, v in zip(PERIODS, values, strict=False)]
    root = parse(line_chart(points, title="增速", unit="%", categories=PERIODS))
    ticks = [float(e.text or "") for e in by_class(root, "text", "tick")]
    assert 4 <= len(ticks) <= 6 and ticks[0] <= lowest and ticks[-1] >= highest and 0.0 in ticks
    steps = {round(b - a, 9) for a, b in pairwise(ticks)}
    assert len(steps) == 1
    mantissa = f"{steps.pop():.6e}".split("e")[0]
    assert mantissa in {"1.000000", "2.000000", "2.500000", "5.000000"}


@pytest.mark.parametrize("points", [
    [Point("2023", 182.9, growth=6.1)], [Point("2022", 0.0), Point("2023", 0.0)],
    [Point("2022", -3.5, growth=-2.0), Point("2023", -1.2, kind="target")], [], [Point("2019", 1.0)],
])
def test_line_chart_edge_cases(points: list[Point]) -> None:
    svg = line_chart(points, title="增速", unit="%", categories=["2022", "2023"])
    root = parse(svg)
    shown = [p for p in points if p.x in {"2022", "2023"}]
    assert len(groups(root, "point")) == len(shown)
    assert (NO_DATA in svg) is (not shown)
    for element in root.iter():
        for name in ("x", "y", "cx", "cy", "x1", "y1", "x2", "y2", "width"):
            if name in element.attrib:
                assert re.fullmatch(r"-?\d+(\.\d)?", element.attrib[name]), element.attrib


def test_line_chart_refuses_unknown_kind_and_tiny_size() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        line_chart([Point("2023", 1.0, kind="forecast")], title="t", unit="%", categories=["2023"])
    with pytest.raises(ValueError, match="at least"):
        line_chart(GDP, title="t", unit="%", categories=PERIODS, width=100)


def test_deterministic() -> None:
    bars = [Bar("苏州工业园区", 3686.6), Bar("济源高新区", 182.9, highlight=True)]
    assert gdp_chart() == gdp_chart()
    assert bar_chart(bars, title="GDP", unit="亿元") == bar_chart(list(bars), title="GDP", unit="亿元")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_in_line_chart(hostile: str) -> None:
    points = [Point(hostile, 182.9, note=hostile), Point("2023", 190.0, kind="estimate", note=hostile)]
    svg = line_chart(points, title=hostile, unit=hostile, categories=[hostile, "2023"])
    root = parse(svg)
    assert root.get("aria-label") == hostile
    assert [e.text for e in by_class(root, "text", "title")] == [hostile]
    assert [e.text for e in by_class(root, "text", "unit")] == [hostile]
    assert by_class(root, "text", "x")[0].text == hostile
    assert groups(root, "point")[0].get("data-x") == hostile
    assert [t.text for t in root.iter(SVG + "title")] == [hostile, hostile]
    assert_safe(svg)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_in_bar_chart(hostile: str) -> None:
    svg = bar_chart([Bar(hostile, 182.9, note=hostile)], title=hostile, unit=hostile)
    root = parse(svg)
    (row,) = groups(root, "bar")
    assert row.get("data-label") == hostile
    assert hostile in (next(row.iter(SVG + "title")).text or "").split("\n")
    assert [e.text for e in by_class(root, "text", "title")] == [hostile]
    assert_safe(svg)


def test_characters_xml_forbids_are_dropped() -> None:
    svg = line_chart([Point("2023", 1.0, note="第一\x0b页\x00")], title="GDP\x0c", unit="亿元", categories=["2023"])
    assert next(parse(svg).iter(SVG + "title")).text == "第一页"


def test_bar_chart_rows() -> None:
    bars = [Bar("苏州工业园区", 3686.6, note="2023年实现地区生产总值3686.6亿元。"), Bar("济源高新区", 182.9, highlight=True),
            Bar("临港新片区", 40.0)]
    root = parse(bar_chart(bars, title="2023年地区生产总值", unit="亿元"))
    rows = groups(root, "bar")
    assert [(g.get("data-label"), g.get("data-value")) for g in rows] == [
        ("苏州工业园区", "3686.6"), ("济源高新区", "182.9"), ("临港新片区", "40")]
    assert [by_class(g, "text", "label")[0].text for g in rows] == ["苏州工业园区", "济源高新区", "临港新片区"]
    assert [by_class(g, "text", "value")[0].text for g in rows] == ["3686.6亿元", "182.9亿元", "40亿元"]
    widths = [float(next(g.iter(SVG + "rect")).get("width", "")) for g in rows]
    assert widths[0] > widths[1] > widths[2] > 0
    assert abs(widths[1] / widths[0] - 182.9 / 3686.6) < 0.01
    fills = [next(g.iter(SVG + "rect")).get("fill") for g in rows]
    assert fills[0] == fills[2] != fills[1]
    assert [[t.text for t in g.iter(SVG + "title")] for g in rows] == [[bars[0].note], [], []]


@pytest.mark.parametrize("count", [1, 3, 12])
def test_bar_chart_height_grows_with_the_bars(count: int) -> None:
    root = parse(bar_chart([Bar(f"园区{i}", float(i)) for i in range(count)], title="t", unit="家"))
    assert root.get("height") == str(48 + 24 * count) and root.get("viewBox") == f"0 0 560 {48 + 24 * count}"


def test_negative_bars_go_left_of_the_zero_line() -> None:
    root = parse(bar_chart([Bar("甲园区", 6.1), Bar("乙园区", -3.5), Bar("丙园区", 0.0)], title="增速", unit="%"))
    zero = float(by_class(root, "line", "zero")[0].get("x1", ""))
    rects = [next(g.iter(SVG + "rect")) for g in groups(root, "bar")]
    left = [float(r.get("x", "")) for r in rects]
    right = [x + float(r.get("width", "")) for x, r in zip(left, rects, strict=True)]
    assert left[0] == pytest.approx(zero, abs=0.1) and right[0] > zero
    assert right[1] == pytest.approx(zero, abs=0.1) and left[1] < zero
    assert float(rects[2].get("width", "")) == 0


def test_long_labels_are_cut_but_kept_whole_in_data_and_tooltip() -> None:
    label = "中国（上海）自由贸易试验区临港新片区高新技术产业园"
    root = parse(bar_chart([Bar(label, 182.9)], title="t", unit="亿元"))
    (row,) = groups(root, "bar")
    assert row.get("data-label") == label and next(row.iter(SVG + "title")).text == label
    shown = by_class(row, "text", "label")[0].text or ""
    assert shown.endswith("…") and label.startswith(shown[:-1])


@pytest.mark.parametrize("bars", [[], [Bar("甲园区", 0.0), Bar("乙园区", 0.0)], [Bar("甲园区", -5.0)]])
def test_bar_chart_edge_cases(bars: list[Bar]) -> None:
    svg = bar_chart(bars, title="规上工业企业", unit="家")
    root = parse(svg)
    assert len(groups(root, "bar")) == len(bars)
    assert (NO_DATA in svg) is (not bars)
    assert_safe(svg)
