"""The interactive HTML network: the only module that uses pyvis.

The page is self-contained (vis-network's script and style are read from the
installed pyvis package at render time and inlined into our own Jinja2
template), works from ``file://`` with no network, and is safe: every label and
sentence reaches the page as JSON data with ``<``, ``>`` and ``&`` escaped, and
is put into the DOM with ``textContent`` only, so a report that contains
``<script>`` cannot run code in it.  The same graph always gives the same bytes.

Entities are nodes; documents and literals are not: they go into the hover text.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from kg.errors import InputError
from kg.namespace import ZG
from kg.outputs.export import write_atomic

#: Class → (Chinese name, colour, shape); colours mostly from the Okabe-Ito colour-blind-safe palette,
#: and classes that share a colour family differ in shape.
STYLE: dict[str, tuple[str, str, str]] = {
    "Zone": ("开发区", "#E69F00", "star"),
    "Park": ("园区", "#F0E442", "square"),
    "Project": ("项目", "#009E73", "diamond"),
    "Company": ("企业", "#56B4E9", "dot"),
    "Person": ("人物", "#0072B2", "dot"),
    "Organization": ("机构", "#D55E00", "square"),
    "Honor": ("荣誉", "#CC79A7", "triangle"),
    "Cluster": ("产业集群", "#7F3C8D", "hexagon"),
    "Indicator": ("指标", "#999999", "dot"),
    "Ranking": ("排名", "#A6761D", "triangleDown"),
}
EDGES: dict[URIRef, str] = {
    ZG.locatedIn: "位于", ZG.investor: "投资方", ZG.awardedTo: "授予", ZG.observedFor: "观测对象",
    ZG.affiliation: "任职于", ZG.rankedEntity: "排名对象",
}
#: Fallback names of the status and observation-kind concepts when the graph carries no skos:prefLabel@zh.
CONCEPT_ZH = {"planned": "谋划", "signed": "签约", "underConstruction": "在建", "inOperation": "投产",
              "completed": "竣工", "actual": "实际", "estimate": "预计", "target": "目标", "share": "占比"}
MAX_EVIDENCE = 3
YI = Decimal(100_000_000)
#: Numerous classes shown only on request, so the first view stays readable.
HIDDEN_BY_DEFAULT = ("Indicator", "Ranking")
SUMMARY_THRESHOLD = 1500
SUMMARY_PER_ZONE = 12
PYVIS_LIB = ("lib", "vis-9.1.2")
TEMPLATE = "graph.html"
FONTS = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'


@dataclass(frozen=True)
class ViewSummary:
    """How many nodes and edges the page shows (documents and literals are not nodes)."""

    nodes: int
    edges: int


def local_name(iri: Node) -> str:
    """The last part of an IRI: zg:Company → Company."""
    text = str(iri)
    return re.split(r"[#/]", text)[-1] or text


def _texts(graph: Graph, node: Node, prop: URIRef) -> list[str]:
    """All values of a property as text, Chinese-tagged ones first, each group sorted."""
    values = sorted(graph.objects(node, prop), key=lambda v: (getattr(v, "language", None) != "zh", str(v)))
    return list(dict.fromkeys(str(v) for v in values))


def _first(graph: Graph, node: Node, prop: URIRef) -> str | None:
    values = _texts(graph, node, prop)
    return values[0] if values else None


def _number(value: object) -> str:
    """A decimal in plain notation without trailing zeros: 4.0E+1 → 40, 1.50 → 1.5."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _class_of(graph: Graph, node: URIRef) -> str | None:
    names = {local_name(c) for c in graph.objects(node, RDF.type) if str(c).startswith(str(ZG._NS))}
    return next((name for name in STYLE if name in names), None)


def _document_names(graph: Graph) -> dict[Node, str]:
    """Each document's title (or file name), with the file name added where titles repeat."""
    docs = set(graph.subjects(RDF.type, ZG.Document)) | set(graph.objects(None, ZG.source)) | set(
        graph.objects(None, ZG.mentionedIn))
    plain = {d: _first(graph, d, DCTERMS.title) or _first(graph, d, ZG.fileName) or local_name(d) for d in docs}
    repeated = Counter(plain.values())
    return {d: f"{name}（{_first(graph, d, ZG.fileName) or local_name(d)}）" if repeated[name] > 1 else name
            for d, name in plain.items()}


