"""The explorer in a real browser: Playwright driving Debian's Chromium (the ``browser`` fixture of conftest)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.outputs.view import render_html
from tests.outputs.test_view import HOSTILE, small_graph


def open_page(browser, path: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return page, dialogs


def hover_node(page, node_id: str, attempts: int = 5) -> str:  # type: ignore[no-untyped-def]
    """Move the mouse onto a node and return the tooltip's text.

    The view may still be moving (a search's focus animation runs once the layout settles,
    later on a slow machine), so each attempt takes the node's position afresh.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(attempts):
        page.wait_for_function("window.zonegraph.settled()", timeout=30_000)
        page.wait_for_timeout(400)
        point = page.evaluate(
            """id => { const n = window.zonegraph.network; n.fit(); n.focus(id, {scale: 1.5});
                       const p = n.getPositions([id])[id]; const d = n.canvasToDOM(p);
                       const r = document.getElementById('graph').getBoundingClientRect();
                       return {x: d.x + r.left, y: d.y + r.top}; }""", node_id)
        page.mouse.move(point["x"] + 40, point["y"] + 40)
        page.mouse.move(point["x"], point["y"], steps=4)
        try:
            page.wait_for_selector("div.vis-tooltip", state="visible", timeout=3_000)
        except PlaywrightTimeout:
            continue
        return page.inner_text("div.vis-tooltip")
    raise AssertionError(f"no tooltip appeared over node {node_id} in {attempts} attempts")


def test_seed_page_search_and_hover(browser, seed_output: Path, seed_graph: Graph) -> None:  # type: ignore[no-untyped-def]
    page, dialogs = open_page(browser, seed_output / "graph.html")
    total = page.evaluate("JSON.parse(document.getElementById('graph-data').textContent).nodes.length")
    assert total > 50
    shown = page.evaluate("window.zonegraph.nodes.length")
    assert 0 < shown <= total
    page.fill("#search", "富联科技")
    page.click("#go")
    assert "富联科技" in page.inner_text("#status")
    selected = page.evaluate("window.zonegraph.network.getSelectedNodes()[0]")
    text = hover_node(page, selected)
    assert text.startswith("企业：富联科技") and "来源：" in text
    page.screenshot(path=str(seed_output / "graph.png"))
    zhengzhou = page.evaluate(
        "[...document.querySelectorAll('#zone option')].find(o => o.textContent === '郑州高新区').value")
    page.select_option("#zone", zhengzhou)
    in_zone = page.evaluate("window.zonegraph.nodes.getIds()")
    assert zhengzhou in in_zone and 1 < len(in_zone) < shown
    assert dialogs == []


def test_hostile_names_cannot_run_code(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    render_html(small_graph(HOSTILE), tmp_path / "x.html", title=HOSTILE)
    page, dialogs = open_page(browser, tmp_path / "x.html")
    page.fill("#search", "alert")
    page.click("#go")
    node = page.evaluate("window.zonegraph.network.getSelectedNodes()[0]")
    assert HOSTILE in hover_node(page, node)
    page.evaluate("id => window.zonegraph.network.selectNodes([id])", node)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
