"""Resolution: map every mention to one entity with a stable, deterministic key.

Keys are hashes of (class, scope, key form of the canonical name).  Zone-scoped
classes (projects, parks, clusters, organisations, people) are scoped by the
zone of the report that mentions them, so "化工园区" in two zones stays two
parks; companies and honor titles are global.  A report whose zone is never
named gets a zone scoped to that one report, so two unnamed zones never merge.

The canonical name of a mention is decided by the first rule that applies, and
every decision is logged (:attr:`Resolution.log`):

1. ``alias-file``: a user's alias file;
2. ``alias-in-text``: "A（以下简称“B”）" in any report (same class and scope);
3. ``short-name``: a company short name derived from exactly one full legal name;
4. ``park-prefix``: a park name that is another park's name of the same zone
   without a short operator or brand prefix (创客孵化园 ~ 甲乙创客孵化园);
5. ``exact``: the name itself, compared in its key form (``zone-suffix``,
   ``region-prefix``, ``park-form`` when the key form differs from the name).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from kg.extract.forms import company_short_forms, normal_form
from kg.graph.forms import company_form, park_form, zone_form
from kg.types import Entity, Extraction, Kind, Mention

ZONE_SCOPED = frozenset((Kind.PROJECT, Kind.PARK, Kind.CLUSTER, Kind.ORGANIZATION, Kind.PERSON))
KEY_LENGTH = 16
MAX_PARK_PREFIX = 3
MIN_PARK_SUFFIX = 5
KEY_FORMS: dict[Kind, tuple[Callable[[str], str], str]] = {
    Kind.ZONE: (zone_form, "zone-suffix"),
    Kind.COMPANY: (company_form, "region-prefix"),
    Kind.PARK: (park_form, "park-form"),
}

MentionKey = tuple[str, Kind, str]
Aliases = Mapping[tuple[Kind, str], str]


@dataclass(frozen=True)
class Decision:
    """One line of the resolution log: how a surface form in a report became an entity."""

    document: str
    surface: str
    kind: Kind
    key: str
    rule: str


@dataclass(frozen=True)
class Resolution:
    """Entities of a corpus, the map from (document, class, label) to entity key, and the log."""

    extractions: tuple[Extraction, ...]
    entities: tuple[Entity, ...]
    keys: dict[MentionKey, str]
    zone_of: dict[str, str | None]
    log: tuple[Decision, ...] = ()

    def key(self, document: str, kind: Kind, label: str) -> str:
        """The entity key of a mention in ``document``."""
        return self.keys[(document, kind, label)]


def digest(*parts: str) -> str:
    """A short stable hash of ``parts``."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:KEY_LENGTH]


def key_form(kind: Kind, label: str) -> str:
    """The form two names of one class must share to be one entity."""
    form, _ = KEY_FORMS.get(kind, (normal_form, ""))
    return form(label)


def entity_key(kind: Kind, scope: str, label: str) -> str:
    """``<class>/<hash>``: the key (and IRI path) of an entity."""
    return f"{kind.value.lower()}/{digest(kind.value, scope, key_form(kind, label))}"


def _own_zone(extraction: Extraction) -> tuple[str | None, str]:
    """Key of a report's own zone (``None`` when it has none) and the rule that named it."""
    own = extraction.own_zone
    if own is None:
        return None, "own-zone:none"
    if extraction.info.zone:
        return entity_key(Kind.ZONE, "", own.label), f"own-zone:{extraction.info.zone_rule}"
    return entity_key(Kind.ZONE, extraction.document.sha256, own.label), "own-zone:unnamed"


def _scope(extraction: Extraction, zone: str | None) -> str:
    """What zone-scoped names of a report are scoped by: its zone, else the report itself."""
    return zone if zone is not None else f"document/{extraction.document.sha256}"


