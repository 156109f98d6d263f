"""The interactive HTML network: the only module that uses pyvis.

The page is self-contained (vis-network's script and style are read from the
installed pyvis package and inlined), works from ``file://`` with no network,
and is safe: every label and sentence reaches the page as JSON data and is put
into the DOM with ``textContent`` only, so a report that contains ``<script>``
cannot run code in it.  The same graph always gives the same bytes.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.errors import InputError
from kg.namespace import ZG
from kg.outputs.export import write_atomic

#: Class → (Chinese name, colour, shape); colours from the Okabe-Ito colour-blind-safe palette.
STYLE = {
    "Zone": ("开发区", "#E69F00", "star"),
    "Company": ("企业", "#56B4E9", "dot"),
    "Project": ("项目", "#009E73", "diamond"),
    "Park": ("园区", "#F0E442", "square"),
    "Honor": ("荣誉", "#CC79A7", "triangle"),
    "Indicator": ("指标", "#999999", "dot"),
    "Person": ("人物", "#0072B2", "dot"),
    "Organization": ("机构", "#D55E00", "square"),
    "Cluster": ("产业集群", "#7F3C8D", "hexagon"),
    "Ranking": ("排名", "#A6761D", "triangleDown"),
    "Document": ("报告", "#BBBBBB", "box"),
}
EDGES = {
    ZG.locatedIn: "位于", ZG.investor: "投资方", ZG.awardedTo: "授予", ZG.observedFor: "观测对象",
    ZG.affiliation: "任职于", ZG.rankedEntity: "排名对象",
}
STATUS_ZH = {"planned": "谋划", "signed": "签约", "underConstruction": "在建", "inOperation": "投产",
             "completed": "竣工"}
MAX_EVIDENCE = 3
#: Numerous classes shown only on request, so the first view stays readable.
HIDDEN_BY_DEFAULT = ("Indicator", "Ranking")
SUMMARY_THRESHOLD = 1500
SUMMARY_PER_ZONE = 12
PYVIS_LIB = ("lib", "vis-9.1.2")


@dataclass(frozen=True)
class ViewSummary:
    """How many nodes and edges the page shows (documents and literals are not nodes)."""

    nodes: int
    edges: int


def _class_of(graph: Graph, node: URIRef) -> str | None:
    names = sorted(str(c)[len(str(ZG._NS)) :] for c in graph.objects(node, RDF.type)
                   if str(c).startswith(str(ZG._NS)))
    return next((n for n in names if n in STYLE), None)


def _label(graph: Graph, node: URIRef) -> str:
    labels = sorted(graph.objects(node, RDFS.label), key=lambda lit: (getattr(lit, "language", "") != "zh", str(lit)))
    return str(labels[0]) if labels else str(node).rsplit("/", 1)[-1]


def _number(value: Literal) -> str:
    number = Decimal(str(value))
    return format(number.normalize(), "f") if number == number.to_integral() else str(number)


def _attributes(graph: Graph, node: URIRef) -> list[str]:
    """Key attributes of a node as lines of plain text."""
    lines: list[str] = []
    for value in sorted(graph.objects(node, ZG.totalInvestment)):
        lines.append(f"总投资：{_number(Literal(Decimal(str(value)) / 100_000_000))} 亿元")
    for status in sorted(graph.objects(node, ZG.status)):
        local = str(status).rsplit("#", 1)[-1]
        lines.append(f"状态：{STATUS_ZH.get(local, local)}")
    for year in sorted(graph.objects(node, ZG.year)):
        lines.append(f"年份：{year}")
    value, unit = graph.value(node, ZG.value), graph.value(node, ZG.unit)
    if value is not None:
        growth = graph.value(node, ZG.growthRate)
        change = f"，同比 {_number(growth)}%" if growth is not None else ""
        lines.append(f"数值：{_number(value)} {unit or ''}{change}")
    for prop, name in ((ZG.period, "期间"), (ZG.rank, "名次"), (ZG.role, "职务")):
        for item in sorted(graph.objects(node, prop)):
            lines.append(f"{name}：{item}")
    kind = graph.value(node, ZG.kind)
    if kind is not None:
        lines.append(f"类型：{str(kind).rsplit('#', 1)[-1]}")
    return lines


def _evidence(graph: Graph, node: URIRef, titles: dict[URIRef, str]) -> list[str]:
    sources = sorted(titles.get(d, str(d)) for d in graph.objects(node, ZG.source))
    sentences = sorted(str(s) for s in graph.objects(node, ZG.evidence))[:MAX_EVIDENCE]
    lines = [f"“{s}”" for s in sentences]
    if sources:
        lines.append("来源：" + "；".join(dict.fromkeys(sources)))
    return lines


def _tooltip(graph: Graph, node: URIRef, cls: str, label: str, titles: dict[URIRef, str]) -> str:
    alts = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
    lines = [f"{STYLE[cls][0]}：{label}"]
    if alts:
        lines.append("又称：" + "、".join(alts))
    lines += _attributes(graph, node) + _evidence(graph, node, titles)
    return "\n".join(lines)


def graph_data(graph: Graph) -> dict[str, object]:
    """Nodes, edges and filter values of a graph, in a stable order."""
    titles = {d: str(graph.value(d, ZG.fileName) or graph.value(d, DCTERMS.title) or d)
              for d in graph.subjects(RDF.type, ZG.Document)}
    nodes: dict[URIRef, dict[str, object]] = {}
    for subject in sorted({s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        cls = _class_of(graph, subject)
        if cls is None:
            continue
        label = _label(graph, subject)
        docs = sorted(titles.get(d, str(d)) for d in graph.objects(subject, ZG.mentionedIn))
        if cls == "Document":
            docs = [titles.get(subject, label)]
        nodes[subject] = {"id": str(subject), "label": label, "group": cls,
                          "alt": sorted(str(a) for a in graph.objects(subject, SKOS.altLabel)),
                          "docs": docs, "tip": _tooltip(graph, subject, cls, label, titles)}
    edges = []
    for prop, name in EDGES.items():
        for s, o in sorted(graph.subject_objects(prop)):
            if s in nodes and o in nodes:
                edges.append({"from": str(s), "to": str(o), "label": name})
    for s, d in sorted(graph.subject_objects(ZG.mentionedIn)):
        if s in nodes and d in nodes:
            edges.append({"from": str(s), "to": str(d), "label": "见于", "doc": True})
    degree = Counter(e["from"] for e in edges if not e.get("doc")) + Counter(
        e["to"] for e in edges if not e.get("doc"))
    for node in nodes.values():
        node["degree"] = degree[node["id"]]
    zones = defaultdict(list)
    for e in edges:
        if not e.get("doc") and nodes[URIRef(e["to"])]["group"] == "Zone":
            zones[e["to"]].append(e["from"])
    return {"nodes": list(nodes.values()), "edges": edges,
            "classes": [{"name": k, "zh": v[0], "color": v[1], "shape": v[2]} for k, v in STYLE.items()],
            "reports": sorted(titles.values()), "zones": {k: sorted(v) for k, v in sorted(zones.items())}}


def _vis_asset(name: str) -> str:
    return (resources.files("pyvis").joinpath(*PYVIS_LIB, name)).read_text(encoding="utf-8")


def _json_for_html(data: object) -> str:
    """JSON that is safe inside a <script> element: no <, >, & or line separators in clear."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _options() -> str:
    """vis-network options, taken from a pyvis Network so its defaults stay the reference."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    net.barnes_hut(gravity=-6000, central_gravity=0.25, spring_length=140, damping=0.35)
    options = json.loads(net.options.to_json())
    options["physics"]["stabilization"] = {"enabled": True, "iterations": 400, "fit": True}
    options["interaction"] = {"hover": True, "tooltipDelay": 120, "navigationButtons": False}
    options["edges"] = {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                        "font": {"size": 10, "align": "middle", "color": "#555"}, "color": {"color": "#9aa"}}
    options["nodes"] = {"font": {"size": 16, "face": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"},
                        "scaling": {"label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 3}}}
    return json.dumps(options, sort_keys=True)


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", "--window-size=1400,900", "--virtual-time-budget=8000")


def screenshot_page(page: Path, png: Path) -> None:
    """Save a PNG of an HTML page with headless Chromium (installed separately)."""
    import shutil
    import subprocess
    import tempfile

    browser = next((b for b in map(shutil.which, BROWSERS) if b), None)
    if browser is None:
        raise InputError("no Chromium found for --screenshot: install it (apt-get install chromium)")
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([browser, *BROWSER_FLAGS, f"--user-data-dir={profile}",
                               f"--screenshot={png.resolve()}", page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or not png.exists():
        raise InputError(f"Chromium could not take the screenshot of {page} (exit {proc.returncode})")


def render_html(graph: Graph, path: Path, *, title: str = "ZoneGraph",
                summary_threshold: int = SUMMARY_THRESHOLD) -> ViewSummary:
    """Write the graph as a self-contained interactive page; returns what it shows."""
    data = graph_data(graph)
    data["summaryThreshold"] = summary_threshold
    data["summaryPerZone"] = SUMMARY_PER_ZONE
    data["hiddenClasses"] = list(HIDDEN_BY_DEFAULT)
    template = (resources.files("kg") / "templates" / "graph.html").read_text(encoding="utf-8")
    page = (template.replace("/*VIS_CSS*/", _vis_asset("vis-network.css"))
            .replace("/*VIS_JS*/", _vis_asset("vis-network.min.js"))
            .replace("/*OPTIONS*/", _options())
            .replace("/*DATA*/", _json_for_html(data))
            .replace("<!--TITLE-->", html.escape(title)))
    write_atomic(path, page)
    entities = [n for n in data["nodes"] if n["group"] != "Document"]  # type: ignore[attr-defined]
    edges = [e for e in data["edges"] if not e.get("doc")]  # type: ignore[attr-defined]
    return ViewSummary(nodes=len(entities), edges=len(edges))
