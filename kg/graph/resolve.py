"""Resolution: map every mention to one entity with a stable, deterministic key.

Keys are hashes of (class, scope, normalised name).  Zone-scoped classes
(projects, parks, clusters, organisations, people) are scoped by the zone of the
report that mentions them, so "化工园区" in two zones stays two parks; companies
and honor titles are global.  A report whose zone is never named gets a zone
scoped to that one report, so two unnamed zones are never merged.

>>> normal_form("“济源互联网＋孵化园” ")
'济源互联网+孵化园'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.types import Entity, Extraction, Kind

ZONE_SCOPED = frozenset((Kind.PROJECT, Kind.PARK, Kind.CLUSTER, Kind.ORGANIZATION, Kind.PERSON))
QUOTES = re.compile(r"[\s“”\"'‘’「」『』]")
KEY_LENGTH = 16

MentionKey = tuple[str, Kind, str]


@dataclass(frozen=True)
class Resolution:
    """Entities of a corpus and the map from (document, class, label) to entity key."""

    extractions: tuple[Extraction, ...]
    entities: tuple[Entity, ...]
    keys: dict[MentionKey, str]
    zone_of: dict[str, str]

    def key(self, document: str, kind: Kind, label: str) -> str:
        """The entity key of a mention in ``document``."""
        return self.keys[(document, kind, label)]


def normal_form(label: str) -> str:
    """The form names are compared in: NFKC, no whitespace or quotation marks."""
    return QUOTES.sub("", unicodedata.normalize("NFKC", label))


def digest(*parts: str) -> str:
    """A short stable hash of ``parts``."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:KEY_LENGTH]


def entity_key(kind: Kind, scope: str, label: str) -> str:
    """``<class>/<hash>``: the key (and IRI path) of an entity."""
    return f"{kind.value.lower()}/{digest(kind.value, scope, normal_form(label))}"


def _zone_key(extraction: Extraction, label: str) -> str:
    """Named zones are global; the bare zone of a report is scoped to that report."""
    scope = "" if extraction.info.zone else extraction.document.sha256
    return entity_key(Kind.ZONE, scope, label)


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Resolve the mentions of all documents into entities."""
    extractions = tuple(sorted(extractions, key=lambda e: e.document.name))
    keys: dict[MentionKey, str] = {}
    zone_of: dict[str, str] = {}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Kind] = {}
    docs: dict[str, set[str]] = defaultdict(set)
    for extraction in extractions:
        name = extraction.document.name
        own = extraction.mentions[0]
        zone_of[name] = _zone_key(extraction, own.label)
        for mention in extraction.mentions:
            if mention.kind is Kind.ZONE:
                key = zone_of[name] if mention.label == own.label else entity_key(
                    Kind.ZONE, "", mention.label
                )
            else:
                scope = zone_of[name] if mention.kind in ZONE_SCOPED else ""
                key = entity_key(mention.kind, scope, mention.label)
            keys[(name, mention.kind, mention.label)] = key
            forms[key][mention.label] += 1
            kinds[key] = mention.kind
            docs[key].add(name)
    entities = tuple(
        Entity(
            key=key,
            kind=kinds[key],
            label=_preferred(forms[key]),
            alt_labels=frozenset(forms[key]) - {_preferred(forms[key])},
            documents=frozenset(docs[key]),
        )
        for key in sorted(forms)
    )
    return Resolution(extractions, entities, keys, zone_of)


def _preferred(forms: Counter[str]) -> str:
    """The preferred label: the most frequent form, then the longest, then the first in order."""
    return sorted(forms.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
