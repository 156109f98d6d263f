"""The entity network: networkx graph, analytics, GraphML/GEXF export, kg analyze, node sizes of kg view."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal

from kg.errors import InputError
from kg.namespace import RES, ZG
from kg.outputs.network import (
    DEFAULT_CLASSES,
    centrality,
    communities,
    components,
    node_sizes,
    to_networkx,
    zone_links,
)
from kg.outputs.view import render_html
from tests.conftest import kg


def by_label(g: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, data in g.nodes(data=True) if data["label"] == label)


def page_data(html: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def network(seed_graph: Graph) -> nx.MultiDiGraph:
    return to_networkx(seed_graph)


def test_seed_network_has_the_entities_and_a_known_edge(network: nx.MultiDiGraph, seed_graph: Graph) -> None:
    classes = {data["class"] for _, data in network.nodes(data=True)}
    assert {"Zone", "Park", "Project", "Company", "Honor", "Person"} <= classes <= set(DEFAULT_CLASSES)
    companies = {str(c) for c in seed_graph.subjects(RDF.type, ZG.Company)}
    assert {n for n, data in network.nodes(data=True) if data["class"] == "Company"} == companies
    project, firm = by_label(network, "上汽河南总部基地项目"), by_label(network, "上汽")
    assert network.edges[project, firm, "investor"] == {"relation": "investor", "label": "投资方"}
    assert network.edges[project, by_label(network, "郑州高新区"), "locatedIn"]["label"] == "位于"
    assert list(network.nodes) == sorted(network.nodes)
    for _, data in network.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) for v in data.values())
        assert data["reports"] >= 1


def test_indicator_nodes_carry_their_figure(seed_graph: Graph) -> None:
    indicators = to_networkx(seed_graph, classes=["Indicator", "Zone"])
    figures = [data for _, data in indicators.nodes(data=True) if data["class"] == "Indicator"]
    assert len(figures) == len(set(seed_graph.subjects(RDF.type, ZG.Indicator)))
    assert all(isinstance(f["value"], float) and f["metric"] and f["period"] for f in figures)
    assert {e[2] for e in indicators.edges(keys=True)} == {"observedFor"}
    with pytest.raises(InputError, match="unknown class 'Firm'"):
        to_networkx(seed_graph, classes=["Firm"])


def test_centrality_rows_are_sorted_and_normalised(network: nx.MultiDiGraph) -> None:
    rows = centrality(network)
    assert {r.class_ for r in rows} == {"Company", "Park"}
    assert len(rows) == sum(data["class"] in ("Company", "Park") for _, data in network.nodes(data=True))
    assert rows == sorted(rows, key=lambda r: (-r.betweenness, -r.degree, r.label, r.id))
    assert all(0 <= r.betweenness <= 1 and 0 <= r.degree_centrality <= 1 for r in rows)
    assert rows[0].betweenness > 0
    assert centrality(network, top=3) == rows[:3]
    fulian = next(r for r in rows if r.label == "富联科技")
    assert fulian.degree == 4


def test_communities_are_deterministic_and_cover_the_network(network: nx.MultiDiGraph) -> None:
    first, second = communities(network), communities(network)
    assert first == second
    assert sum(c.size for c in first) == network.number_of_nodes()
    assert [c.size for c in first] == sorted((c.size for c in first), reverse=True)
    assert "济源高新区" in first[0].zones


def test_components_largest_first_with_their_zones(network: nx.MultiDiGraph) -> None:
    rows = components(network)
    assert sum(c.size for c in rows) == network.number_of_nodes()
    assert len(rows) == nx.number_weakly_connected_components(network)
    assert rows[0].zones == ("济源高新区",) and rows[0].members[0] == "济源高新区"
    assert sorted(z for c in rows for z in c.zones) == sorted(
        data["label"] for _, data in network.nodes(data=True) if data["class"] == "Zone")


def two_zones_sharing_a_firm() -> Graph:
    """Firm A invests in a project in zone 1 and lies in a park of zone 2; firm B is in zone 1 only."""
    g = Graph()
    items = {"z1": ZG.Zone, "z2": ZG.Zone, "park": ZG.Park, "p1": ZG.Project, "a": ZG.Company, "b": ZG.Company}
    names = {"z1": "甲高新区", "z2": "乙经开区", "park": "乙产业园", "p1": "甲项目", "a": "共享公司", "b": "本地公司"}
    for key, cls in items.items():
        g.add((RES[key], RDF.type, cls))
        g.add((RES[key], RDFS.label, Literal(names[key], lang="zh")))
    g.add((RES["p1"], ZG.investor, RES["a"]))
    g.add((RES["p1"], ZG.locatedIn, RES["z1"]))
    g.add((RES["park"], ZG.locatedIn, RES["z2"]))
    g.add((RES["a"], ZG.locatedIn, RES["park"]))
    g.add((RES["b"], ZG.locatedIn, RES["z1"]))
    return g


def test_zone_links_project_zones_through_shared_firms() -> None:
    rows = zone_links(to_networkx(two_zones_sharing_a_firm()))
    assert len(rows) == 1
    link = rows[0]
    assert (link.zone_a, link.zone_b, link.firms, link.firm_labels) == ("甲高新区", "乙经开区", 1, ("共享公司",))
    assert {link.zone_a_id, link.zone_b_id} == {str(RES["z1"]), str(RES["z2"])}


def test_a_graph_without_entities_gives_empty_rows() -> None:
    empty = to_networkx(Graph())
    assert empty.number_of_nodes() == 0
    assert centrality(empty) == components(empty) == communities(empty) == zone_links(empty) == []


def test_zone_links_of_the_seeds_join_no_zone_twice(network: nx.MultiDiGraph) -> None:
    assert all(r.zone_a_id < r.zone_b_id and r.firms == len(r.firm_labels) for r in zone_links(network))


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_export_round_trips_and_is_deterministic(seed_output: Path, network: nx.MultiDiGraph,
                                                         tmp_path: Path, fmt: str, read: object) -> None:
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for out in (first, second):
        proc = kg("export", "-f", fmt, "-o", str(out), "-g", str(seed_output / "graph.ttl"))
        assert f"{network.number_of_nodes()} nodes" in proc.stderr
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.name, second.name]  # no temporary file left
    back = read(first)  # type: ignore[operator]
    assert (back.number_of_nodes(), back.number_of_edges()) == (network.number_of_nodes(), network.number_of_edges())
    for node, data in network.nodes(data=True):
        assert (back.nodes[node]["label"], back.nodes[node]["class"]) == (data["label"], data["class"])
    relations = sorted(d["relation"] for *_, d in back.edges(data=True))
    assert relations == sorted(key for *_, key in network.edges(keys=True))
    assert "lastmodifieddate" not in first.read_text(encoding="utf-8")
    assert "上汽河南总部基地项目" in first.read_text(encoding="utf-8")  # UTF-8, not character references


def test_analyze_prints_table_csv_and_json(seed_output: Path) -> None:
    graph = str(seed_output / "graph.ttl")
    proc = kg("analyze", "-g", graph)
    assert "富联科技" in proc.stdout and "== centrality" in proc.stdout and "== zones" in proc.stdout
    assert re.fullmatch(r"kg: \d+ nodes, \d+ edges, \d+ components \(.*\)\n", proc.stderr)
    rows = list(csv.DictReader(io.StringIO(kg("analyze", "-g", graph, "--what", "centrality", "-f", "csv").stdout)))
    assert list(rows[0]) == ["label", "class", "degree", "degree_centrality", "betweenness", "id"]
    assert "富联科技" in {r["label"] for r in rows} and all(0 <= float(r["betweenness"]) <= 1 for r in rows)
    found = json.loads(kg("analyze", "-g", graph, "--what", "communities", "--top", "2", "-f", "json").stdout)
    assert len(found) == 2 and isinstance(found[0]["size"], int) and found[0]["members"]
    everything = json.loads(kg("analyze", "-g", graph, "-f", "json", "--top", "0").stdout)
    assert set(everything) == {"centrality", "components", "communities", "zones"}


def test_analyze_errors_are_one_line(seed_output: Path, tmp_path: Path) -> None:
    proc = kg("analyze", "-g", str(seed_output / "graph.ttl"), "-f", "csv", check=False)
    assert proc.returncode == 1 and proc.stderr.startswith("kg: error: csv holds one analysis")
    proc = kg("analyze", "-g", str(tmp_path / "missing.ttl"), check=False)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "graph file not found" in proc.stderr
    assert "kg analyze --what centrality" in kg("analyze", "--help").stdout
    assert "analyze" in kg("--help").stdout


def test_view_sizes_nodes_by_betweenness(seed_output: Path, seed_graph: Graph, tmp_path: Path) -> None:
    page = tmp_path / "sized.html"
    kg("view", str(seed_output / "graph.ttl"), "-o", str(page), "--size-by", "betweenness")
    nodes = page_data(page.read_text(encoding="utf-8"))["nodes"]
    sizes = {n["id"]: n["size"] for n in nodes}
    assert len(sizes) == len(nodes) and min(sizes.values()) == 12 and max(sizes.values()) == 42
    assert sizes == node_sizes(seed_graph, "betweenness")
    assert "n.size !== undefined ? n.size" in page.read_text(encoding="utf-8")


def test_view_without_sizes_is_unchanged(seed_graph: Graph, tmp_path: Path) -> None:
    render_html(seed_graph, tmp_path / "plain.html")
    render_html(seed_graph, tmp_path / "empty.html", sizes={})
    html = (tmp_path / "plain.html").read_text(encoding="utf-8")
    assert "size: 12 + 4 * Math.sqrt(n.degree) };" in html and "n.size !== undefined" not in html
    assert all("size" not in n for n in page_data(html)["nodes"])
    assert (tmp_path / "empty.html").read_bytes() == (tmp_path / "plain.html").read_bytes()
    degree = node_sizes(seed_graph, "degree")
    assert max(degree.values()) == 42 and all(12 <= s <= 42 for s in degree.values())
    with pytest.raises(InputError, match="cannot size nodes by 'colour'"):
        node_sizes(seed_graph, "colour")
