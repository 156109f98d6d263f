"""Zone profile pages in a real browser: charts drawn, numbers equal to the graph's, report text inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.namespace import RES, ZG
from kg.outputs.charts import number
from kg.outputs.profile import zone_profiles
from kg.outputs.profile_page import render_pages
from kg.outputs.query import find_query, rows, run
from tests.outputs.test_view import HOSTILE, small_graph


def write_pages(graph: Graph, folder: Path, title: str = "ZoneGraph") -> dict[str, Path]:
    """Write the profile pages of ``graph`` into ``folder``; zone name (and "index") → path."""
    profiles = zone_profiles(graph)
    paths = {"index": folder / "index.html"}
    for name, text in render_pages(profiles, title).items():
        (folder / name).write_text(text, encoding="utf-8")
    paths.update({p.name: folder / f"{p.key}.html" for p in profiles})
    return paths


def open_static(browser, path: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri(), wait_until="load")
    return page, dialogs


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory: pytest.TempPathFactory, seed_graph: Graph) -> dict[str, Path]:
    return write_pages(seed_graph, tmp_path_factory.mktemp("profiles"))


def test_charts_are_drawn_with_the_graphs_numbers(browser, seed_pages: dict[str, Path],  # type: ignore[no-untyped-def]
                                                  seed_graph: Graph) -> None:
    page, dialogs = open_static(browser, seed_pages["济源高新区"])
    charts = page.evaluate("[...document.querySelectorAll('svg.chart.line')].map(s => s.getBoundingClientRect().width)")
    assert len(charts) > 10 and all(width > 300 for width in charts)
    shown = page.evaluate("""[...document.querySelectorAll('g.point')].map(g =>
        [g.dataset.x, g.querySelector('text.value').textContent, g.getBoundingClientRect().width])""")
    header, table = rows(run(seed_graph, find_query("indicators-table"), {"zone": "济源高新区"}))
    expected = sorted((r[header.index("period")], number(float(r[header.index("value")])))
                      for r in table if r[header.index("period")])
    assert sorted((x, text) for x, text, _ in shown) == expected
    assert all(width > 0 for *_, width in shown)
    tip = page.evaluate("""[...document.querySelectorAll('figure.series')]
        .find(f => f.dataset.metric === '工业增加值')
        .querySelector('g.point[data-x="2023"][data-kind="actual"] title').textContent""")
    assert "182.9亿元" in tip and tip.endswith(".txt）")
    assert dialogs == []


def test_facts_link_to_their_evidence(browser, seed_pages: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_static(browser, seed_pages["济源高新区"])
    row = page.locator("tr.project", has_text="富联科技5G终端精密制造项目")
    assert "投产（2023）" in row.inner_text()
    mark = row.locator("sup a").first
    target = mark.get_attribute("href")
    note = page.locator(f"li{target}").inner_text()
    assert note.startswith(mark.get_attribute("title")) and "40亿元" in note
    assert page.evaluate("document.querySelector('h1').getBoundingClientRect().width") > 50  # the CJK title renders


def test_the_index_compares_zones_without_script(browser, seed_pages: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_static(browser, seed_pages["index"])
    assert page.locator("table a").count() == 3
    visible = "[...document.querySelectorAll('figure.panel')].filter(f => f.offsetParent !== null).map(f => f.id)"
    assert page.evaluate(visible) == ["p0"]
    page.click('label[for="c1"]')
    assert page.evaluate(visible) == ["p1"]
    assert page.evaluate("document.scripts.length") == 0


def test_hostile_report_text_stays_text(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    graph = small_graph(HOSTILE)
    for node in list(graph.subjects(ZG.observedFor, RES["zone/z"])):
        graph.set((node, ZG.metric, Literal(HOSTILE, lang="zh")))
        graph.add((node, ZG.evidence, Literal(HOSTILE, lang="zh")))
    paths = write_pages(graph, tmp_path, title=HOSTILE)
    for path in paths.values():
        page, dialogs = open_static(browser, path)
        assert dialogs == []
        assert page.evaluate("document.querySelectorAll('img, iframe, script').length") == 0
        assert HOSTILE in page.evaluate("document.body.textContent")
