"""ontology/zonegraph.ttl declares exactly the terms of kg.namespace.ZG, labelled, commented and aligned."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.namespace import ONTOLOGY_IRI, ZG

ONTOLOGY = Path(__file__).parents[1] / "ontology" / "zonegraph.ttl"
NS = str(ZG._NS)
TERMS = sorted(ZG.__annotations__)

CLASS_KINDS = {OWL.Class}
PROPERTY_KINDS = {OWL.ObjectProperty, OWL.DatatypeProperty}
INDIVIDUAL_KINDS = {OWL.NamedIndividual, SKOS.Concept, SKOS.ConceptScheme}

#: The concept schemes of the ontology: scheme -> (class of its concepts, its concepts).
SCHEMES = {
    "ProjectStatusScheme": ("ProjectStatus", ["planned", "signed", "underConstruction", "inOperation", "completed"]),
    "ObservationKindScheme": ("ObservationKind", ["actual", "estimate", "target", "share"]),
}
#: Classes that need no alignment to an outside vocabulary.
UNALIGNED_OK = {"Document", "ProjectStatus"}


def _parse() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


# Parsed once at collection time so the tests below can be parametrized per class or property.
# If the file does not parse, test_ontology_parses reports why and the other tests fail or are empty.
try:
    GRAPH = _parse()
except Exception:
    GRAPH = Graph()


def _iri(name: str) -> URIRef:
    """The zg: IRI of ``name``; unlike ``ZG[name]`` it does not raise for names missing from ZG."""
    return URIRef(NS + name)


def _name(term: URIRef) -> str:
    return str(term)[len(NS) :]


def _declared(kinds: set[URIRef]) -> list[str]:
    return sorted({_name(s) for kind in kinds for s in GRAPH.subjects(RDF.type, kind) if str(s).startswith(NS)})


def _languages(term: URIRef, predicate: URIRef) -> Counter[str | None]:
    return Counter(o.language for o in GRAPH.objects(term, predicate) if isinstance(o, Literal))


CLASSES = _declared(CLASS_KINDS)
CLASSES_AND_PROPERTIES = _declared(CLASS_KINDS | PROPERTY_KINDS)


# 1. the file parses ---------------------------------------------------------------------------


def test_ontology_parses() -> None:
    graph = _parse()
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph


def test_ontology_header() -> None:
    ontology = URIRef(ONTOLOGY_IRI)
    assert sorted(_languages(ontology, DCTERMS.title).elements()) == ["en", "zh"]
    assert list(GRAPH.objects(ontology, DCTERMS.description))
    assert list(GRAPH.objects(ontology, OWL.versionInfo))
    assert (ontology, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in GRAPH


# 2. every ZG term is declared -----------------------------------------------------------------


@pytest.mark.parametrize("name", TERMS)
def test_term_is_declared(name: str) -> None:
    kinds = set(GRAPH.objects(ZG[name], RDF.type))
    assert kinds & (CLASS_KINDS | PROPERTY_KINDS | INDIVIDUAL_KINDS), f"zg:{name} is not declared in {ONTOLOGY.name}"
    assert len(kinds & (CLASS_KINDS | PROPERTY_KINDS)) <= 1, f"zg:{name} is declared as more than one kind of term"
    assert (ZG[name], RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)) in GRAPH, f"zg:{name} has no rdfs:isDefinedBy"


# 3. no undeclared extras ----------------------------------------------------------------------


def test_declared_terms_are_exactly_zg() -> None:
    declared = {_name(s) for s in GRAPH.subjects(RDF.type, None) if str(s).startswith(NS)}
    assert sorted(declared - set(TERMS)) == [], "declared in the ontology but missing from kg.namespace.ZG"
    assert sorted(set(TERMS) - declared) == [], "in kg.namespace.ZG but not declared in the ontology"


def test_every_zg_iri_used_is_a_zg_term() -> None:
    used = {_name(t) for triple in GRAPH for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert sorted(used - set(TERMS)) == [], "zg: IRIs (misspelt?) that are not terms of kg.namespace.ZG"


# 4. labels and comments -----------------------------------------------------------------------


@pytest.mark.parametrize("name", CLASSES_AND_PROPERTIES)
def test_labels_and_comment(name: str) -> None:
    term = _iri(name)
    labels = _languages(term, RDFS.label)
    assert labels["zh"] == 1, f"zg:{name} needs exactly one rdfs:label@zh"
    assert labels["en"] == 1, f"zg:{name} needs exactly one rdfs:label@en"
    assert sum(labels.values()) == 2, f"zg:{name} has labels in other languages or without one"
    assert _languages(term, RDFS.comment)["en"] >= 1, f"zg:{name} needs an rdfs:comment@en"


def test_labels_are_distinct() -> None:
    labels = Counter(
        (str(label), label.language)
        for name in CLASSES_AND_PROPERTIES
        for label in GRAPH.objects(_iri(name), RDFS.label)
    )
    assert [label for label, count in labels.items() if count > 1] == []


# 5. concept schemes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "concept"), [(scheme, concept) for scheme, (_, concepts) in SCHEMES.items() for concept in concepts]
)
def test_concept_in_scheme(scheme: str, concept: str) -> None:
    cls, _ = SCHEMES[scheme]
    term = ZG[concept]
    assert (ZG[scheme], RDF.type, SKOS.ConceptScheme) in GRAPH
    assert {ZG[cls], SKOS.Concept} <= set(GRAPH.objects(term, RDF.type))
    assert (term, SKOS.inScheme, ZG[scheme]) in GRAPH
    pref = _languages(term, SKOS.prefLabel)
    assert pref["zh"] == 1 and pref["en"] == 1, f"zg:{concept} needs one skos:prefLabel in zh and one in en"
    assert list(GRAPH.objects(term, SKOS.notation)), f"zg:{concept} has no skos:notation"


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_scheme_has_exactly_its_concepts(scheme: str) -> None:
    cls, concepts = SCHEMES[scheme]
    assert {_name(c) for c in GRAPH.subjects(SKOS.inScheme, ZG[scheme])} == set(concepts)
    assert {_name(c) for c in GRAPH.subjects(RDF.type, ZG[cls])} == set(concepts)


# 6. alignment to standard vocabularies --------------------------------------------------------


@pytest.mark.parametrize("name", [c for c in CLASSES if c not in UNALIGNED_OK])
def test_class_is_aligned(name: str) -> None:
    parents = [
        p for p in GRAPH.objects(_iri(name), RDFS.subClassOf) if isinstance(p, URIRef) and not str(p).startswith(NS)
    ]
    assert parents, f"zg:{name} has no rdfs:subClassOf outside the zg: namespace"


def test_company_and_person_are_disjoint() -> None:
    assert (ZG.Company, OWL.disjointWith, ZG.Person) in GRAPH or (ZG.Person, OWL.disjointWith, ZG.Company) in GRAPH
