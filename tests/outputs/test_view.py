"""The HTML view: self-contained, deterministic, and safe against hostile names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal

from kg.namespace import RES, ZG
from kg.outputs.view import render_html

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(1)>"


def small_graph(label: str = "富联科技") -> Graph:
    g = Graph()
    zone, firm, project, honor, doc = (RES["zone/z"], RES["company/c"], RES["project/p"], RES["honor/h"],
                                       RES["document/d"])
    g.add((doc, RDF.type, ZG.Document))
    g.add((doc, ZG.fileName, Literal("report.txt")))
    for node, cls, name in ((zone, ZG.Zone, "济源高新区"), (firm, ZG.Company, label),
                            (project, ZG.Project, "富联科技5G终端精密制造项目"),
                            (honor, ZG.Honor, "2023年度河南省数字化转型示范区")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(name, lang="zh")))
        g.add((node, ZG.mentionedIn, doc))
    g.add((project, ZG.investor, firm))
    g.add((project, ZG.totalInvestment, Literal("4000000000", datatype=XSD.decimal)))
    g.add((project, ZG.evidence, Literal(f"总投资40亿元的{label}项目投产。", lang="zh")))
    g.add((project, ZG.source, doc))
    g.add((honor, ZG.awardedTo, zone))
    return g


def page_data(html: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_page_is_self_contained_and_complete(tmp_path: Path) -> None:
    summary = render_html(small_graph(), tmp_path / "g.html")
    html = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    data = page_data(html)
    assert (summary.nodes, summary.edges) == (4, 2)
    assert sorted(n["label"] for n in data["nodes"] if n["group"] != "Document") == sorted(
        ["济源高新区", "富联科技", "富联科技5G终端精密制造项目", "2023年度河南省数字化转型示范区"])
    assert sorted(e["label"] for e in data["edges"] if not e.get("doc")) == ["投资方", "授予"]
    project = next(n for n in data["nodes"] if n["group"] == "Project")
    assert "总投资：40 亿元" in project["tip"] and "来源：report.txt" in project["tip"]


def test_same_graph_same_bytes(tmp_path: Path) -> None:
    render_html(small_graph(), tmp_path / "a.html")
    render_html(small_graph(), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_hostile_names_stay_data(tmp_path: Path) -> None:
    render_html(small_graph(HOSTILE), tmp_path / "x.html", title=HOSTILE)
    html = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "</script><script>alert" not in html
    template = (Path(__file__).resolve().parents[2] / "kg" / "templates" / "graph.html").read_text(encoding="utf-8")
    assert "innerHTML" not in template and "insertAdjacentHTML" not in template
    labels = [n["label"] for n in page_data(html)["nodes"]]
    assert HOSTILE in labels
