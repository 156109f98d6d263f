"""The Turtle writer and the counts read a build's triple set and a parsed graph alike."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.compare import isomorphic

from kg.outputs.export import to_turtle
from kg.outputs.stats import graph_stats
from kg.pipeline import build

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_written_turtle_is_what_the_graph_reads_back_as(seed_output: Path) -> None:
    written = (seed_output / "graph.ttl").read_text(encoding="utf-8")
    assert to_turtle(Graph().parse(data=written, format="turtle")) == written


def test_triple_set_and_graph_give_the_same_turtle_and_counts() -> None:
    result = build([SEEDS / "000_a31e14f1e7f30bc0.txt"])
    assert len(result.triples) == len(result.graph) > 100
    assert to_turtle(result.triples) == to_turtle(result.graph)
    assert graph_stats(result.triples) == graph_stats(result.graph)
    assert graph_stats(result.triples).classes["zg:Document"] == 1


def test_terms_rdflib_would_write_differently_round_trip() -> None:
    data = """
    @prefix zg: <https://w3id.org/zonegraph/ontology#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <https://w3id.org/zonegraph/id/company/a-b.c> zg:evidence "他说：\\"新建\\"\\\\项目\\n第二行"@zh ;
        zg:value "INF"^^xsd:double, "12"^^xsd:decimal, "x"^^<urn:other#type> ;
        zg:label "plain", "tab\\there" .
    """
    graph = Graph().parse(data=data, format="turtle")
    written = to_turtle(graph)
    assert isomorphic(Graph().parse(data=written, format="turtle"), graph)
    assert to_turtle(Graph().parse(data=written, format="turtle")) == written
    graph.parse(data="<urn:zg:s> <urn:zg:p> _:b1 .", format="turtle")
    assert isomorphic(Graph().parse(data=to_turtle(graph), format="turtle"), graph)
