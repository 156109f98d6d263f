"""Benchmark the explorer: time from navigation to a settled network, in headless Chromium.

Measures the seeds' page and a synthetic graph of 5,000 entities (which opens in the
summary view).  Needs Playwright and Chromium (/usr/bin/chromium); prints a Markdown table.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.namespace import RES, ZG  # noqa: E402
from kg.outputs.view import render_html  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
CLASSES = [ZG.Company, ZG.Project, ZG.Park, ZG.Honor, ZG.Person]


def synthetic(entities: int, zones: int = 40) -> Graph:
    graph = Graph()
    doc = RES["document/bench"]
    graph.add((doc, RDF.type, ZG.Document))
    for z in range(zones):
        zone = RES[f"zone/{z}"]
        graph.add((zone, RDF.type, ZG.Zone))
        graph.add((zone, RDFS.label, Literal(f"测试{z}高新区", lang="zh")))
    for n in range(entities - zones):
        node = RES[f"e/{n}"]
        graph.add((node, RDF.type, CLASSES[n % len(CLASSES)]))
        graph.add((node, RDFS.label, Literal(f"实体{n}", lang="zh")))
        graph.add((node, ZG.mentionedIn, doc))
        graph.add((node, ZG.locatedIn, RES[f"zone/{n % zones}"]))
    return graph


def settle_time(browser, page_path: Path) -> float:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    start = time.perf_counter()
    page.goto(page_path.resolve().as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=120_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def main() -> str:
    from playwright.sync_api import sync_playwright

    from kg.pipeline import build

    rows = ["| page | entities | load and settle s |", "|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as play:
        browser = play.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        seeds = Path(tmp) / "seeds.html"
        summary = render_html(build([ROOT / "seeds"]).graph, seeds)
        rows.append(f"| seeds | {summary.nodes} | {settle_time(browser, seeds):.2f} |")
        big = Path(tmp) / "big.html"
        summary = render_html(synthetic(5000), big)
        rows.append(f"| synthetic, summary view | {summary.nodes} | {settle_time(browser, big):.2f} |")
        browser.close()
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(main())
