"""The entity network as a networkx graph: analytics, GraphML and GEXF; the only module that uses networkx.

Nodes are the resources typed with a ZoneGraph class of the explorer
(:data:`kg.outputs.view.STYLE`), edges its object properties
(:data:`kg.outputs.view.EDGES`), so ``kg view``, ``kg analyze`` and ``kg export -f
graphml|gexf`` see the same network.  Everything is built and returned in a stable
order: the same graph gives the same rows and the same bytes.
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.namespace import ZG
from kg.outputs.export import write_atomic
from kg.outputs.view import EDGES, HIDDEN_BY_DEFAULT, STYLE, local_name

#: Classes of the default network: all but the numerous indicators and rankings.
DEFAULT_CLASSES = tuple(name for name in STYLE if name not in HIDDEN_BY_DEFAULT)
NETWORK_FORMATS = ("graphml", "gexf")
#: Above this many nodes betweenness is estimated from BETWEENNESS_SAMPLES sources (fixed seed).
EXACT_BETWEENNESS_LIMIT = 5000
BETWEENNESS_SAMPLES = 100
SEED = 42
TOP_MEMBERS = 5
#: How many decimals the analytics keep: rows stay short and the same on every platform.
DIGITS = 6
SIZE_BASE, SIZE_SPAN = 12.0, 30.0
NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
Scalar = str | int | float


def _texts(values: list[Node]) -> list[str]:
    """Distinct values as text, Chinese-tagged ones first, each group sorted."""
    ordered = sorted(values, key=lambda v: (getattr(v, "language", None) != "zh", str(v)))
    return list(dict.fromkeys(str(v) for v in ordered))


def _numbers(values: list[Node]) -> list[float]:
    """The numbers among literal values, sorted (ill-typed and infinite ones are skipped)."""
    return sorted(float(text) for text in map(str, values) if NUMBER.fullmatch(text))


def _year(values: list[Node]) -> int | None:
    years = [int(text) for text in _texts(values) if text.isdigit()]
    return min(years) if years else None


def _joined(values: list[str]) -> str | None:
    return "; ".join(values) if values else None


#: Node attribute → (property, how its values become one scalar; None when there is none).
ATTRIBUTES: dict[str, tuple[URIRef, Callable[[list[Node]], Scalar | None]]] = {
    "totalInvestment": (ZG.totalInvestment, lambda vs: max(_numbers(vs), default=None)),
    "status": (ZG.status, lambda vs: _joined(sorted({local_name(v) for v in vs}))),
    "year": (ZG.year, _year),
    "role": (ZG.role, lambda vs: _joined(_texts(vs))),
    "reports": (ZG.mentionedIn, lambda vs: len(set(vs)) or None),
    "metric": (ZG.metric, lambda vs: next(iter(_texts(vs)), None)),
    "value": (ZG.value, lambda vs: next(iter(_numbers(vs)), None)),
    "unit": (ZG.unit, lambda vs: _joined(_texts(vs))),
    "period": (ZG.period, lambda vs: _joined(_texts(vs))),
    "kind": (ZG.kind, lambda vs: _joined(sorted({local_name(v) for v in vs}))),
}


def _check_classes(classes: Iterable[str] | None) -> tuple[str, ...]:
    chosen = DEFAULT_CLASSES if classes is None else tuple(classes)
    unknown = sorted(set(chosen) - set(STYLE))
    if unknown:
        raise InputError(f"unknown class {unknown[0]!r}: choose from {', '.join(STYLE)}")
    return chosen


def _typed_nodes(graph: Graph, classes: tuple[str, ...]) -> dict[str, str]:
    """IRI → class of each resource of a kept class; a resource of several classes takes the first of STYLE."""
    found: dict[str, str] = {}
    for name in STYLE:
        for subject in graph.subjects(RDF.type, ZG[name]):
            if isinstance(subject, URIRef):
                found.setdefault(str(subject), name)
    return {iri: name for iri, name in found.items() if name in classes}


def _values(graph: Graph, prop: URIRef, nodes: dict[str, str]) -> dict[str, list[Node]]:
    """Node → the values of ``prop``, read in one pass over the property."""
    out: dict[str, list[Node]] = defaultdict(list)
    for subject, value in graph.subject_objects(prop):
        key = str(subject)
        if key in nodes:
            out[key].append(value)
    return out


def _node_attributes(graph: Graph, nodes: dict[str, str]) -> dict[str, dict[str, Scalar]]:
    """Each node's label, class and the scalar attributes it has (never None)."""
    labels = _values(graph, RDFS.label, nodes)
    attrs = {iri: {"label": next(iter(_texts(labels.get(iri, []))), local_name(iri)), "class": cls}
             for iri, cls in nodes.items()}
    for name, (prop, reduce) in ATTRIBUTES.items():
        for iri, values in _values(graph, prop, nodes).items():
            value = reduce(values)
            if value is not None:
                attrs[iri][name] = value
    return attrs