def _concept(graph: Graph, concept: Node) -> str:
    return _first(graph, concept, SKOS.prefLabel) or CONCEPT_ZH.get(local_name(concept), local_name(concept))


def _attributes(graph: Graph, node: URIRef, label: str) -> list[str]:
    """Key literal attributes of a node as lines of plain text."""
    lines = [f"总投资：{_number(Decimal(str(v)) / YI)} 亿元" for v in sorted(graph.objects(node, ZG.totalInvestment))]
    lines += [f"状态：{_concept(graph, s)}" for s in sorted(graph.objects(node, ZG.status))]
    lines += [f"年份：{y}" for y in _texts(graph, node, ZG.year)]
    metric = _first(graph, node, ZG.metric)
    if metric and metric != label:
        lines.append(f"指标名称：{metric}")
    value = _first(graph, node, ZG.value)
    if value is not None:
        growth = _first(graph, node, ZG.growthRate)
        estimated = any(v.toPython() is True for v in graph.objects(node, ZG.estimated) if isinstance(v, Literal))
        lines.append(f"数值：{_number(value)} {_first(graph, node, ZG.unit) or ''}".rstrip()
                     + (f"，同比 {_number(growth)}%" if growth is not None else "") + ("（预计）" if estimated else ""))
    for prop, name in ((ZG.period, "期间"), (ZG.rank, "名次"), (ZG.role, "职务")):
        lines += [f"{name}：{item}" for item in _texts(graph, node, prop)]
    lines += [f"类型：{_concept(graph, k)}" for k in sorted(graph.objects(node, ZG.kind))]
    return lines


def _evidence(graph: Graph, node: URIRef, names: dict[Node, str]) -> list[str]:
    """Up to MAX_EVIDENCE sentences, then the documents they come from (or that mention the node)."""
    sentences = _texts(graph, node, ZG.evidence)
    lines = [f"“{s}”" for s in sentences[:MAX_EVIDENCE]]
    if len(sentences) > MAX_EVIDENCE:
        lines.append(f"（另有 {len(sentences) - MAX_EVIDENCE} 句）")
    sources = sorted({names[d] for d in graph.objects(node, ZG.source)})
    mentions = sorted({names[d] for d in graph.objects(node, ZG.mentionedIn)})
    if sources:
        lines.append("来源：" + "；".join(sources))
    elif mentions:
        lines.append("见于：" + "；".join(mentions))
    return lines


