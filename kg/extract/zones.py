"""Development zones: full names (place + zone suffix) and references to the report's own zone.

>>> full_zone_names("在安阳高新区2022年上半年经济运行暨下半年重点工作推进会上")
['安阳高新区']
>>> full_zone_names("在全省166家先进制造业开发区中排名一档第六")
[]
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.names import is_masked
from kg.text.segment import tokens
from kg.types import Kind, Mention, Sentence

SUFFIX = re.compile("|".join(map(re.escape, p.ZONE_SUFFIXES)))
PLACE_FLAGS = ("ns", "nr", "n", "nz", "j")


def full_zone_names(text: str) -> list[str]:
    """Zone names made of a place and a zone suffix, in order of appearance."""
    out: list[str] = []
    for match in SUFFIX.finditer(text):
        place = _place_before(text, match.start())
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
        if tok.flag != "ns" and not _standalone_short_word(toks, k):
            break
        candidate = tok.word + place
        if len(candidate) > 6:
            break
        place = candidate
        if tok.flag != "ns":
            break
    if len(place) < 2 or is_masked(place) or place in p.ZONE_PREFIX_STOP:
        return None
    if any(place.endswith(s) for s in ("示范", "先进", "重点", "特色")):
        return None
    return place


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


def self_reference(text: str) -> str | None:
    """The bare word by which a sentence refers to the report's own zone, if any."""
    for word in p.ZONE_SELF:
        if word in text:
            return word
    return None
