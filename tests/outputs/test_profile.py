"""Zone profiles: the data gathered for a zone's page, and the pages as HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.namespace import RES, ZG
from kg.outputs.charts import number
from kg.outputs.profile import ZoneProfile, period_key, zone_profiles
from kg.outputs.profile_page import CSP, render_pages
from kg.outputs.query import find_query, rows, run
from tests.outputs.test_view import HOSTILE, small_graph


class _Tags(HTMLParser):
    """The element and attribute names of a page, as a browser's parser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes |= {name for name, _ in attrs}


@pytest.fixture(scope="module")
def seed_profiles(seed_graph: Graph) -> dict[str, ZoneProfile]:
    return {p.name: p for p in zone_profiles(seed_graph)}


def test_every_zone_has_a_profile(seed_graph: Graph, seed_profiles: dict[str, ZoneProfile]) -> None:
    _, zones = rows(run(seed_graph, find_query("zone-overview")))
    assert sorted(seed_profiles) == sorted(z[0] for z in zones)


@pytest.mark.parametrize("period_in, expected", [("2023-H1", "2023-06"), ("2023", "2023-12"), ("2022-Q3", "2022-09"),
                                                 ("2022-01/2022-06", "2022-06"), ("十四五", "十四五")])
def test_periods_sort_by_their_end(period_in: str, expected: str) -> None:
    assert period_key(period_in) == expected


def test_a_zones_figures_are_the_graphs(seed_graph: Graph, seed_profiles: dict[str, ZoneProfile]) -> None:
    """Every figure of the zone with a value and period is on a chart, with the graph's value."""
    header, table = rows(run(seed_graph, find_query("indicators-table"), {"zone": "济源高新区"}))
    expected = sorted((r[header.index("period")], number(float(r[header.index("value")])))
                      for r in table if r[header.index("period")])
    shown = sorted((f.period, number(f.value)) for s in seed_profiles["济源高新区"].series for f in s.figures)
    assert shown == expected and len(shown) > 20
    added = next(s for s in seed_profiles["济源高新区"].series if s.metric == "工业增加值")
    assert any(f.period == "2023" and f.value == 182.9 and f.growth == 6.1 and f.kind == "actual"
               for f in added.figures)


def test_projects_carry_investment_investor_and_status_by_report(seed_profiles: dict[str, ZoneProfile]) -> None:
    rows_ = {r.cells[0]: r for r in seed_profiles["济源高新区"].projects}
    project = rows_["富联科技5G终端精密制造项目"]
    assert project.cells[1:] == ("40", "富联科技", "投产（2023）")
    assert project.evidence and all(e.sentence and e.report.endswith(".txt") for e in project.evidence)


def test_honors_have_a_year_and_a_level(seed_profiles: dict[str, ZoneProfile]) -> None:
    honors = seed_profiles["济源高新区"].honors
    assert ("2023", "provincial", "2023年度全省经济技术开发区对外开放工作先进单位", "济源高新区") in [h.cells for h in honors]
    assert [h.cells[0] for h in honors] == sorted((h.cells[0] for h in honors), key=lambda y: -int(y or 0))


def test_pages_show_the_numbers_and_evidence(tmp_path: Path, seed_profiles: dict[str, ZoneProfile]) -> None:
    profile = seed_profiles["济源高新区"]
    pages = render_pages(list(seed_profiles.values()))
    assert sorted(pages) == sorted([f"{p.key}.html" for p in seed_profiles.values()] + ["index.html"])
    page = pages[f"{profile.key}.html"]
    values = re.findall(r'<g class="point" data-kind="(\w+)" data-x="([^"]*)" data-value="([^"]*)"', page)
    assert sorted((x, v) for _, x, v in values) == sorted((f.period, number(f.value))
                                                          for s in profile.series for f in s.figures)
    assert page.count('<figure class="series"') == len(profile.series)
    assert "投产（2023）" in page and 'href="#n1"' in page and '<li id="n1">' in page
    assert "所在地 place 济源 · 报告 3 份" in page
    assert f'content="{CSP}"' in page and "<script" not in page
    assert 'href="index.html"' in page and f'href="{profile.key}.html"' in pages["index.html"]


def test_report_text_stays_text(tmp_path: Path) -> None:
    graph = small_graph(HOSTILE)
    zone = RES["zone/z"]
    graph.add((zone, ZG.evidence, Literal(HOSTILE, lang="zh")))
    for node in graph.subjects(ZG.observedFor, zone):
        graph.set((node, ZG.metric, Literal(HOSTILE, lang="zh")))
        graph.set((node, ZG.unit, Literal(HOSTILE)))
        graph.add((node, ZG.evidence, Literal(HOSTILE, lang="zh")))
    pages = render_pages(zone_profiles(graph), title=HOSTILE)
    for page in pages.values():
        tags = _Tags()
        tags.feed(page)
        assert not {"script", "img", "iframe"} & tags.names and not [a for a in tags.attributes if a.startswith("on")]
        assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_one_zone_by_label(seed_graph: Graph) -> None:
    assert [p.name for p in zone_profiles(seed_graph, "郑州高新区")] == ["郑州高新区"]
    assert zone_profiles(seed_graph, "没有这个开发区") == []


def test_pages_are_the_same_on_every_run(seed_graph: Graph) -> None:
    assert render_pages(zone_profiles(seed_graph)) == render_pages(zone_profiles(seed_graph))


def test_kg_profile_writes_the_pages(seed_output: Path, tmp_path: Path) -> None:
    from tests.conftest import kg

    proc = kg("profile", "-g", str(seed_output / "graph.ttl"), "-o", str(tmp_path / "profiles"))
    written = sorted(p.name for p in (tmp_path / "profiles").iterdir())
    assert "index.html" in written and len(written) == 4
    assert proc.stderr.strip() == f"kg: 3 zone pages and index.html -> {tmp_path / 'profiles'}"
    one = kg("profile", "-g", str(seed_output / "graph.ttl"), "--zone", "郑州高新区", "-o", str(tmp_path / "one"))
    assert len(list((tmp_path / "one").iterdir())) == 2 and "1 zone page and" in one.stderr
    missing = kg("profile", "-g", str(seed_output / "graph.ttl"), "--zone", "没有", "-o", str(tmp_path / "x"),
                 check=False)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "kg query zone-overview" in missing.stderr
    assert not (tmp_path / "x").exists()
