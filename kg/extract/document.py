"""What a report says about itself: its title, its zone and the period it covers.

>>> info = describe("济源高新区2023年工作总结\\n2023年，高新区……")
>>> (info.title, info.zone, info.year, info.period)
('济源高新区2023年工作总结', '济源高新区', 2023, '2023')
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.zones import full_zone_names
from kg.types import DocumentInfo

MAX_TITLE = 40
HEAD = 300
YEAR = re.compile(r"((?:19|20)\d{2})年(?:度)?")
PERIOD_AFTER_YEAR = (
    (re.compile(r"^(?:度)?上半年"), "H1"),
    (re.compile(r"^(?:度)?下半年"), "H2"),
    (re.compile(r"^(?:度)?(?:第)?一季度"), "Q1"),
    (re.compile(r"^(?:度)?(?:第)?二季度"), "Q2"),
    (re.compile(r"^(?:度)?(?:第)?三季度"), "Q3"),
    (re.compile(r"^(?:度)?(?:第)?四季度"), "Q4"),
    (re.compile(r"^(?:度)?(?:1|一|元)(?:月)?(?:至|~|-|到)(\d{1,2})月"), "months"),
)


def describe(text: str, fallback_title: str = "") -> DocumentInfo:
    """Read title, zone, year and period from the head of a normalised report."""
    first = text.split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= MAX_TITLE else fallback_title
    head = text[:HEAD]
    zones = full_zone_names(title) or full_zone_names(head) or full_zone_names(text)
    year, period = _period(title) if YEAR.search(title) else _period(head)
    return DocumentInfo(title=title, zone=zones[0] if zones else None, year=year, period=period)


def _period(text: str) -> tuple[int | None, str | None]:
    """The first year named in ``text`` and the period that follows it ("2023-H1")."""
    match = YEAR.search(text)
    if not match:
        return None, None
    year = int(match.group(1))
    rest = text[match.end() :]
    for pattern, kind in PERIOD_AFTER_YEAR:
        found = pattern.search(rest)
        if found:
            if kind == "months":
                return year, f"{year}-01/{year}-{int(found.group(1)):02d}"
            return year, f"{year}-{kind}"
    return year, str(year)


def is_title_like(line: str) -> bool:
    """True when a line reads like a report title (a year and a report kind)."""
    return bool(YEAR.search(line)) and any(kind in line for kind in p.TITLE_KINDS)