def to_networkx(graph: Graph, classes: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The entity network of an RDF graph: typed resources as nodes, object properties as edges.

    Nodes are IRIs typed with a class of ``classes`` (default: every class of the
    explorer but Indicator and Ranking), keyed by the IRI, with ``label`` (Chinese first),
    ``class`` and, where present, ``totalInvestment`` (yuan, the largest when reports
    differ), ``status``, ``year`` (the earliest), ``role``, ``reports`` (distinct documents
    that mention it), and for indicators ``metric``, ``value``, ``unit``, ``period``, ``kind``.
    Edges are the properties of :data:`~kg.outputs.view.EDGES` between two kept nodes, keyed by
    the property's local name, with ``relation`` (that name) and ``label`` (its Chinese name).
    """
    nodes = _typed_nodes(graph, _check_classes(classes))
    attrs = _node_attributes(graph, nodes)
    network = nx.MultiDiGraph()
    network.add_nodes_from((iri, attrs[iri]) for iri in sorted(nodes))
    edges = sorted((str(s), str(o), local_name(prop), name) for prop, name in EDGES.items()
                   for s, o in graph.subject_objects(prop) if str(s) in nodes and str(o) in nodes)
    network.add_edges_from((s, o, key, {"relation": key, "label": name}) for s, o, key, name in edges)
    return network


@dataclass(frozen=True)
class NetworkSummary:
    """The size of a network: nodes, edges and weakly connected components."""

    nodes: int
    edges: int
    components: int


@dataclass(frozen=True)
class Centrality:
    """How central one node is: degree (neighbours), degree centrality and betweenness, both in [0, 1]."""

    label: str
    class_: str
    degree: int
    degree_centrality: float
    betweenness: float
    id: str


@dataclass(frozen=True)
class Group:
    """A component or community: its size, zones, best-connected members and classes counted (most first)."""

    rank: int
    size: int
    zones: tuple[str, ...]
    members: tuple[str, ...]
    classes: tuple[str, ...]


@dataclass(frozen=True)
class ZoneLink:
    """Two zones and the firms active in both."""

    zone_a: str
    zone_b: str
    firms: int
    firm_labels: tuple[str, ...]
    zone_a_id: str
    zone_b_id: str


def summarize(g: nx.MultiDiGraph) -> NetworkSummary:
    """Nodes, edges and weakly connected components of a network."""
    return NetworkSummary(g.number_of_nodes(), g.number_of_edges(), nx.number_weakly_connected_components(g))


def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple view: one edge per linked pair, no self-loops, nodes in the same order."""
    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    return simple


def _betweenness(simple: nx.Graph) -> dict[str, float]:
    """Normalised betweenness: exact up to EXACT_BETWEENNESS_LIMIT nodes, else from sampled sources."""
    n = simple.number_of_nodes()
    k = None if n <= EXACT_BETWEENNESS_LIMIT else BETWEENNESS_SAMPLES
    values = nx.betweenness_centrality(simple, k=k, normalized=True, seed=SEED)
    return {node: min(1.0, value) for node, value in values.items()}


def _label(g: nx.MultiDiGraph, node: str) -> str:
    return str(g.nodes[node]["label"])


def _best_connected(g: nx.MultiDiGraph, simple: nx.Graph, nodes: Iterable[str], top: int) -> tuple[str, ...]:
    """Labels of the ``top`` nodes with the most neighbours (ties by label, then IRI)."""
    ranked = sorted(nodes, key=lambda n: (-simple.degree(n), _label(g, n), n))
    return tuple(_label(g, n) for n in ranked[:top])


def centrality(g: nx.MultiDiGraph, classes: Iterable[str] = ("Company", "Park"),
               top: int | None = None) -> list[Centrality]:
    """Degree and betweenness of the nodes of ``classes``, most between first.

    Both are computed on the undirected simple view of the whole network and normalised to
    [0, 1].  Betweenness is exact up to EXACT_BETWEENNESS_LIMIT (5,000) nodes; above, it is
    estimated from BETWEENNESS_SAMPLES (100) source nodes drawn with a fixed seed, so it is
    the same on every run.  Sorted by betweenness, then degree (both descending), then label.
    """
    wanted = set(_check_classes(classes))
    simple = _simple(g)
    between = _betweenness(simple)
    scale = 1 / (simple.number_of_nodes() - 1) if simple.number_of_nodes() > 1 else 0.0
    rows = [Centrality(_label(g, n), str(data["class"]), simple.degree(n), round(simple.degree(n) * scale, DIGITS),
                       round(between[n], DIGITS), n)
            for n, data in g.nodes(data=True) if data["class"] in wanted]
    rows.sort(key=lambda r: (-r.betweenness, -r.degree, r.label, r.id))
    return rows[:top]


def _groups(g: nx.MultiDiGraph, found: Iterable[set[str]], top: int | None) -> list[Group]:
    """Node sets as rows, largest first (ties by their smallest IRI)."""
    simple = _simple(g)
    rows = []
    for rank, nodes in enumerate(sorted(found, key=lambda ns: (-len(ns), min(ns)))[:top], start=1):
        counts = Counter(str(g.nodes[n]["class"]) for n in nodes)
        classes = tuple(f"{name} {count}" for name, count in sorted(counts.items(), key=lambda c: (-c[1], c[0])))
        zones = tuple(sorted(_label(g, n) for n in nodes if g.nodes[n]["class"] == "Zone"))
        rows.append(Group(rank, len(nodes), zones, _best_connected(g, simple, nodes, TOP_MEMBERS), classes))
    return rows


def components(g: nx.MultiDiGraph, top: int | None = None) -> list[Group]:
    """Weakly connected components, largest first: the islands of the network, which share no entity."""
    return _groups(g, nx.weakly_connected_components(g), top)


def communities(g: nx.MultiDiGraph, seed: int = SEED, top: int | None = None) -> list[Group]:
    """Louvain communities of the undirected simple view, largest first; a fixed seed gives the same every run."""
    return _groups(g, nx.community.louvain_communities(_simple(g), seed=seed), top)


def _zones_of(g: nx.MultiDiGraph, node: str) -> set[str]:
    """The zones a node lies in: zg:locatedIn a zone, or in a park that is."""
    places = [p for p, keys in g.succ[node].items() if "locatedIn" in keys]
    places += [z for p in places if g.nodes[p]["class"] == "Park" for z, keys in g.succ[p].items()
               if "locatedIn" in keys]
    return {p for p in places if g.nodes[p]["class"] == "Zone"}


def _firm_zones(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Each company → the zones it is active in (see :func:`zone_links`); companies in none are left out."""
    firms: dict[str, set[str]] = {}
    for firm in (n for n, data in g.nodes(data=True) if data["class"] == "Company"):
        projects = [p for p, keys in g.pred[firm].items() if "investor" in keys]
        zones = _zones_of(g, firm).union(*(_zones_of(g, p) for p in projects))
        if zones:
            firms[firm] = zones
    return firms


def zone_links(g: nx.MultiDiGraph, top: int | None = None) -> list[ZoneLink]:
    """Zones linked by the firms they share: the zone side of the zone–company bipartite projection.

    A company is active in a zone when it lies there (zg:locatedIn the zone, or a park of it)
    or invests in a project that does (``?project zg:investor ?company ; zg:locatedIn ?zone``,
    the link the reports give most: in the seed graph companies reach zones only this way).
    Mentions in the same report do not count.  One row per zone pair with the number and
    labels of the shared firms, most shared first.  Needs Company, Zone and (for the link
    through projects) Project nodes, as in the default network.
    """
    firm_zones = _firm_zones(g)
    if not firm_zones:
        return []
    both = nx.Graph((firm, zone) for firm in sorted(firm_zones) for zone in sorted(firm_zones[firm]))
    projected = bipartite.weighted_projected_graph(both, sorted({z for zs in firm_zones.values() for z in zs}))
    rows = []
    for a, b, weight in projected.edges(data="weight"):
        a, b = sorted((a, b))
        shared = tuple(sorted(_label(g, firm) for firm in both[a].keys() & both[b].keys()))
        rows.append(ZoneLink(_label(g, a), _label(g, b), weight, shared, a, b))
    rows.sort(key=lambda r: (-r.firms, r.zone_a, r.zone_b, r.zone_a_id, r.zone_b_id))
    return rows[:top]


def node_sizes(graph: Graph, by: str) -> dict[str, float]:
    """Node id → size in pixels for the explorer: 12 + 30 × the node's degree or betweenness over the largest.

    Computed on the network of every class the page shows (indicators and rankings included).
    """
    if by not in ("degree", "betweenness"):
        raise InputError(f"cannot size nodes by {by!r}: choose degree or betweenness")
    simple = _simple(to_networkx(graph, classes=STYLE))
    values = {n: float(d) for n, d in simple.degree()} if by == "degree" else _betweenness(simple)
    largest = max(values.values(), default=0.0) or 1.0
    return {n: round(SIZE_BASE + SIZE_SPAN * v / largest, 2) for n, v in values.items()}


#: The date the GEXF writer stamps on its output: dropped, so the same graph gives the same bytes.
GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def write_network(graph: Graph, path: Path, fmt: str) -> NetworkSummary:
    """Write the entity network of ``graph`` as GraphML or GEXF (UTF-8) to ``path``, atomically; returns its size.

    The same graph gives the same bytes: nodes and edges are added in sorted order, GraphML
    is written by networkx's pure-Python writer (whether lxml is installed or not), and
    the date the GEXF writer stamps on its ``<meta>`` element is dropped.
    """
    fmt = fmt.lower()
    if fmt not in NETWORK_FORMATS:
        raise InputError(f"unknown network format {fmt!r}: choose one of {', '.join(NETWORK_FORMATS)}")
    network = to_networkx(graph)
    buffer = io.BytesIO()
    (nx.write_graphml_xml if fmt == "graphml" else nx.write_gexf)(network, buffer)
    text = buffer.getvalue().decode("utf-8")
    write_atomic(Path(path), GEXF_DATE.sub("", text, count=1) if fmt == "gexf" else text)
    return summarize(network)
