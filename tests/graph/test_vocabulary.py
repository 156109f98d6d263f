"""The graph speaks only the ontology's vocabulary."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph, URIRef

from kg.namespace import ZG

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "zonegraph.ttl"
ZG_NS = str(ZG._NS)


def _zg_terms(graph: Graph) -> set[URIRef]:
    terms: set[URIRef] = set()
    for triple in graph:
        terms.update(t for t in triple if isinstance(t, URIRef) and str(t).startswith(ZG_NS))
    return terms


def test_every_zg_term_in_the_graph_is_declared(seed_graph: Graph) -> None:
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    declared = set(ontology.subjects(RDF.type, None))
    used = _zg_terms(seed_graph)
    assert used, "the graph uses zg: terms"
    assert sorted(used - declared) == []