def _zone_members(edges: Iterable[dict[str, str]], groups: dict[str, str]) -> dict[str, list[str]]:
    """For each zone, the nodes within two edges of it, not passing through another zone."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        adjacent[e["from"]].add(e["to"])
        adjacent[e["to"]].add(e["from"])
    members: dict[str, list[str]] = {}
    for zone in sorted(n for n, g in groups.items() if g == "Zone"):
        near = {n for n in adjacent[zone] if groups[n] != "Zone"}
        near |= {m for n in near for m in adjacent[n] if groups[m] != "Zone"}
        members[zone] = sorted(near)
    return members


def graph_data(graph: Graph) -> dict[str, object]:
    """Nodes, edges, legend and filter values of a graph, in a stable order."""
    names = _document_names(graph)
    nodes: dict[str, dict[str, object]] = {}
    for subject in sorted({s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        cls = _class_of(graph, subject)
        if cls is None:
            continue
        label = _first(graph, subject, RDFS.label) or local_name(subject)
        alts = sorted(set(_texts(graph, subject, SKOS.altLabel)) - {label})
        tip = [f"{STYLE[cls][0]}：{label}"] + (["又称：" + "、".join(alts)] if alts else [])
        tip += _attributes(graph, subject, label) + _evidence(graph, subject, names)
        nodes[str(subject)] = {"id": str(subject), "label": label, "group": cls, "alt": alts,
                               "docs": sorted({str(d) for d in graph.objects(subject, ZG.mentionedIn)}),
                               "tip": "\n".join(tip)}
    edges = sorted({(str(s), str(o), name) for prop, name in EDGES.items()
                    for s, o in graph.subject_objects(prop) if str(s) in nodes and str(o) in nodes})
    edge_data = [{"from": s, "to": o, "label": name} for s, o, name in edges]
    degree = Counter(s for s, _, _ in edges) + Counter(o for _, o, _ in edges)
    for node_id, node in nodes.items():
        node["degree"] = degree[node_id]
    groups = {node_id: str(node["group"]) for node_id, node in nodes.items()}
    used = {d for node in nodes.values() for d in node["docs"]}  # type: ignore[attr-defined]
    reports = sorted(({"id": str(d), "name": name} for d, name in names.items() if str(d) in used),
                     key=lambda r: (r["name"], r["id"]))
    return {"nodes": list(nodes.values()), "edges": edge_data, "reports": reports,
            "classes": [{"name": k, "zh": v[0], "color": v[1], "shape": v[2]} for k, v in STYLE.items()],
            "zones": _zone_members(edge_data, groups)}


def _json_for_html(data: object) -> str:
    """JSON that is safe inside a <script> element: no <, >, & or line separators in clear."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _vis_asset(name: str) -> str:
    """A vis-network file shipped in the pyvis package, made safe to inline (no closing tag in clear)."""
    text = resources.files("pyvis").joinpath(*PYVIS_LIB, name).read_text(encoding="utf-8")
    return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)


def _options() -> dict[str, object]:
    """vis-network options, taken from a pyvis Network so its defaults stay the reference."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    net.barnes_hut(gravity=-6000, central_gravity=0.25, spring_length=140, damping=0.35)
    options: dict[str, object] = json.loads(net.options.to_json())
    options["physics"] = {**options["physics"], "solver": "barnesHut",  # type: ignore[dict-item]
                          "stabilization": {"enabled": True, "iterations": 400, "fit": True}}
    options["interaction"] = {"hover": True, "tooltipDelay": 120, "navigationButtons": False}
    options["edges"] = {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                        "font": {"size": 10, "align": "middle", "color": "#555", "face": FONTS},
                        "color": {"color": "#99aaaa"}}
    options["nodes"] = {"font": {"size": 16, "face": FONTS},
                        "scaling": {"label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 3}}}
    return options


def _template() -> jinja2.Template:
    source = (resources.files("kg") / "templates" / TEMPLATE).read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(source)


def render_html(graph: Graph, path: Path, *, title: str = "ZoneGraph",
                summary_threshold: int = SUMMARY_THRESHOLD, sizes: dict[str, float] | None = None) -> ViewSummary:
    """Write the graph as a self-contained interactive page (atomically); returns what it shows.

    Above ``summary_threshold`` entities the page opens on an overview (the zones and
    their best-connected neighbours); a checkbox shows everything.  ``sizes`` (node IRI →
    size in pixels, e.g. from :func:`kg.outputs.network.node_sizes`) replaces the default
    sizes, which grow with the square root of a node's degree.
    """
    data = graph_data(graph)
    data.update(summaryThreshold=summary_threshold, summaryPerZone=SUMMARY_PER_ZONE,
                hiddenClasses=list(HIDDEN_BY_DEFAULT))
    if sizes:
        for node in data["nodes"]:  # type: ignore[attr-defined]
            if node["id"] in sizes:
                node["size"] = sizes[node["id"]]
    page = _template().render(
        title=title, sized=bool(sizes), vis_css=Markup(_vis_asset("vis-network.css")),
        vis_js=Markup(_vis_asset("vis-network.min.js")),
        options=Markup(_json_for_html(_options())),
        data=Markup(_json_for_html(data)))
    write_atomic(Path(path), page)
    return ViewSummary(nodes=len(data["nodes"]), edges=len(data["edges"]))  # type: ignore[arg-type]


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