class Tables:
    """The corpus-wide tables of rules 2–4, filled one report at a time (in document-name order).

    Their size is bounded by the number of distinct names, not by the number of reports, so a
    streaming build fills them in one pass over its partitions.
    """

    def __init__(self) -> None:
        self.text: dict[tuple[Kind, str, str], str] = {}
        self.sources: dict[str, set[str]] = defaultdict(set)
        self.fulls: dict[str, str] = {}
        self.parks: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, extraction: Extraction, scope: str) -> None:
        """Take in one report's aliases in text, company names and park names (``scope``: its zone scope)."""
        self.add_names(scope, *table_names(extraction))

    def add_names(self, scope: str, aliases: Iterable[tuple[Kind, str, str]], companies: Iterable[str],
                  parks: Iterable[str]) -> None:
        """Take in what :func:`table_names` found in one report."""
        for kind, full, short in aliases:
            self.text.setdefault((kind, scope if kind in ZONE_SCOPED else "", normal_form(short)), full)
        for label in companies:
            form = company_form(label)
            for short in company_short_forms(label):
                self.sources[short].add(form)
            self.fulls.setdefault(form, label)
        for label in parks:
            self.parks[scope].setdefault(park_form(label), label)

    def short_names(self) -> dict[str, str]:
        """Company short form → the one full legal name it derives from (ambiguous forms dropped)."""
        return {form: self.fulls[next(iter(keys))] for form, keys in sorted(self.sources.items()) if len(keys) == 1}

    def park_prefixes(self) -> dict[tuple[str, str], str]:
        """(scope, park form) → the one longer park of the zone it is a brand-less form of."""
        found: dict[tuple[str, str], str] = {}
        for scope, parks in self.parks.items():
            for form in parks:
                longer = [g for g in parks if g != form and g.endswith(form)
                          and len(g) - len(form) <= MAX_PARK_PREFIX and len(form) >= MIN_PARK_SUFFIX]
                if len(longer) == 1:
                    found[(scope, form)] = parks[longer[0]]
        return found


def table_names(extraction: Extraction) -> tuple[tuple[tuple[Kind, str, str], ...], tuple[str, ...], tuple[str, ...]]:
    """What :class:`Tables` takes from one report: its (class, full name, short name) aliases in text,
    its company names and its park names, in order."""
    aliases = tuple((f.subject.kind, f.subject.label, f.obj.label) for f in extraction.facts
                    if f.predicate == "alias" and isinstance(f.obj, Mention))
    return (aliases, tuple(m.label for m in extraction.mentions if m.kind is Kind.COMPANY),
            tuple(m.label for m in extraction.mentions if m.kind is Kind.PARK))


class Resolver:
    """Applies the rules in order to one mention at a time."""

    def __init__(self, tables: Tables, aliases: Aliases):
        self.user = {(kind, normal_form(k)): v for (kind, k), v in aliases.items()}
        self.text = tables.text
        self.short = tables.short_names()
        self.parks = tables.park_prefixes()

    def canonical(self, scope: str, mention: Mention) -> tuple[str, str, str]:
        """(scope, canonical name, rule) of a mention that is not the report's own zone."""
        kind, form = mention.kind, normal_form(mention.label)
        scope = scope if kind in ZONE_SCOPED else ""
        if (kind, form) in self.user:
            return scope, self.user[(kind, form)], "alias-file"
        if (kind, scope, form) in self.text:
            return scope, self.text[(kind, scope, form)], "alias-in-text"
        if kind is Kind.COMPANY and form in self.short:
            return scope, self.short[form], "short-name"
        if kind is Kind.PARK and (scope, park_form(mention.label)) in self.parks:
            return scope, self.parks[(scope, park_form(mention.label))], "park-prefix"
        form_of, rule = KEY_FORMS.get(kind, (normal_form, ""))
        return scope, mention.label, rule if rule and form_of(mention.label) != form else "exact"


def report_scope(extraction: Extraction) -> tuple[str | None, str, str]:
    """A report's own zone key (or ``None``), the rule that named it, and the scope of its zone-scoped names."""
    zone, rule = _own_zone(extraction)
    return zone, rule, _scope(extraction, zone)


