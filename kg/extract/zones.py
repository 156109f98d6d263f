"""Development zones: full names (place + zone suffix) and references to the report's own zone.

>>> full_zone_names("在安阳高新区2022年上半年经济运行暨下半年重点工作推进会上")
['安阳高新区']
>>> full_zone_names("在全省166家先进制造业开发区中排名一档第六")
[]
>>> full_zone_names("深化开发区管理制度改革，释放五大开发区潜能")
[]
>>> own_zone_word("", "2023年，高新区坚持创新驱动，实现营业收入100亿元。")
'高新区'
>>> own_zone_word("省政府工作报告", "深化开发区管理制度改革。" * 200) is None
True
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.names import is_masked
from kg.extract.places import places
from kg.text.segment import tokens
from kg.types import Kind, Mention, Sentence

SUFFIX = re.compile("|".join(map(re.escape, p.ZONE_SUFFIXES)))
#: A zone word opening a clause, after at most a time phrase: the clause is about the zone.
OWN_ZONE_SUBJECT = re.compile(
    r"(?:^|[，。；：！？,;:!?\n])\s*(?:(?:19|20)\d{2}年(?:以来|上半年|前三季度)?|今年以来|近年来|同时|此外|目前)?"
    r"[，,]?(" + "|".join(map(re.escape, p.OWN_ZONE_WORDS)) + ")"
)
PLACE_FLAGS = ("ns", "nr", "n", "nz", "j")
#: Dashes that join two countries in the name of an agreement (中国—东盟自贸区).
BILATERAL = ("—", "－", "–", "-")


def full_zone_names(text: str) -> list[str]:
    """Zone names made of a place and a zone suffix, in order of appearance."""
    out: list[str] = []
    for match in SUFFIX.finditer(text):
        place = _place_before(text, match.start())
        if place and text[: match.start() - len(place)].endswith(BILATERAL):
            continue  # "中国—东盟自贸区": an agreement between countries, not a zone
        if place:
            name = place + match.group()
            if name not in out:
                out.append(name)
    return out


def _place_before(text: str, end: int) -> str | None:
    """The place name right before a zone suffix: one or two jieba words, 2–6 characters."""
    toks = tokens(text[max(0, end - 12) : end])
    if not toks:
        return None
    place = ""
    for k in range(len(toks) - 1, -1, -1):
        tok = toks[k]
        if tok.word in p.ZONE_PREFIX_STOP or not re.fullmatch(r"[\u4e00-\u9fff]+", tok.word):
            break
        is_place = tok.flag == "ns" or tok.word in places()
        if not is_place and not _standalone_short_word(toks, k):
            break
        candidate = tok.word + place
        if len(candidate) > 6:
            break
        place = candidate
        if not is_place and not (k and toks[k - 1].word in places()):
            break
    if len(place) < 2 or is_masked(place) or place in p.ZONE_PREFIX_STOP or p.ZONE_PREFIX_COUNT.match(place):
        return None
    if _province_only(place):
        return None  # "四川省开发区": the zones of a province, not one zone
    if any(place.endswith(s) for s in ("示范", "先进", "重点", "特色")):
        return None
    return place


def _province_only(place: str) -> bool:
    """A province's name alone (四川省, 广西壮族自治区), which never names one zone."""
    name = re.sub(r"(?:省|(?:壮族|回族|维吾尔)?自治区)$", "", place)
    return name in p.PROVINCES and name not in p.MUNICIPALITIES


def _standalone_short_word(toks: tuple, k: int) -> bool:  # type: ignore[type-arg]
    """A two-character word that is not a place by jieba but stands alone (雨花, 安康)."""
    tok = toks[k]
    if len(tok.word) != 2 or tok.flag not in PLACE_FLAGS:
        return False
    if k == 0:
        return True
    prev = toks[k - 1]
    return prev.flag in ("p", "x", "c", "v", "u") or not re.search(r"[\u4e00-\u9fff]", prev.word)


def find(sentence: Sentence) -> list[Mention]:
    """Zones named in full in a sentence."""
    return [Mention(Kind.ZONE, name, sentence.index) for name in full_zone_names(sentence.text)]


ANY_ZONE_SUFFIX = tuple(sorted({*p.ZONE_SUFFIXES, *p.MORE_ZONE_SUFFIXES}, key=len, reverse=True))
#: Openings that make a phrase, not a name: enumeration (六是…), verbs of policy text, levels.
NOT_A_NAME_START = re.compile(r"^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|" + "|".join(
    map(re.escape, sorted(p.ZONE_PREFIX_STOP, key=len, reverse=True))) + ")")


def is_zone_name(label: str) -> bool:
    """Whether a label can name a zone: a place (or a proper name) before a zone suffix, never a
    bare suffix, a count, an enumeration or a phrase of policy text.

    >>> names = ("甲州新区", "六是高新区", "五大开发区", "新区", "深化开发区", "镇村片区", "甲省首个国家级新区")
    >>> [is_zone_name(x) for x in names]
    [True, False, False, False, False, True, False]
    """
    suffix = next((s for s in ANY_ZONE_SUFFIX if label.endswith(s)), None)
    if suffix is None:
        return False
    place = label[: -len(suffix)]
    if len(place) < 2 or NOT_A_NAME_START.match(place) or p.ZONE_PREFIX_COUNT.match(place) or "的" in place:
        return False
    if any(w in place for w in p.NOT_IN_ZONE_NAMES):
        return False  # "甲省首个国家级新区", "甲省再添国家级经开区": which one, or what happened, not a name
    if is_masked(label) or _province_only(place) or label in p.GENERIC_ZONE_WORDS:
        return False
    first = tokens(place)[0]
    return first.flag not in ("v", "vn", "p", "d", "r", "m", "c", "u", "uj")


def own_zone_word(title: str, text: str) -> str | None:
    """The bare word by which a report speaks of its own zone, or ``None`` when it speaks of none.

    A zone word in the title counts; else the zone word that most often opens a clause as its
    subject, when such clauses come at least once per :data:`~kg.extract.patterns.OWN_ZONE_DENSITY`
    characters (news of the national economy or a provincial report names zones, but is not
    about one of its own).
    """
    in_title = next((w for w in p.OWN_ZONE_WORDS if w in title), None)
    if in_title:
        return in_title
    found = [m.group(1) for m in OWN_ZONE_SUBJECT.finditer(text)]
    if not found or len(found) * p.OWN_ZONE_DENSITY < len(text):
        return None
    return max(p.OWN_ZONE_WORDS, key=found.count)


def self_reference(text: str) -> str | None:
    """The bare word by which a sentence refers to the report's own zone, if any."""
    for word in p.ZONE_SELF:
        if word in text:
            return word
    return None
