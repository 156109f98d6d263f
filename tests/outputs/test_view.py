"""The HTML view: self-contained, deterministic, and safe against hostile names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, SKOS

from kg.namespace import RES, ZG
from kg.outputs.view import ViewSummary, render_html

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(1)>"
TEMPLATE = Path(__file__).resolve().parents[2] / "kg" / "templates" / "graph.html"


def small_graph(label: str = "富联科技") -> Graph:
    """One zone, a company, its project, an honour, an indicator and the report they come from."""
    g = Graph()
    zone, firm, project, honor, indicator, doc = (RES["zone/z"], RES["company/c"], RES["project/p"],
                                                  RES["honor/h"], RES["indicator/i"], RES["document/d"])
    g.add((doc, RDF.type, ZG.Document))
    g.add((doc, RDFS.label, Literal("济源高新区2023年工作总结", lang="zh")))
    g.add((doc, DCTERMS.title, Literal("济源高新区2023年工作总结", lang="zh")))
    g.add((doc, ZG.fileName, Literal("report.txt")))
    for node, cls, name in ((zone, ZG.Zone, "济源高新区"), (firm, ZG.Company, label),
                            (project, ZG.Project, "富联科技5G终端精密制造项目"),
                            (honor, ZG.Honor, "2023年度河南省数字化转型示范区"),
                            (indicator, ZG.Indicator, "规上工业增加值（2023）")):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(name, lang="zh")))
        g.add((node, ZG.mentionedIn, doc))
    g.add((firm, SKOS.altLabel, Literal("富联", lang="zh")))
    g.add((project, ZG.investor, firm))
    g.add((project, ZG.totalInvestment, Literal("4000000000", datatype=XSD.decimal)))
    g.add((project, ZG.status, ZG.inOperation))
    g.add((project, ZG.evidence, Literal(f"总投资40亿元的{label}项目投产。", lang="zh")))
    g.add((project, ZG.source, doc))
    g.add((honor, ZG.awardedTo, zone))
    g.add((indicator, ZG.observedFor, zone))
    g.add((indicator, ZG.metric, Literal("规上工业增加值", lang="zh")))
    g.add((indicator, ZG.value, Literal("12.5", datatype=XSD.decimal)))
    g.add((indicator, ZG.unit, Literal("亿元")))
    g.add((indicator, ZG.growthRate, Literal("8.1", datatype=XSD.decimal)))
    g.add((indicator, ZG.period, Literal("2023")))
    g.add((indicator, ZG.estimated, Literal(False)))
    return g


def page_data(html: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_page_is_self_contained_and_complete(tmp_path: Path) -> None:
    path = tmp_path / "g.html"
    summary = render_html(small_graph(), path)
    assert path.exists()
    html = path.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html and "Noto Sans CJK SC" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "vis.Network" in html and "<title>ZoneGraph</title>" in html
    data = page_data(html)
    assert summary == ViewSummary(nodes=5, edges=3)
    assert (len(data["nodes"]), len(data["edges"])) == (summary.nodes, summary.edges)
    assert "Document" not in {n["group"] for n in data["nodes"]}
    assert sorted(n["label"] for n in data["nodes"]) == sorted(
        ["济源高新区", "富联科技", "富联科技5G终端精密制造项目", "2023年度河南省数字化转型示范区", "规上工业增加值（2023）"])
    assert sorted(e["label"] for e in data["edges"]) == ["投资方", "授予", "观测对象"]
    assert "济源高新区" in html and "富联科技" in html
    project = next(n for n in data["nodes"] if n["group"] == "Project")
    assert project["tip"].startswith("项目：富联科技5G终端精密制造项目")
    assert "总投资：40 亿元" in project["tip"] and "状态：投产" in project["tip"]
    assert "“总投资40亿元的富联科技项目投产。”" in project["tip"] and "来源：济源高新区2023年工作总结" in project["tip"]
    indicator = next(n for n in data["nodes"] if n["group"] == "Indicator")
    assert "数值：12.5 亿元，同比 8.1%" in indicator["tip"] and "期间：2023" in indicator["tip"]
    firm = next(n for n in data["nodes"] if n["group"] == "Company")
    assert firm["alt"] == ["富联"] and "又称：富联" in firm["tip"]
    assert firm["degree"] == 1 and next(n for n in data["nodes"] if n["group"] == "Zone")["degree"] == 2


def test_same_graph_same_bytes(tmp_path: Path) -> None:
    render_html(small_graph(), tmp_path / "a.html")
    render_html(small_graph(), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]  # no temporary file left behind


def test_hostile_names_stay_data(tmp_path: Path) -> None:
    summary = render_html(small_graph(HOSTILE), tmp_path / "x.html", title=HOSTILE)
    html = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "</script><script>alert" not in html
    assert len(re.findall(r"</script", html, re.I)) == 4  # data, options, vis-network, our script: nothing else closes
    template = TEMPLATE.read_text(encoding="utf-8")
    assert "innerHTML" not in template and "insertAdjacentHTML" not in template
    assert "document.write" not in template
    data = page_data(html)
    assert HOSTILE in [n["label"] for n in data["nodes"]]
    assert summary == ViewSummary(nodes=5, edges=3)
