"""Build the RDF graph from resolved entities: the only module that makes RDF terms.

Every project, honor and indicator carries the sentences it came from
(``zg:evidence``) and the report (``zg:source``); every entity carries
``zg:mentionedIn`` for each report that names it.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import XSD as _XSD
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import OWL, PROV
from rdflib.namespace import SKOS as _SKOS

from kg.extract.patterns import METRIC_CONCEPTS
from kg.graph.resolve import MentionKey, Resolution, digest
from kg.graph.triples import Triples
from kg.namespace import METRIC as _METRIC
from kg.namespace import RES as _RES
from kg.namespace import ZG as _ZG
from kg.types import Entity, Extraction, Fact, Kind, Mention, Observation, Ranking, Status


class _Interned:
    """A namespace that hands out one term object per name.

    Equal terms that are the same object hash and compare at C speed in the sets and dicts
    of a build and of the Turtle writer (rdflib's own ``__eq__`` is Python code).
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace
        self._terms: dict[str, URIRef] = {}

    def __getitem__(self, name: str) -> URIRef:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = self._namespace[name]  # type: ignore[index]
        return term

    def clear(self) -> None:
        """Forget the terms handed out so far (a build's entity IRIs are not kept past the next)."""
        self._terms.clear()

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term  # type: ignore[no-any-return]


class _Literals:
    """One literal object per value, datatype and language in a build.

    Sentences, names, figures and dates recur across facts, and making an rdflib literal
    (which parses its lexical form) costs far more than finding one already made.
    """

    def __init__(self) -> None:
        self._made: dict[tuple[object, ...], Literal] = {}

    def __call__(self, value: object, datatype: URIRef | None = None, lang: str | None = None) -> Literal:
        key = (value.__class__, value, datatype, lang)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Literal(value, datatype=datatype, lang=lang)
        return made

    def clear(self) -> None:
        """Forget the literals made so far (a build's are not kept past the next)."""
        self._made.clear()


LIT = _Literals()
RDF, RDFS, XSD, DCTERMS, SKOS = map(_Interned, (_RDF, _RDFS, _XSD, _DCTERMS, _SKOS))
METRIC, RES, ZG = map(_Interned, (_METRIC, _RES, _ZG))

#: Classes whose nodes carry their evidence sentences.
WITH_EVIDENCE = frozenset((Kind.PROJECT, Kind.HONOR, Kind.COMPANY, Kind.PARK, Kind.PERSON,
                           Kind.CLUSTER, Kind.ORGANIZATION))
#: Zone-scoped classes that lie in the zone of the report that names them.
LOCATED = frozenset((Kind.PROJECT, Kind.PARK))
MAX_EVIDENCE_PER_DOC = 5
#: The kinds of figure that tell how a target turned out.
OUTCOME_KINDS = frozenset(("actual", "estimate"))
#: Concepts whose figures are the total of a group of projects named in their sentence (总投资): two reports'
#: totals are of different groups, so a target of one is never paired with the other's figure.
UNPAIRED_CONCEPTS = frozenset(("totalInvestment",))
#: Figures by zone, metric as written, period and change word: (kind, node) of each.
Figures = dict[tuple[URIRef, str, str, str], list[tuple[str, URIRef]]]
#: The Chinese names of the project stages (as the status scheme's labels), for status statements' labels.
STATUS_ZH = {Status.PLANNED: "谋划", Status.SIGNED: "签约", Status.UNDER_CONSTRUCTION: "开工",
             Status.IN_OPERATION: "投产", Status.COMPLETED: "竣工"}
#: Fact predicates that resolution consumes: "A（以下简称B）" makes B a label of A's node
#: (``skos:altLabel``), not a triple of its own.
RESOLVED = frozenset(("alias",))
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
    graph.bind("zg", _ZG._NS)
    for kind in Kind:
        graph.bind(kind.value.lower(), RES[kind.value.lower() + "/"])
    graph.bind("document", RES["document/"])
    graph.bind("ranking", RES["ranking/"])
    graph.bind("statement", RES["statement/"])
    graph.bind("metric", _METRIC)
    for prefix, ns in (("skos", _SKOS), ("dcterms", _DCTERMS), ("prov", PROV), ("owl", OWL)):
        graph.bind(prefix, ns)
    return graph


def to_triples(resolution: Resolution) -> Triples:
    """The triples of a resolved corpus (cheaper to fill and to write than a Graph)."""
    forget_terms()
    out = Triples()
    add_entities(out, resolution.entities)
    figures: Figures = defaultdict(list)
    for extraction in resolution.extractions:
        _add_document(out, resolution, extraction, figures)
    link_outcomes(out, figures)
    return out


def forget_terms() -> None:
    """Drop the IRIs and literals made so far (a build's, or a streaming build's last partition's)."""
    RES.clear()
    LIT.clear()


def add_entities(out: Triples, entities: Iterable[Entity]) -> None:
    """Add each entity's class, preferred label and other labels."""
    for entity in entities:
        node = iri(entity.key)
        out.add(node, RDF.type, ZG[entity.kind.value])
        out.add(node, RDFS.label, _zh(entity.label))
        for alt in sorted(entity.alt_labels):
            out.add(node, SKOS.altLabel, _zh(alt))


def report_triples(extraction: Extraction, keys: dict[MentionKey, str], zone: str | None) -> tuple[Triples, Figures]:
    """The triples of one report alone, given its mentions' entity keys and its zone's key.

    Also its figures, by zone, metric, period and change word, for :func:`link_outcomes`
    to pair with other reports' (a streaming build groups them on disk).
    """
    resolution = Resolution((extraction,), (), keys, {extraction.document.name: zone})
    out = Triples()
    figures: Figures = defaultdict(list)
    _add_document(out, resolution, extraction, figures)
    return out, figures


def link_outcomes(out: Triples, figures: Figures) -> None:
    """Link each target to the actual or estimated figures of its zone, metric, period and change word.

    The reports of one zone set a target (力争新增高新技术企业10家) and later tell the outcome
    (新增高新技术企业13家); ``zg:outcome`` pairs them, so whether a target was met is one lookup.
    """
    for kinds in figures.values():
        outcomes = [node for kind, node in kinds if kind in OUTCOME_KINDS]
        for target in (node for kind, node in kinds if kind == "target"):
            for outcome in outcomes:
                out.add(target, ZG.outcome, outcome)


def to_graph(triples: Triples) -> Graph:
    """A graph holding ``triples``, with the project's prefixes bound."""
    graph = new_graph()
    for triple in triples:
        graph.add(triple)
    return graph


def to_rdf(resolution: Resolution) -> Graph:
    """The knowledge graph of a resolved corpus."""
    return to_graph(to_triples(resolution))


def _zh(text: str) -> Literal:
    """A Chinese-tagged literal."""
    return LIT(text, lang="zh")


def _add_document(out: Triples, resolution: Resolution, extraction: Extraction, figures: Figures) -> None:
    """Add one report: its node, mentions, facts and observations."""
    name = extraction.document.name
    doc = document_iri(extraction)
    zone_key = resolution.zone_of[name]
    zone = iri(zone_key) if zone_key else None
    info = extraction.info
    out.add(doc, RDF.type, ZG.Document)
    out.add(doc, RDFS.label, _zh(info.title or name))
    out.add(doc, DCTERMS.title, _zh(info.title or name))
    out.add(doc, ZG.fileName, LIT(name))
    out.add(doc, ZG.contentHash, LIT(f"sha256:{extraction.document.sha256}"))
    if zone:
        out.add(doc, ZG.reportsOn, zone)
    if info.period:
        out.add(doc, ZG.period, LIT(info.period))
    evidence_count: dict[URIRef, int] = {}
    for mention in extraction.mentions:
        node = iri(resolution.key(name, mention.kind, mention.label))
        out.add(node, ZG.mentionedIn, doc)
        if zone and mention.kind in LOCATED:
            out.add(node, ZG.locatedIn, zone)
        if zone and mention.kind is Kind.PERSON:
            out.add(node, ZG.affiliation, zone)
        if mention.kind in WITH_EVIDENCE:
            count = evidence_count.get(node, 0)
            if count < MAX_EVIDENCE_PER_DOC:
                _evidence(out, node, extraction, mention.sentence, doc)
                evidence_count[node] = count + 1
    for fact in extraction.facts:
        if fact.predicate not in RESOLVED:
            _add_fact(out, resolution, extraction, fact, doc)
    for observation in extraction.observations:
        node = _add_observation(out, extraction, observation, doc, zone)
        if zone and observation.period and observation.concept not in UNPAIRED_CONCEPTS:
            key = (zone, observation.metric, observation.period, observation.change or "")
            figures[key].append((observation.kind, node))
    for ranking in extraction.rankings if zone else ():
        _add_ranking(out, extraction, ranking, doc, zone)  # a place in a ranking needs whose place it is


def _evidence(out: Triples, node: URIRef, extraction: Extraction, index: int, doc: URIRef) -> None:
    out.add(node, ZG.evidence, _zh(extraction.sentences[index].text))
    out.add(node, ZG.source, doc)


def _node(resolution: Resolution, extraction: Extraction, mention: Mention) -> URIRef:
    return iri(resolution.key(extraction.document.name, mention.kind, mention.label))


def _add_fact(
    out: Triples, resolution: Resolution, extraction: Extraction, fact: Fact, doc: URIRef
) -> None:
    """Add one fact as a triple, with its sentence as evidence on the subject."""
    subject = _node(resolution, extraction, fact.subject)
    obj = fact.obj
    if isinstance(obj, Mention):
        value: URIRef | Literal = _node(resolution, extraction, obj)
    elif isinstance(obj, Status):
        value = ZG[obj.value]
    elif fact.predicate == "year":
        value = LIT(str(obj), datatype=XSD.gYear)
    elif isinstance(obj, Decimal):
        value = LIT(_plain(obj), datatype=XSD.decimal)
    else:
        value = LIT(str(obj), lang="zh")
    out.add(subject, ZG[fact.predicate], value)
    _evidence(out, subject, extraction, fact.sentence, doc)
    if isinstance(obj, Status):
        _add_status_statement(out, extraction, fact, subject, doc)


def _add_status_statement(out: Triples, extraction: Extraction, fact: Fact, project: URIRef, doc: URIRef) -> None:
    """Add a project's status as this report states it: a project's history is read from these nodes."""
    status = ZG[fact.obj.value]  # type: ignore[union-attr]
    key = digest(extraction.document.sha256, str(fact.sentence), str(project), str(status))
    node = RES[f"statement/{key}"]
    out.add(node, RDF.type, ZG.StatusStatement)
    out.add(node, RDFS.label, _zh(f"{fact.subject.label}：{STATUS_ZH[fact.obj]}"))  # type: ignore[index]
    out.add(node, ZG.mentionedIn, doc)
    out.add(node, ZG.statusOf, project)
    out.add(node, ZG.status, status)
    _evidence(out, node, extraction, fact.sentence, doc)


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 4.0E+9 → 4000000000, 1.50 → 1.5."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _decimal(value: Decimal) -> Literal:
    return LIT(_plain(value), datatype=XSD.decimal)


def _add_observation(
    out: Triples, extraction: Extraction, obs: Observation, doc: URIRef, zone: URIRef | None
) -> URIRef:
    """Add one indicator observation node (a qb:Observation of the zone, when the report has one)."""
    key = digest(extraction.document.sha256, str(obs.sentence), (obs.change or "") + obs.metric, str(obs.value),
                 obs.unit, obs.period or "", obs.kind)
    node = RES[f"indicator/{key}"]
    label = f"{obs.metric}（{obs.period}）" if obs.period else obs.metric
    out.add(node, RDF.type, ZG.Indicator)
    out.add(node, RDFS.label, LIT(label, lang="zh"))
    out.add(node, ZG.metric, _zh(obs.metric))
    if obs.concept:
        out.add(node, ZG.normalizedMetric, METRIC[obs.concept])
        # the concept's name travels with the graph, so a query can ask for 工业增加值 by its official name
        out.add(METRIC[obs.concept], SKOS.prefLabel, _zh(METRIC_CONCEPTS[obs.concept][0]))
    out.add(node, ZG.value, _decimal(obs.value))
    out.add(node, ZG.unit, LIT(obs.unit))
    if obs.base_value is not None and obs.base_unit:
        out.add(node, ZG.baseValue, _decimal(obs.base_value))
        out.add(node, ZG.baseUnit, LIT(obs.base_unit))
    if obs.growth is not None:
        out.add(node, ZG.growthRate, _decimal(obs.growth))
    _add_period(out, node, obs.period)
    out.add(node, ZG.estimated, LIT(obs.estimated))
    out.add(node, ZG.kind, ZG[obs.kind])
    if obs.approximate:
        out.add(node, ZG.approximate, LIT(True))
    if obs.qualifier:
        out.add(node, ZG.qualifier, ZG[obs.qualifier])
    if obs.change:
        out.add(node, ZG.change, _zh(obs.change))
    if zone:
        out.add(node, ZG.observedFor, zone)
    out.add(node, ZG.mentionedIn, doc)
    _evidence(out, node, extraction, obs.sentence, doc)
    return node


def _add_period(out: Triples, node: URIRef, period: str | None) -> None:
    """``zg:period`` as written plus its first and last day, so periods sort and compare."""
    if not period:
        return
    out.add(node, ZG.period, LIT(period))
    bounds = period_bounds(period)
    if bounds:
        out.add(node, ZG.periodStart, LIT(bounds[0], datatype=XSD.date))
        out.add(node, ZG.periodEnd, LIT(bounds[1], datatype=XSD.date))


def _add_ranking(out: Triples, extraction: Extraction, ranking: Ranking, doc: URIRef, zone: URIRef) -> None:
    """Add one ranking node: the report's zone placed in an assessment."""
    key = digest(extraction.document.sha256, str(ranking.sentence), ranking.assessment, ranking.rank)
    node = RES[f"ranking/{key}"]
    out.add(node, RDF.type, ZG.Ranking)
    out.add(node, RDFS.label, LIT(f"{ranking.assessment} {ranking.rank}", lang="zh"))
    out.add(node, ZG.assessment, LIT(ranking.assessment, lang="zh"))
    out.add(node, ZG.rank, LIT(ranking.rank, lang="zh"))
    if ranking.position is not None:
        out.add(node, ZG.position, LIT(ranking.position))
    if ranking.field_size is not None:
        out.add(node, ZG.fieldSize, LIT(ranking.field_size))
    if ranking.year is not None:
        out.add(node, ZG.year, LIT(str(ranking.year), datatype=XSD.gYear))
    out.add(node, ZG.rankedEntity, zone)
    out.add(node, ZG.mentionedIn, doc)
    _evidence(out, node, extraction, ranking.sentence, doc)


@lru_cache(maxsize=4096)
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
