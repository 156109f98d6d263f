"""The ontology declares every term of kg.namespace.ZG, with labels, comments and alignments."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.namespace import ZG

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "zonegraph.ttl"
NS = str(ZG._NS)
TERMS = sorted(ZG.__annotations__)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def _kinds(graph: Graph, term: URIRef) -> set[URIRef]:
    return set(graph.objects(term, RDF.type))


@pytest.mark.parametrize("name", TERMS)
def test_term_is_declared_with_labels(ontology: Graph, name: str) -> None:
    term = ZG[name]
    assert _kinds(ontology, term), f"zg:{name} is not declared"
    labels = list(ontology.objects(term, RDFS.label))
    assert sorted(lbl.language for lbl in labels) == ["en", "zh"], f"zg:{name} needs one zh and one en label"
    assert list(ontology.objects(term, RDFS.comment)), f"zg:{name} has no rdfs:comment"


def test_no_undeclared_extras(ontology: Graph) -> None:
    declared = {str(s)[len(NS):] for s in ontology.subjects(RDF.type, None) if str(s).startswith(NS)}
    assert declared == set(TERMS)


@pytest.mark.parametrize("name", [n for n in TERMS if n[0].isupper() and not n.endswith("Scheme")])
def test_classes_are_aligned(ontology: Graph, name: str) -> None:
    if (ZG[name], RDF.type, OWL.Class) not in ontology:
        return
    parents = [p for p in ontology.objects(ZG[name], RDFS.subClassOf) if not str(p).startswith(NS)]
    assert parents, f"zg:{name} is not aligned to a standard vocabulary"


@pytest.mark.parametrize("scheme", ["ProjectStatusScheme", "ObservationKindScheme"])
def test_concepts_are_in_their_scheme(ontology: Graph, scheme: str) -> None:
    members = list(ontology.subjects(SKOS.inScheme, ZG[scheme]))
    assert len(members) >= 4
    for concept in members:
        assert sorted(p.language for p in ontology.objects(concept, SKOS.prefLabel)) == ["en", "zh"]
