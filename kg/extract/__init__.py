"""Extraction phase: one document's normalised text → mentions, facts and observations.

Each module finds one kind of thing sentence by sentence; :func:`extract` runs
them all, and :func:`recognise` is the second, bootstrapped pass that finds
names learned from strong patterns anywhere in the corpus in weak contexts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kg.extract import (
    aliases,
    companies,
    honors,
    indicators,
    organizations,
    parks,
    people,
    periods,
    projects,
    rankings,
    zones,
)
from kg.extract.document import describe
from kg.extract.forms import company_short_forms
from kg.extract.places import cities_named
from kg.text.segment import new_document
from kg.text.segment import sentences as split_sentences
from kg.types import (
    Document,
    DocumentInfo,
    Extraction,
    Fact,
    Kind,
    LeftOut,
    Mention,
    Observation,
    Ranking,
    Sentence,
    Text,
)

#: How many sentences back "该项目" may reach for the project it means.
ANAPHOR_REACH = 2
#: Learned names shorter than this are not searched for in weak contexts.
MIN_LEARNED = 4
#: A pattern that matches nowhere (the characters that open the names of an empty lexicon).
NOTHING = re.compile("(?!)")


def own_zone(info: DocumentInfo, text: str) -> Mention | None:
    """The report's own zone: its full name, else an unnamed zone when the report speaks of one.

    An unnamed zone is labelled by the bare word the report uses for itself and the report's
    title ("高新区（…2023年工作总结）"): a label, never a bare generic word.  A text that names no
    zone of its own and speaks of none gets none.  The sentence index is -1: the mention
    stands for the report as a whole, not one sentence.

    >>> own_zone(DocumentInfo(title="某省政府工作报告"), "深化开发区改革。" * 500) is None
    True
    >>> own_zone(DocumentInfo(title="甲乙高新区工作总结", zone="甲乙高新区"), "").label
    '甲乙高新区'
    """
    if info.zone:
        return Mention(Kind.ZONE, info.zone, -1)
    word = zones.own_zone_word(info.title, text)
    return Mention(Kind.ZONE, f"{word}（{info.title}）", -1) if word else None


def _sentence_items(sentence: Sentence, info: DocumentInfo, zone: Mention | None,  # type: ignore[type-arg]
                    planned: bool = False) -> list:
    """Everything every extractor finds in one sentence (``planned``: in the plan part of a report)."""
    return [
        *aliases.find(sentence),
        *zones.find(sentence),
        *companies.find(sentence),
        *projects.find(sentence),
        *parks.find(sentence),
        *honors.find(sentence, zone),
        *people.find(sentence),
        *organizations.find(sentence),
        *indicators.find(sentence, info.year, info.period, planned),
        *rankings.find(sentence, info.year),
    ]


def extract(document: Document, text: Text) -> Extraction:
    """Extract one document (pure: same input, same output)."""
    new_document()
    sents = tuple(split_sentences(text.text))
    cities = cities_named(s.text for s in sents)
    info = describe(text.text, document.name, cities, dict(document.meta))
    zone = own_zone(info, text.text)
    mentions: list[Mention] = [zone] if zone else []
    facts: list[Fact] = []
    observations: list[Observation] = []
    ranks: list[Ranking] = []
    left: list[LeftOut] = []
    carried: str | None = None
    recent: list[list[Mention]] = []
    base = info  # the review part's default period; the plan part's after its heading
    for n, sentence in enumerate(sents):
        if n and "\n" in text.text[sents[n - 1].end : sentence.start]:
            carried = None  # a period named in one paragraph does not reach the next
        if info.plan_year and periods.opens_plan(sentence.text, info.plan_year):
            base = replace(info, period=str(info.plan_year))
        period = (None if periods.on_the_occasion(sentence.text) else carried) or base.period
        context = base if period == base.period else replace(base, period=period)
        carried = periods.sentence_period(sentence.text, info.year, base.period) or carried
        items = _sentence_items(sentence, context, zone, planned=base is not info)
        named = [m for m in items if isinstance(m, Mention) and m.kind is Kind.PROJECT]
        antecedent = _antecedent(named, recent)
        if antecedent is not None:
            stated = [*facts, *items]  # this sentence's own facts count too
            known = frozenset(f.predicate for f in stated if isinstance(f, Fact) and f.subject == antecedent)
            items += projects.refer(sentence, antecedent, known)
        recent = [*recent, named][-ANAPHOR_REACH:]
        for item in items:
            if isinstance(item, Observation) and not indicators.written_in(item, sentence.text):
                left.append(LeftOut(sentence.index, f"{item.metric} {item.value}{item.unit}",
                                    "the value is not written so in its sentence"))
            elif isinstance(item, Observation):
                observations.append(item)
            elif isinstance(item, LeftOut):
                left.append(item)
            elif isinstance(item, Ranking):
                ranks.append(item)
            elif isinstance(item, Fact):
                facts.append(item)
            else:
                mentions.append(item)
    return Extraction(
        document=document,
        info=info,
        sentences=sents,
        mentions=tuple(dict.fromkeys(mentions)),
        facts=tuple(dict.fromkeys(facts)),
        observations=tuple(dict.fromkeys(observations)),
        rankings=tuple(dict.fromkeys(ranks)),
        left_out=tuple(dict.fromkeys(left)),
    )


def _antecedent(named: list[Mention], recent: list[list[Mention]]) -> Mention | None:
    """The project "该项目" refers to: the only one named in this sentence, else in the nearest
    earlier sentence (of the last :data:`ANAPHOR_REACH`) that names exactly one."""
    if named:
        return named[0] if len(set(named)) == 1 else None
    for earlier in reversed(recent):
        if earlier:
            return earlier[0] if len(set(earlier)) == 1 else None
    return None


@dataclass(frozen=True)
class Lexicon:
    """Learned names and their class, indexed by their first two characters for fast lookup.

    >>> lexicon = Lexicon.of({"华泰新材": Kind.COMPANY, "华泰新材料": Kind.COMPANY})
    >>> lexicon.find("华泰新材与华泰新材料公司签约")
    [(0, '华泰新材'), (5, '华泰新材料')]
    """

    names: dict[str, Kind]
    lengths: dict[str, tuple[int, ...]]
    starts: re.Pattern[str] = NOTHING

    @classmethod
    def of(cls, names: dict[str, Kind]) -> Lexicon:
        lengths: dict[str, set[int]] = {}
        for name in names:
            if len(name) >= 2:
                lengths.setdefault(name[:2], set()).add(len(name))
        firsts = "".join(sorted({prefix[0] for prefix in lengths}))
        return cls(dict(names), {prefix: tuple(sorted(ls, reverse=True)) for prefix, ls in lengths.items()},
                   re.compile(f"[{re.escape(firsts)}]") if firsts else NOTHING)

    def __len__(self) -> int:
        return len(self.names)

    def find(self, text: str) -> list[tuple[int, str]]:
        """Leftmost-longest, non-overlapping occurrences of the names in ``text``.

        Only characters that open some name are looked at; the cost per character does not
        grow with the number of names.
        """
        found: list[tuple[int, str]] = []
        free = 0  # the first position not inside a name already found
        for match in self.starts.finditer(text):
            i = match.start()
            if i < free:
                continue
            for length in self.lengths.get(text[i : i + 2], ()):
                word = text[i : i + length]
                if word in self.names:
                    found.append((i, word))
                    free = i + length
                    break
        return found


def learnable(extraction: Extraction) -> tuple[tuple[str, Kind], ...]:
    """The names one report teaches, in order: its strong names and the short forms of its firms.

    The per-report half of :func:`learned_names` (and the costly one: it segments), so it can
    run where the report is extracted; :class:`LearnedNames` folds the results.
    """
    out: list[tuple[str, Kind]] = []
    for mention in extraction.mentions:
        if len(mention.label) >= MIN_LEARNED and _strong(mention):
            out.append((mention.label, mention.kind))
        if mention.kind is Kind.COMPANY:
            out += [(short, Kind.COMPANY) for short in company_short_forms(mention.label) if len(short) >= MIN_LEARNED]
    return tuple(out)


class LearnedNames:
    """Names found by strong patterns, taken in one report at a time (in input order); see :func:`learned_names`.

    The table holds each distinct name once, whatever the number of reports; the first class
    a name is found with is kept.
    """

    def __init__(self) -> None:
        self.names: dict[str, Kind] = {}

    def add(self, extraction: Extraction) -> None:
        """Take in the names of one report."""
        self.add_names(learnable(extraction))

    def add_names(self, names: Iterable[tuple[str, Kind]]) -> None:
        """Take in names that :func:`learnable` found in one report."""
        setdefault = self.names.setdefault
        for name, kind in names:
            setdefault(name, kind)

    def lexicon(self) -> Lexicon:
        """The names as a lexicon to look for everywhere."""
        return Lexicon.of(dict(sorted(self.names.items())))


def learned_names(extractions: Iterable[Extraction]) -> Lexicon:
    """Names found by strong patterns (companies, parks) in any document, to look for everywhere.

    A full legal name also teaches its short forms (河南宏源氢能化工股份有限公司 → 宏源氢能).
    """
    names = LearnedNames()
    for extraction in extractions:
        names.add(extraction)
    return names.lexicon()


def _strong(mention: Mention) -> bool:
    """A name whose own form says what it is: a firm's legal name or brand + industry word
    (not an item of a list, 甲乙更新), a park with a park's suffix."""
    if mention.kind is Kind.COMPANY:
        label = mention.label
        return companies.legal_names(label) == [label] or companies.short_name_prefix(label) == label
    return mention.kind is Kind.PARK and parks.is_named_park(mention.label)


def recognise(extraction: Extraction, lexicon: Lexicon) -> Extraction:
    """Second pass: add mentions of learned names in sentences where no pattern saw them."""
    if not lexicon:
        return extraction
    seen = {(m.kind, m.label, m.sentence) for m in extraction.mentions}
    found: list[Mention] = []
    for sentence in extraction.sentences:
        for _, word in lexicon.find(sentence.text):
            mention = Mention(lexicon.names[word], word, sentence.index)
            if (mention.kind, mention.label, mention.sentence) not in seen:
                seen.add((mention.kind, mention.label, mention.sentence))
                found.append(mention)
    if not found:
        return extraction
    return replace(extraction, mentions=extraction.mentions + tuple(found))
