"""Honors: titles after 荣获/获评/获批/入选/挂牌…, quoted or ending like a designation.

The recipient is the subject in front of the trigger; when the clause has none
(zero anaphora), it is the previous recipient in the sentence, else the
report's own zone.

>>> honors_in_clause("许昌互联网+孵化园获评“河南省第十批创业孵化示范基地”")
[('河南省第十批创业孵化示范基地', '许昌互联网+孵化园')]
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.companies import legal_names, listed_firms, short_name_prefix
from kg.extract.names import clean, is_masked, trim_leading
from kg.extract.parks import SUFFIX as PARK_SUFFIX
from kg.extract.parks import is_named_park
from kg.extract.zones import full_zone_names
from kg.text.segment import clauses
from kg.types import Fact, Kind, Mention, Sentence

TRIGGER = re.compile("|".join(map(re.escape, p.HONOR_TRIGGERS)))
QUOTED_RUN = re.compile(r"^(?:[\u4e00-\u9fff\d]{0,20}?)((?:“[^”]{2,40}”[、和及]?)+)")
YEAR = re.compile(r"((?:19|20)\d{2})年")
LEAD_WORDS = re.compile(r"^(?:(?:[一二三四五六七八九十]是|其中|同时|此外|另外|辖区|引育的|引进的|新引进的)[，,]?)+")
MAX_HONOR = 40
MAX_RECIPIENT = 20
SELF = "\x00self"
QUOTED_PROJECT = re.compile(r"^“([^”]+)”项目$")
Item = Mention | Fact


def honors_in_clause(clause: str) -> list[tuple[str, str | None]]:
    """``(honor, recipient-as-written)`` pairs in one clause; recipient ``None`` when implicit."""
    clause = clause.rstrip("。！？!?；;，,… ")
    match = TRIGGER.search(clause)
    if not match:
        return []
    titles = _titles(clause[match.end() :].removeprefix("了"))
    if not titles:
        return []
    subject = _subject(clause[: match.start()])
    return [(title, subject) for title in titles]


def _titles(after: str) -> list[str]:
    """Honor titles right after a trigger: a run of quoted titles, or one unquoted title."""
    quoted = QUOTED_RUN.match(after)
    if quoted:
        lead = after[: quoted.start(1)]
        tail = _strip_tails(after[quoted.end() :])
        names = [clean(q) for q in re.findall(r"“([^”]+)”", quoted.group(1))]
        if len(names) == 1 and (lead or re.match(r"[\u4e00-\u9fff]", tail)):
            names = [clean(lead + names[0] + tail)] if not tail.startswith("等") else names
        return [n for n in names if _is_title(n)]
    title = clean(_strip_tails(after))
    if _is_title(title) and title.endswith(p.HONOR_SUFFIXES) and len(title) >= 4:
        return [title]
    return []


def _strip_tails(text: str) -> str:
    for tail in p.HONOR_TAILS:
        text = text.removesuffix(tail)
    return text


def _is_title(title: str) -> bool:
    return 2 <= len(title) <= MAX_HONOR and not is_masked(title)


def _subject(before: str) -> str | None:
    """The recipient as written before the trigger, or ``None`` when the clause has none."""
    words = before
    changed = True
    while changed:
        changed = False
        for adverb in p.RECIPIENT_ADVERBS:
            if words.endswith(adverb):
                words, changed = words[: -len(adverb)], True
    words = LEAD_WORDS.sub("", words)
    words = clean(trim_leading(words)) if words else ""
    if not words:
        return None
    if any(words.endswith(w) or words == w for w in p.ZONE_SELF):
        return SELF
    if len(words) > MAX_RECIPIENT + 10 or is_masked(words):
        return ""
    return words


def recipient_kind(label: str) -> Kind | None:
    """The class of a recipient, from its form; ``None`` when it cannot be told."""
    if full_zone_names(label) and any(label.endswith(s) for s in p.ZONE_SUFFIXES):
        return Kind.ZONE
    for suffix, kind in p.RECIPIENT_CLASSES:
        if label.endswith(suffix):
            return Kind(kind)
    if PARK_SUFFIX.search(label[-4:]):
        return Kind.PARK
    if legal_names(label) == [label] or short_name_prefix(label) == label:
        return Kind.COMPANY
    return None


def find(sentence: Sentence, zone: Mention) -> list[Item]:
    """Honor mentions and their recipients in a sentence."""
    out: list[Item] = []
    last: Mention | None = None
    for _, clause in clauses(sentence.text):
        for title, subject in honors_in_clause(clause):
            honor = Mention(Kind.HONOR, title, sentence.index)
            out.append(honor)
            recipients = _recipients(subject, last, zone, sentence.index)
            for recipient in recipients:
                out += [recipient, Fact(honor, "awardedTo", recipient, sentence.index)]
            last = recipients[0] if len(recipients) == 1 else last
            year = YEAR.search(title)
            if year:
                out.append(Fact(honor, "year", int(year.group(1)), sentence.index))
    return out


def _recipients(
    subject: str | None, last: Mention | None, zone: Mention, index: int
) -> list[Mention]:
    """Resolve the written subject to mentions (zone for 高新区/园区, previous for none)."""
    if subject is None:
        return [last or zone]
    if subject == SELF:
        return [zone]
    firms = listed_firms(subject)
    if firms:
        return [Mention(Kind.COMPANY, firm, index) for firm in firms]
    out = []
    for part in subject.split("、") if subject else []:
        label = QUOTED_PROJECT.sub(r"\1项目", part)
        kind = recipient_kind(label)
        if kind is None or (kind is Kind.PARK and not is_named_park(label)):
            return []
        out.append(Mention(kind, label, index))
    return out
