"""Places: the provinces and cities a report names (generic geography, not our files).

>>> sorted(cities_named(["安阳市高新区召开经济工作会议。", "谋划实施华信科技安阳供应链项目。"]).items())
[('安阳', 2)]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from kg.extract import patterns as p
from kg.text.segment import cued_tokens

LIST_MARKS = frozenset("、（）()")
FIRM_WORDS = ("公司", "集团")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Province and city names from ``kg/resources/places.txt``."""
    text = (resources.files("kg") / "resources" / "places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def cities() -> frozenset[str]:
    """City names only (provinces removed)."""
    return places() - (frozenset(p.PROVINCES) - frozenset(p.MUNICIPALITIES))


@lru_cache(maxsize=1)
def _city_names() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, cities()), key=len, reverse=True)))


def cities_named(sentences: Iterable[str]) -> Counter[str]:
    """How often each city is named as a place of the report's own.

    Counts jieba place words (济源, 郑州市), but not cities in a list of places
    (赴四川、重庆、上海), in parentheses, or opening a company name
    (上海云泽生物科技有限公司): those are elsewhere.
    """
    known = cities()
    named = _city_names()
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for tok in cued_tokens(sentence, named):  # words only of the runs that hold a city
            word = tok.word.removesuffix("市")
            if tok.flag == "ns" and word in known and _own_place(sentence, tok.start, len(tok.word)):
                counts[word] += 1
    return counts


def _own_place(sentence: str, start: int, length: int) -> bool:
    before = sentence[start - 1 : start]
    after = sentence[start + length : start + length + 1]
    if before in LIST_MARKS or after in LIST_MARKS:
        return False
    rest = re.split(r"[，。；：、,;:]", sentence[start:], maxsplit=1)[0]
    return not any(form in rest for form in FIRM_WORDS)
