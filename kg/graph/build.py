"""Build the RDF graph from resolved entities: the only module that makes RDF terms.

Every project, honor and indicator carries the sentences it came from
(``zg:evidence``) and the report (``zg:source``); every entity carries
``zg:mentionedIn`` for each report that names it.
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.graph.resolve import Resolution, digest
from kg.namespace import METRIC, RES, ZG
from kg.types import Extraction, Fact, Kind, Mention, Observation, Ranking, Status

#: Classes whose nodes carry their evidence sentences.
WITH_EVIDENCE = frozenset((Kind.PROJECT, Kind.HONOR, Kind.COMPANY, Kind.PARK, Kind.PERSON,
                           Kind.CLUSTER, Kind.ORGANIZATION))
#: Zone-scoped classes that lie in the zone of the report that names them.
LOCATED = frozenset((Kind.PROJECT, Kind.PARK))
MAX_EVIDENCE_PER_DOC = 5
PERIOD = re.compile(r"(\d{4})(?:-(\d{2})/\d{4}-(\d{2})|-?(H1|H2|Q1|Q2|Q3|Q4|Q1-Q3)?)")
PERIOD_MONTHS = {"": (1, 12), "H1": (1, 6), "H2": (7, 12), "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9),
                 "Q4": (10, 12), "Q1-Q3": (1, 9)}


def iri(key: str) -> URIRef:
    """The IRI of an entity key."""
    return RES[key]


def document_iri(extraction: Extraction) -> URIRef:
    """The IRI of a report: its content hash, so renaming a file keeps it."""
    return RES[f"document/{extraction.document.sha256[:16]}"]


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph(store="SimpleMemory")
    graph.bind("zg", ZG._NS)
    for kind in Kind:
        graph.bind(kind.value.lower(), RES[kind.value.lower() + "/"])
    graph.bind("document", RES["document/"])
    graph.bind("ranking", RES["ranking/"])
    graph.bind("metric", METRIC)
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
    for ranking in extraction.rankings:
        _add_ranking(graph, extraction, ranking, doc, zone)


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


def _decimal(value: Decimal) -> Literal:
    return Literal(_plain(value), datatype=XSD.decimal)


def _add_observation(
    graph: Graph, extraction: Extraction, obs: Observation, doc: URIRef, zone: URIRef
) -> None:
    """Add one indicator observation node (a qb:Observation of the zone)."""
    key = digest(extraction.document.sha256, str(obs.sentence), obs.metric, str(obs.value),
                 obs.unit, obs.period or "", obs.kind)
    node = RES[f"indicator/{key}"]
    label = f"{obs.metric}（{obs.period}）" if obs.period else obs.metric
    graph.add((node, RDF.type, ZG.Indicator))
    graph.add((node, RDFS.label, Literal(label, lang="zh")))
    graph.add((node, ZG.metric, Literal(obs.metric, lang="zh")))
    if obs.concept:
        graph.add((node, ZG.normalizedMetric, METRIC[obs.concept]))
    graph.add((node, ZG.value, _decimal(obs.value)))
    graph.add((node, ZG.unit, Literal(obs.unit)))
    if obs.base_value is not None and obs.base_unit:
        graph.add((node, ZG.baseValue, _decimal(obs.base_value)))
        graph.add((node, ZG.baseUnit, Literal(obs.base_unit)))
    if obs.growth is not None:
        graph.add((node, ZG.growthRate, _decimal(obs.growth)))
    _add_period(graph, node, obs.period)
    graph.add((node, ZG.estimated, Literal(obs.estimated)))
    graph.add((node, ZG.kind, ZG[obs.kind]))
    if obs.approximate:
        graph.add((node, ZG.approximate, Literal(True)))
    graph.add((node, ZG.observedFor, zone))
    graph.add((node, ZG.mentionedIn, doc))
    _evidence(graph, node, extraction, obs.sentence, doc)


def _add_period(graph: Graph, node: URIRef, period: str | None) -> None:
    """``zg:period`` as written plus its first and last day, so periods sort and compare."""
    if not period:
        return
    graph.add((node, ZG.period, Literal(period)))
    bounds = period_bounds(period)
    if bounds:
        graph.add((node, ZG.periodStart, Literal(bounds[0], datatype=XSD.date)))
        graph.add((node, ZG.periodEnd, Literal(bounds[1], datatype=XSD.date)))


def _add_ranking(graph: Graph, extraction: Extraction, ranking: Ranking, doc: URIRef, zone: URIRef) -> None:
    """Add one ranking node: the report's zone placed in an assessment."""
    key = digest(extraction.document.sha256, str(ranking.sentence), ranking.assessment, ranking.rank)
    node = RES[f"ranking/{key}"]
    graph.add((node, RDF.type, ZG.Ranking))
    graph.add((node, RDFS.label, Literal(f"{ranking.assessment} {ranking.rank}", lang="zh")))
    graph.add((node, ZG.assessment, Literal(ranking.assessment, lang="zh")))
    graph.add((node, ZG.rank, Literal(ranking.rank, lang="zh")))
    if ranking.position is not None:
        graph.add((node, ZG.position, Literal(ranking.position)))
    if ranking.field_size is not None:
        graph.add((node, ZG.fieldSize, Literal(ranking.field_size)))
    if ranking.year is not None:
        graph.add((node, ZG.year, Literal(str(ranking.year), datatype=XSD.gYear)))
    graph.add((node, ZG.rankedEntity, zone))
    graph.add((node, ZG.mentionedIn, doc))
    _evidence(graph, node, extraction, ranking.sentence, doc)


def period_bounds(period: str) -> tuple[str, str] | None:
    """First and last day of a period: "2023-H1" → ("2023-01-01", "2023-06-30")."""
    match = PERIOD.fullmatch(period)
    if not match:
        return None
    year = int(match.group(1))
    if match.group(2):
        first, last = int(match.group(2)), int(match.group(3))
        if not 1 <= first <= last <= 12:
            return None
    else:
        first, last = PERIOD_MONTHS[match.group(4) or ""]
    end_day = calendar.monthrange(year, last)[1]
    return f"{year}-{first:02d}-01", f"{year}-{last:02d}-{end_day:02d}"
