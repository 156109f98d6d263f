"""Explicit aliases: "A（以下简称“B”）" says B is another name of A — the strongest evidence.

>>> text = "河南宏源氢能化工股份有限公司（以下简称“宏源氢能”）成功上市"
>>> [(f.subject.label, f.obj.label) for f in find(Sentence(0, text, 0, 0)) if isinstance(f, Fact)]
[('河南宏源氢能化工股份有限公司', '宏源氢能')]
>>> find(Sentence(0, "记者从云南滇东经济技术开发区（简称“开发区”）获悉", 0, 0))
[]
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.companies import LEGAL
from kg.extract.names import clean, is_masked, name_before
from kg.extract.parks import SUFFIX as PARK_SUFFIX
from kg.types import Fact, Kind, Mention, Sentence

ALIAS = re.compile(r"[（(](?:以下|下文)?(?:简称|下称|统称)[:：]?[“\"‘]?([^”\"’）)]{2,20})[”\"’]?[）)]")


def kind_of(name: str) -> Kind | None:
    """The class a full name's form tells: legal form, zone suffix or park suffix."""
    if LEGAL.search(name[-8:]):
        return Kind.COMPANY
    if name.endswith(p.ZONE_SUFFIXES):
        return Kind.ZONE
    if PARK_SUFFIX.search(name[-5:]):
        return Kind.PARK
    return None


def find(sentence: Sentence) -> list[Mention | Fact]:
    """Alias facts (full name → short name) with both names as mentions."""
    out: list[Mention | Fact] = []
    for match in ALIAS.finditer(sentence.text):
        full = clean(name_before(sentence.text, match.start()))
        short = clean(match.group(1))
        kind = kind_of(full)
        if kind is None or is_masked(full + short) or len(full) <= len(short) or short in p.GENERIC_PLACE_WORDS:
            continue  # "（简称“开发区”）" names no one: the bare word already means the report's zone
        subject = Mention(kind, full, sentence.index)
        alias = Mention(kind, short, sentence.index)
        out += [subject, alias, Fact(subject, "alias", alias, sentence.index)]
    return out
