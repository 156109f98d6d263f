"""Zone profiles: what the graph holds about one zone, gathered for its page.

:func:`zone_profiles` reads a built graph and returns one :class:`ZoneProfile` per zone:
its reports, figures (grouped into series per metric and unit), projects with the status
each report states, honors by year and level, parks, companies and rankings.  Every
figure and fact keeps its evidence sentence and report.  Nothing here writes files or
HTML: :mod:`kg.outputs.profile_page` renders the pages.

>>> from rdflib import Graph
>>> zone_profiles(Graph())
[]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from kg.graph.build import STATUS_ZH, period_bounds
from kg.namespace import ZG
from kg.outputs.charts import number
from kg.types import Status

#: An honor's level, read from its title: the first pattern that matches.
HONOR_LEVELS = (("national", re.compile("国家|全国|中国|国字号")), ("provincial", re.compile("省")),
                ("municipal", re.compile("市")))
STATUSES = {status.value: status for status in Status}
#: The order of the project stages (in operation and completed are one stage).
STAGE_ORDER = {Status.PLANNED: 1, Status.SIGNED: 2, Status.UNDER_CONSTRUCTION: 3, Status.IN_OPERATION: 4,
               Status.COMPLETED: 4}


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact was read from and the report holding it."""

    sentence: str
    report: str


@dataclass(frozen=True)
class Figure:
    """One indicator observation of the zone."""

    metric: str
    period: str
    value: float
    unit: str
    kind: str
    growth: float | None
    evidence: Evidence


@dataclass(frozen=True)
class Series:
    """The figures of one metric in one unit, the points of one chart."""

    metric: str
    unit: str
    figures: tuple[Figure, ...]

    @property
    def periods(self) -> list[str]:
        """The series' periods in time order."""
        return sorted({f.period for f in self.figures}, key=period_key)


@dataclass(frozen=True)
class Row:
    """One line of a table on the page: cells, and the evidence behind the line."""

    cells: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Report:
    """A report on the zone."""

    file: str
    title: str
    period: str


@dataclass
class ZoneProfile:
    """Everything the zone's page shows."""

    iri: str
    key: str
    name: str
    place: str = ""
    reports: list[Report] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    projects: list[Row] = field(default_factory=list)
    honors: list[Row] = field(default_factory=list)
    parks: list[Row] = field(default_factory=list)
    companies: list[Row] = field(default_factory=list)
    rankings: list[Row] = field(default_factory=list)

    @property
    def periods(self) -> list[str]:
        """The periods its reports cover, in time order."""
        return sorted({r.period for r in self.reports if r.period}, key=period_key)


def period_key(period: str) -> str:
    """A period's last month as YYYY-MM, so periods sort in time: "2023-H1" before "2023".

    >>> sorted(["2023", "2023-H1", "2022-01/2022-06", "2022"], key=period_key)
    ['2022-01/2022-06', '2022', '2023-H1', '2023']
    """
    bounds = period_bounds(period)
    return bounds[1][:7] if bounds else period


def place_of(zone: str) -> str:
    """The city (or province) a zone's name opens with, when it opens with one.

    >>> place_of("安阳高新区"), place_of("高新区")
    ('安阳', '')
    """
    from kg.extract.places import places

    return max((p for p in places() if zone.startswith(p)), key=len, default="")


def honor_level(title: str) -> str:
    """National, provincial, municipal or other, read from an honor's title.

    >>> honor_level("国家级甲乙工厂"), honor_level("甲省乙丙企业"), honor_level("优秀甲园区")
    ('national', 'provincial', 'other')
    """
    return next((level for level, pattern in HONOR_LEVELS if pattern.search(title)), "other")


def zone_profiles(graph: Graph, zone: str | None = None) -> list[ZoneProfile]:
    """One profile per zone of ``graph`` (or only the zone labelled ``zone``), sorted by name."""
    reader = _Reader(graph)
    zones = sorted(graph.subjects(RDF.type, ZG.Zone), key=lambda z: (reader.label(z), str(z)))
    return [reader.profile(z) for z in zones if zone is None or reader.label(z) == zone]


