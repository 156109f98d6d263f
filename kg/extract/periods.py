"""Periods of figures: the period a clause names, resolved against the report's year; the plan part.

A report given early in year N reviews N−1 and plans N: its figures default to N−1 and, after
the heading of its plan part, are targets of N.  "今年元至9月" is the first nine months of the
report's year, "过去五年" the five years to the year it reviews, "“十三五”期间" 2016–2020.

>>> period_of("今年元至9月，完成工业总产值716.85亿元", 2022)
'2022-01/2022-09'
>>> period_of("过去五年，地区生产总值年均增长6%", 2026, reviewed=2025)
'2021-01/2025-12'
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.text.segment import clauses

#: The heading of a report's plan part: "三、2026年重点工作安排", "今年工作的总体要求".
PLAN_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分\s*)?"
    r"((?:19|20)\d{2}|今年)年?(?:度)?(?:的)?(?:政府)?(?:主要|重点|总体)?(?:工作|目标|任务|预期目标)"
)
MAX_HEADING = 40
#: A top-level heading that names the five-year plan starting in the plan year: its part plans.
NEXT_PLAN_HEADING = re.compile(r"^[一二三四五六七八九十]+、[^。；]{0,30}?“?(" + "|".join(p.FIVE_YEAR_PLANS) + ")”?")
#: The five years a report looks back on: "过去五年", "五年来", "这五年".
FIVE_YEARS = re.compile(r"(?:过去|这|近)五年|五年来|五年(?:累计|共计|合计)")
#: A year the clause is about, not one it compares with ("比2005年提高12个百分点") or starts from.
EXPLICIT_YEAR = re.compile(r"(?<![比较从])((?:19|20)\d{2})年(?!相比|比)")  # not "从2020年的51%提升到…"
FIVE_YEAR_PLAN = re.compile("(" + "|".join(p.FIVE_YEAR_PLANS) + r")”?(?:期间|时期|以来)")


def opens_plan(text: str, plan_year: int) -> bool:
    """Whether a sentence is the heading of a report's plan part ("三、2026年重点工作安排").

    >>> opens_plan("三、2026年重点工作安排", 2026), opens_plan("2025年主要工作回顾", 2026)
    (True, False)
    >>> opens_plan("二、“十五五”时期主要目标任务", 2026), opens_plan("一、“十四五”时期工作回顾", 2026)
    (True, False)
    """
    match = PLAN_HEADING.match(text.strip())
    if match and len(text) <= MAX_HEADING and match.group(1) in (str(plan_year), "今年"):
        return True
    plan = NEXT_PLAN_HEADING.match(text.strip())  # "二、“十五五”时期主要目标任务", "三、…全力推动“十五五”开好局"
    return bool(plan) and len(text) <= MAX_HEADING and p.FIVE_YEAR_PLANS[plan.group(1)] == plan_year


def reviewed_year(period: str | None) -> int | None:
    """The year a report's default period is, when it is a whole year ("2025")."""
    return int(period) if period and period.isdigit() else None


def period_of(clause: str, year: int | None, reviewed: int | None = None, carried: bool = False) -> str | None:
    """The period a clause names, resolved against the report's year (and the year it reviews:
    "过去五年" of a report that reviews 2025 is 2021-01/2025-12); ``carried``: only a period
    that may hold for the next sentences too (not "截至10月底", not one month)."""
    plan = FIVE_YEAR_PLAN.search(clause)
    if plan:
        first = p.FIVE_YEAR_PLANS[plan.group(1)]
        return f"{first}-01/{first + 4}-12"
    last = reviewed or year
    if last is not None and FIVE_YEARS.search(clause):
        return f"{last - 4}-01/{last}-12"
    if not any(ch in clause for ch in "年月季"):
        return None  # every period pattern names a year, a month or a quarter
    explicit = EXPLICIT_YEAR.search(clause)
    if explicit:
        year = int(explicit.group(1))  # "2009年，全省产业园区…": the clause's own year, known or not the report's
    if year is None:
        return None
    for pattern, kind in p.PERIODS:
        match = pattern.search(clause)
        if not match:
            continue
        if carried and kind in p.OWN_SENTENCE_PERIODS:
            return None
        if kind in ("months", "until", "month"):
            month = int(match.group(1))
            if not 1 <= month <= 12:
                return None
            return f"{year}-{month if kind == 'month' else 1:02d}/{year}-{month:02d}"
        if kind == "previous-year":
            return str(year - 1)
        if kind == "year":  # 全年 of a report's review is the year it reviews ("刚刚过去的2025年…。全年…")
            return str(year if explicit or not reviewed else reviewed)
        return f"{year}-{kind}"
    return str(year) if explicit else None


def on_the_occasion(text: str) -> bool:
    """A sentence about the event the report tells of ("本次集中开工项目4个"): it takes no period
    carried from the sentences before it, which may speak of another year."""
    return any(word in text for word in p.OCCASION_WORDS)


def sentence_period(text: str, year: int | None, reviewed: str | None = None) -> str | None:
    """The first period a sentence names, if any (for the sentences after it in its paragraph)."""
    for _, clause in clauses(text):
        found = period_of(clause, year, reviewed_year(reviewed), carried=True)
        if found:
            return found
    return None
