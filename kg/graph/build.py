"""Build the RDF graph from resolved entities: the only module that makes RDF terms.

Every project, honor and indicator carries the sentences it came from
(``zg:evidence``) and the report (``zg:source``); every entity carries
``zg:mentionedIn`` for each report that names it.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.graph.resolve import Resolution, digest
from kg.namespace import RES, ZG
from kg.types import Extraction, Fact, Kind, Mention, Observation, Status

#: Classes whose nodes carry their evidence sentences.
WITH_EVIDENCE = frozenset((Kind.PROJECT, Kind.HONOR, Kind.COMPANY, Kind.PARK, Kind.PERSON,
                           Kind.CLUSTER, Kind.ORGANIZATION))
#: Zone-scoped classes that lie in the zone of the report that names them.
LOCATED = frozenset((Kind.PROJECT, Kind.PARK))
MAX_EVIDENCE_PER_DOC = 5


def iri(key: str) -> URIRef:
    """The IRI of an entity key."""
    return RES[key]


def document_iri(extraction: Extraction) -> URIRef:
    """The IRI of a report: its content hash, so renaming a file keeps it."""
    return RES[f"document/{extraction.document.sha256[:16]}"]


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph()
    graph.bind("zg", ZG._NS)
    for kind in Kind:
        graph.bind(kind.value.lower(), RES[kind.value.lower() + "/"])
    graph.bind("document", RES["document/"])
    for prefix, ns in (("skos", SKOS), ("dcterms", DCTERMS), ("prov", PROV), ("owl", OWL)):
        graph.bind(prefix, ns)
    return graph


def to_rdf(resolution: Resolution) -> Graph:
    """The knowledge graph of a resolved corpus."""
    graph = new_graph()
    for entity in resolution.entities:
        node = iri(entity.key)
        graph.add((node, RDF.type, ZG[entity.kind.value]))
        graph.add((node, RDFS.label, Literal(entity.label, lang="zh")))
        for alt in sorted(entity.alt_labels):
            graph.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
    for extraction in resolution.extractions:
        _add_document(graph, resolution, extraction)
    return graph


def _add_document(graph: Graph, resolution: Resolution, extraction: Extraction) -> None:
    """Add one report: its node, mentions, facts and observations."""
    name = extraction.document.name
    doc = document_iri(extraction)
    zone = iri(resolution.zone_of[name])
    info = extraction.info
    graph.add((doc, RDF.type, ZG.Document))
    graph.add((doc, RDFS.label, Literal(info.title or name, lang="zh")))
    graph.add((doc, DCTERMS.title, Literal(info.title or name, lang="zh")))
    graph.add((doc, ZG.fileName, Literal(name)))
    graph.add((doc, ZG.contentHash, Literal(f"sha256:{extraction.document.sha256}")))
    graph.add((doc, ZG.reportsOn, zone))
    if info.period:
        graph.add((doc, ZG.period, Literal(info.period)))
    evidence_count: dict[URIRef, int] = {}
    for mention in extraction.mentions:
        node = iri(resolution.key(name, mention.kind, mention.label))
        graph.add((node, ZG.mentionedIn, doc))
        if mention.kind in LOCATED:
            graph.add((node, ZG.locatedIn, zone))
        if mention.kind is Kind.PERSON:
            graph.add((node, ZG.affiliation, zone))
        if mention.kind in WITH_EVIDENCE:
            count = evidence_count.get(node, 0)
            if count < MAX_EVIDENCE_PER_DOC:
                _evidence(graph, node, extraction, mention.sentence, doc)
                evidence_count[node] = count + 1
    for fact in extraction.facts:
        _add_fact(graph, resolution, extraction, fact, doc)
    for observation in extraction.observations:
        _add_observation(graph, extraction, observation, doc, zone)


def _evidence(graph: Graph, node: URIRef, extraction: Extraction, index: int, doc: URIRef) -> None:
    graph.add((node, ZG.evidence, Literal(extraction.sentences[index].text, lang="zh")))
    graph.add((node, ZG.source, doc))


def _node(resolution: Resolution, extraction: Extraction, mention: Mention) -> URIRef:
    return iri(resolution.key(extraction.document.name, mention.kind, mention.label))


def _add_fact(
    graph: Graph, resolution: Resolution, extraction: Extraction, fact: Fact, doc: URIRef
) -> None:
    """Add one fact as a triple, with its sentence as evidence on the subject."""
    subject = _node(resolution, extraction, fact.subject)
    obj = fact.obj
    if isinstance(obj, Mention):
        value: URIRef | Literal = _node(resolution, extraction, obj)
    elif isinstance(obj, Status):
        value = ZG[obj.value]
    elif fact.predicate == "year":
        value = Literal(str(obj), datatype=XSD.gYear)
    elif isinstance(obj, Decimal):
        value = Literal(_plain(obj), datatype=XSD.decimal)
    else:
        value = Literal(str(obj), lang="zh")
    graph.add((subject, ZG[fact.predicate], value))
    _evidence(graph, subject, extraction, fact.sentence, doc)


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 4.0E+9 → 4000000000, 1.50 → 1.5."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _add_observation(
    graph: Graph, extraction: Extraction, obs: Observation, doc: URIRef, zone: URIRef
) -> None:
    """Add one indicator observation node."""
    key = digest(extraction.document.sha256, str(obs.sentence), obs.metric, str(obs.value),
                 obs.unit, obs.period or "", str(obs.estimated))
    node = RES[f"indicator/{key}"]
    label = f"{obs.metric}（{obs.period}）" if obs.period else obs.metric
    graph.add((node, RDF.type, ZG.Indicator))
    graph.add((node, RDFS.label, Literal(label, lang="zh")))
    graph.add((node, ZG.metric, Literal(obs.metric, lang="zh")))
    graph.add((node, ZG.value, Literal(_plain(obs.value), datatype=XSD.decimal)))
    graph.add((node, ZG.unit, Literal(obs.unit)))
    if obs.growth is not None:
        graph.add((node, ZG.growthRate, Literal(_plain(obs.growth), datatype=XSD.decimal)))
    if obs.period:
        graph.add((node, ZG.period, Literal(obs.period)))
    graph.add((node, ZG.estimated, Literal(obs.estimated)))
    if obs.approximate:
        graph.add((node, ZG.approximate, Literal(True)))
    graph.add((node, ZG.observedFor, zone))
    graph.add((node, ZG.mentionedIn, doc))
    _evidence(graph, node, extraction, obs.sentence, doc)