class _Reader:
    """Reads one zone's facts from the graph; labels and reports are looked up once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._labels: dict[URIRef, str] = {}

    def label(self, node: object) -> str:
        if node not in self._labels:
            labels = sorted(str(o) for o in self.graph.objects(node, RDFS.label))  # type: ignore[arg-type]
            self._labels[node] = labels[0] if labels else str(node).rsplit("/", 1)[-1]  # type: ignore[index]
        return self._labels[node]  # type: ignore[index]

    def value(self, node: object, prop: URIRef) -> str:
        found = sorted(str(o) for o in self.graph.objects(node, prop))  # type: ignore[arg-type]
        return found[0] if found else ""

    def profile(self, zone: URIRef) -> ZoneProfile:
        docs = sorted(self.graph.subjects(ZG.reportsOn, zone), key=str)
        name = self.label(zone)
        profile = ZoneProfile(str(zone), str(zone).rsplit("/", 1)[-1], name, place_of(name))
        profile.reports = sorted((Report(self.value(d, ZG.fileName), self.value(d, RDFS.label),
                                         self.value(d, ZG.period)) for d in docs),
                                 key=lambda r: (period_key(r.period), r.file))
        profile.series = self._series(zone)
        mentioned = {e for d in docs for e in self.graph.subjects(ZG.mentionedIn, d)}
        typed = defaultdict(list)
        for entity in mentioned:
            for cls in self.graph.objects(entity, RDF.type):
                typed[cls].append(entity)
        profile.projects = self._projects(typed[ZG.Project], set(docs))
        profile.honors = self._honors(typed[ZG.Honor], set(docs))
        profile.parks = self._simple(typed[ZG.Park], set(docs))
        profile.companies = self._simple(typed[ZG.Company], set(docs))
        profile.rankings = self._rankings(zone)
        return profile

    def evidence(self, node: object, docs: set[URIRef] | None = None) -> tuple[Evidence, ...]:
        """The node's sentences, each with a report it comes from (of ``docs`` when given)."""
        sources = [d for d in sorted(self.graph.objects(node, ZG.source), key=str)  # type: ignore[arg-type]
                   if docs is None or d in docs]
        report = self.value(sources[0], ZG.fileName) if sources else ""
        sentences = sorted(str(s) for s in self.graph.objects(node, ZG.evidence))  # type: ignore[arg-type]
        return tuple(Evidence(s, report) for s in sentences[:3])

    def _series(self, zone: URIRef) -> list[Series]:
        groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
        for node in self.graph.subjects(ZG.observedFor, zone):
            figure = self._figure(node)
            if figure is not None:
                groups[(figure.metric, figure.unit)].append(figure)
        series = [Series(metric, unit, tuple(sorted(figs, key=lambda f: (period_key(f.period), f.kind, f.value))))
                  for (metric, unit), figs in groups.items()]
        return sorted(series, key=lambda s: (-len(s.figures), s.metric, s.unit))

    def _figure(self, node: object) -> Figure | None:
        number = _number(self.value(node, ZG.value))
        period = self.value(node, ZG.period)
        if number is None or not period:
            return None
        concept = self.value(node, ZG.normalizedMetric)
        metric = self.value(URIRef(concept), SKOS.prefLabel) if concept else ""
        growth = _number(self.value(node, ZG.growthRate))
        kind = self.value(node, ZG.kind).rsplit("#", 1)[-1] or "actual"
        sentences = self.evidence(node)
        return Figure(metric or self.value(node, ZG.metric), period, number, self.value(node, ZG.unit), kind, growth,
                      sentences[0] if sentences else Evidence("", ""))

    def _projects(self, projects: list[URIRef], docs: set[URIRef]) -> list[Row]:
        rows = []
        for project in projects:
            investment = _number(self.value(project, ZG.totalInvestment))
            investors = "、".join(sorted(self.label(c) for c in self.graph.objects(project, ZG.investor)))
            rows.append(Row((self.label(project), "" if investment is None else number(investment / 1e8), investors,
                             self._history(project, docs)), self.evidence(project, docs)))
        return sorted(rows, key=lambda r: r.cells[0])

    def _history(self, project: URIRef, docs: set[URIRef]) -> str:
        """The status each report on the zone states, in report order: "签约（2023-H1）→ 开工（2023）"."""
        stated = []
        for statement in self.graph.subjects(ZG.statusOf, project):
            doc = next(iter(self.graph.objects(statement, ZG.source)), None)
            status = STATUSES.get(self.value(statement, ZG.status).rsplit("#", 1)[-1])
            if doc in docs and status is not None:
                period = self.value(doc, ZG.period)
                stated.append((period_key(period), STAGE_ORDER[status], f"{STATUS_ZH[status]}（{period}）"))
        return " → ".join(text for *_, text in sorted(set(stated)))

    def _honors(self, honors: list[URIRef], docs: set[URIRef]) -> list[Row]:
        rows = []
        for honor in honors:
            title = self.label(honor)
            recipients = "、".join(sorted(self.label(r) for r in self.graph.objects(honor, ZG.awardedTo)))
            rows.append(Row((self.value(honor, ZG.year), honor_level(title), title, recipients),
                            self.evidence(honor, docs)))
        return sorted(rows, key=lambda r: (-int(r.cells[0] or 0), r.cells[1], r.cells[2]))

    def _simple(self, entities: list[URIRef], docs: set[URIRef]) -> list[Row]:
        rows = [Row((self.label(e), str(len(set(self.graph.objects(e, ZG.mentionedIn)) & docs))),
                    self.evidence(e, docs)) for e in entities]
        return sorted(rows, key=lambda r: r.cells[0])

    def _rankings(self, zone: URIRef) -> list[Row]:
        rows = [Row((self.value(r, ZG.year), self.value(r, ZG.assessment), self.value(r, ZG.rank),
                     self.value(r, ZG.fieldSize)), self.evidence(r))
                for r in self.graph.subjects(ZG.rankedEntity, zone)]
        return sorted(rows, key=lambda r: (r.cells[0], r.cells[1], r.cells[2]), reverse=True)


def _number(text: str) -> float | None:
    try:
        return float(Decimal(text)) if text else None
    except InvalidOperation:
        return None


__all__ = ["Evidence", "Figure", "Report", "Row", "Series", "ZoneProfile", "honor_level", "period_key", "place_of",
           "zone_profiles"]