def resolve_report(extraction: Extraction, resolver: Resolver) -> list[tuple[Decision, str | None]]:
    """Each distinct mention of one report resolved: its decision, and the canonical name it was keyed by
    (``None`` for the report's own zone)."""
    name, own = extraction.document.name, extraction.own_zone
    own_key, zone_rule, scope = report_scope(extraction)
    seen: set[tuple[Kind, str]] = set()
    out: list[tuple[Decision, str | None]] = []
    for mention in extraction.mentions:
        if (mention.kind, mention.label) in seen:
            continue
        seen.add((mention.kind, mention.label))
        if own is not None and own_key is not None and mention.kind is Kind.ZONE and mention.label == own.label:
            out.append((Decision(name, mention.label, mention.kind, own_key, zone_rule), None))
            continue
        scope_of, canonical, rule = resolver.canonical(scope, mention)
        key = entity_key(mention.kind, scope_of, canonical)
        out.append((Decision(name, mention.label, mention.kind, key, rule), canonical))
    return out


#: The class of an entity key's first part ("company/…" → Kind.COMPANY).
KIND_OF_KEY = {kind.value.lower(): kind for kind in Kind}


class Forms:
    """The names each entity is written as, and how often: the entities' table, one report at a time.

    One small dict per entity (its class is its key's first part), so a streaming build keeps
    little more than the names themselves.
    """

    def __init__(self, documents: bool = True) -> None:
        self.forms: dict[str, dict[str, int]] = {}
        self.docs: dict[str, set[str]] | None = defaultdict(set) if documents else None

    def add(self, decisions: Iterable[tuple[Decision, str | None]]) -> None:
        """Count one report's resolved mentions."""
        for decision, canonical in decisions:
            key = decision.key
            forms = self.forms.get(key)
            if forms is None:
                forms = self.forms[key] = {}
            if canonical is not None:
                forms.setdefault(canonical, 0)
            forms[decision.surface] = forms.get(decision.surface, 0) + 1
            if self.docs is not None:
                self.docs[key].add(decision.document)

    def __len__(self) -> int:
        return len(self.forms)

    def entities(self) -> Iterator[Entity]:
        """The entities, sorted by key."""
        docs = self.docs or {}
        for key in sorted(self.forms):
            yield _entity(key, KIND_OF_KEY[key.split("/", 1)[0]], self.forms[key], docs.get(key, set()))


def resolve(extractions: Iterable[Extraction], aliases: Aliases | None = None) -> Resolution:
    """Resolve the mentions of all documents into entities."""
    extractions = tuple(sorted(extractions, key=lambda e: e.document.name))
    tables = Tables()
    zone_of: dict[str, str | None] = {}
    for extraction in extractions:
        zone, _, scope = report_scope(extraction)
        zone_of[extraction.document.name] = zone
        tables.add(extraction, scope)
    resolver = Resolver(tables, aliases or {})
    keys: dict[MentionKey, str] = {}
    forms = Forms()
    log: list[Decision] = []
    for extraction in extractions:
        decisions = resolve_report(extraction, resolver)
        forms.add(decisions)
        for decision, _ in decisions:
            keys[(decision.document, decision.kind, decision.surface)] = decision.key
            log.append(decision)
    return Resolution(extractions, tuple(forms.entities()), keys, zone_of, tuple(log))


def _entity(key: str, kind: Kind, forms: Mapping[str, int], docs: set[str]) -> Entity:
    label = _preferred(forms)
    return Entity(key=key, kind=kind, label=label, alt_labels=frozenset(forms) - {label},
                  documents=frozenset(docs))


def _preferred(forms: Mapping[str, int]) -> str:
    """The preferred label: the fullest form, then the most frequent, then the first in order."""
    return sorted(forms.items(), key=lambda kv: (-len(normal_form(kv[0])), -kv[1], kv[0]))[0][0]
