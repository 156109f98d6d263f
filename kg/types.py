"""Frozen dataclasses passed between the pipeline's stages.

The flow is ``Document`` → ``Text`` (normalised, with offsets) → ``Sentence``s →
``Mention``s and ``Fact``s per document (``Extraction``) → resolved ``Entity``s
(``Resolution``) → RDF.  Every stage is a pure function over these values.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class Kind(str, Enum):
    """The classes of things ZoneGraph extracts; values are ``zg:`` class names."""

    ZONE = "Zone"
    COMPANY = "Company"
    PROJECT = "Project"
    PARK = "Park"
    HONOR = "Honor"
    INDICATOR = "Indicator"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    CLUSTER = "Cluster"


class Status(str, Enum):
    """Project status; values are the ``zg:`` concepts of the status scheme."""

    PLANNED = "planned"
    SIGNED = "signed"
    UNDER_CONSTRUCTION = "underConstruction"
    IN_OPERATION = "inOperation"
    COMPLETED = "completed"


@dataclass(frozen=True)
class Document:
    """One input report as read from disk: raw text plus provenance."""

    name: str
    text: str
    sha256: str
    path: str = ""
    meta: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        """A metadata value (``zone``, ``period``, ``source``) from the file header or metadata.csv."""
        return next((v for k, v in self.meta if k == key), None)


@dataclass(frozen=True)
class Text:
    """Normalised text of a document; ``offsets[i]`` is the raw offset of char ``i``."""

    text: str
    offsets: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span back to raw-text offsets."""
        if start >= end:
            return (self.offsets[start] if start < len(self.offsets) else 0,) * 2
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Sentence:
    """A sentence of normalised text with its span in that text."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A name found in a sentence: its class and label as written (no whitespace)."""

    kind: Kind
    label: str
    sentence: int


@dataclass(frozen=True)
class Observation:
    """One economic figure as reported (``value`` is in ``unit``, as written).

    ``kind`` is one of ``actual``, ``estimate`` (预计), ``target`` (力争/确保) or
    ``share`` (占比); ``concept`` is the normalised metric, if the metric is a
    common one; ``base_value`` is ``value`` in ``base_unit`` (亿元 → CNY).
    ``qualifier`` says how the value bounds the figure (超/以上 ``over``, 近 ``nearly``,
    约/左右 ``about``, 余/多 ``moreThan``); ``change`` is the word before a counted thing that
    says how it moved (新增, 引进, 累计), kept out of ``metric``.
    """

    metric: str
    value: Decimal
    unit: str
    sentence: int
    growth: Decimal | None = None
    period: str | None = None
    estimated: bool = False
    approximate: bool = False
    kind: str = "actual"
    concept: str | None = None
    base_value: Decimal | None = None
    base_unit: str | None = None
    qualifier: str | None = None
    change: str | None = None


@dataclass(frozen=True)
class LeftOut:
    """A figure of a sentence left out rather than guessed, and why (for the build's log)."""

    sentence: int
    figure: str
    reason: str


@dataclass(frozen=True)
class Ranking:
    """A place in an assessment: "在全省166家先进制造业开发区…考评中排名一档第六"."""

    assessment: str
    rank: str
    sentence: int
    position: int | None = None
    field_size: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class Fact:
    """A relation or attribute stated by one sentence.

    ``predicate`` is a ``zg:`` property name; ``obj`` is a ``Mention`` for
    relations between entities, else a literal value (``Decimal``, ``int`` year,
    ``Status`` or ``str``).
    """

    subject: Mention
    predicate: str
    obj: Mention | Decimal | int | str | Status
    sentence: int


@dataclass(frozen=True)
class DocumentInfo:
    """What a report says about itself: title, zone and reported period.

    ``year`` is the year the report speaks from (今年 is that year); ``period`` the period its
    figures report on by default.  A work report given early in a year ("2024年政府工作报告")
    speaks from 2024, reviews 2023 (``period`` "2023") and plans 2024 (``plan_year``).
    """

    title: str
    zone: str | None = None
    year: int | None = None
    period: str | None = None
    zone_rule: str | None = None
    plan_year: int | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    info: DocumentInfo
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    observations: tuple[Observation, ...]
    rankings: tuple[Ranking, ...] = ()
    left_out: tuple[LeftOut, ...] = ()

    @property
    def own_zone(self) -> Mention | None:
        """The zone the report is about (the first mention, sentence -1), or ``None`` when it has none.

        A report that names no zone of its own and speaks of none (a provincial work report,
        national news) has none, and nothing is placed in a zone on its account.
        """
        first = self.mentions[0] if self.mentions else None
        return first if first is not None and first.sentence < 0 and first.kind is Kind.ZONE else None


@dataclass(frozen=True)
class Failure:
    """A report left out of a build because a stage failed on it unexpectedly (a bug to report).

    ``stage`` is where it failed (``extract``, ``recognise``, ``resolve``, ``rdf``); ``trace``
    is the formatted traceback, for the error log beside the output.
    """

    document: str
    path: str
    stage: str
    error: str
    message: str
    trace: str = ""

    @classmethod
    def of(cls, stage: str, document: str, path: str, exc: BaseException) -> Failure:
        """The failure of ``stage`` on a report, with the traceback of ``exc``."""
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return cls(document, path, stage, type(exc).__name__, str(exc), trace)

    def line(self) -> str:
        """The one line a user sees: file, stage, error class, what to do."""
        return (f"skipped {self.path or self.document}: {self.stage} failed with {self.error}: "
                f"{self.message[:200]}; please report this")


@dataclass(frozen=True)
class Entity:
    """One real-world thing after resolution, identified by a stable ``key``."""

    key: str
    kind: Kind
    label: str
    alt_labels: frozenset[str] = field(default_factory=frozenset)
    documents: frozenset[str] = field(default_factory=frozenset)
