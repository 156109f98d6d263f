"""What a report says about itself: its title, its zone and the period it covers.

>>> info = describe("许昌高新区2023年工作总结\\n2023年，高新区……")
>>> (info.title, info.zone, info.year, info.period)
('许昌高新区2023年工作总结', '许昌高新区', 2023, '2023')
>>> info = describe("2024年政府工作报告\\n过去的一年……")
>>> (info.year, info.period, info.plan_year)
(2024, '2023', 2024)
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract import patterns as p
from kg.extract.periods import period_of
from kg.extract.zones import full_zone_names
from kg.types import DocumentInfo

MAX_TITLE = 40
MIN_TITLE = 6
#: What follows a web page's title on its first line: "…稳中有进来源:云南日报 2023-08-29".
BYLINE = re.compile(r"来源[:：]|发布时间|发布日期|时间[:：]|作者[:：]|编辑[:：]|\d{4}-\d{2}-\d{2}")
HEAD = 300
YEAR = re.compile(r"((?:19|20)\d{2})年(?:度)?")
#: A year in a title that names the period reported on, not a plan ("…及2023年工作安排").
REPORT_YEAR = re.compile(r"((?:19|20)\d{2})年(?!(?:工作)?(?:安排|思路|计划|要点|打算))")
#: Reports given at the start of year N that review N−1 and plan N: "2024年政府工作报告",
#: "2016年经济工作报告", "2025年经济工作会议", "2020年度工作会议" (not a 工作总结 of the year).
REVIEW_TITLE = re.compile(r"(?:19|20)\d{2}年(?:度)?[^，。；,;]{0,16}?工作(?:报告|会议)")
REVIEW_HEAD = 80
#: The heading of the part that looks back: "2018年工作回顾", "一、2025年工作回顾".
REVIEW_HEADING = re.compile(r"((?:19|20)\d{2})年(?:度)?(?:主要)?(?:工作)?回顾")
#: A government work report is given at the start of its year, whether or not its title says which.
GOVERNMENT_REPORT = "政府工作报告"
#: A title about last year ("甲乙新区去年地区生产总值超300亿元"): the piece reviews the year before.
LAST_YEAR_TITLE = re.compile(r"去年|过去一年")
#: The dateline of a news piece in the first months of a year: "2月21日，", "3月23日讯".
EARLY_LEAD = re.compile(r"(?<![\d年月])[1-3]月\d{1,2}日(?:讯|电|,|，|上午|下午)")
#: A publication date ("2024-05-16 14:18") gives the year when the text names none.
#: ("2024-05-16", "2024/5/16", "2024.05.16") or day first ("27.10.2015 13:05").
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.][01]?\d[-/.][0-3]?\d(?!\d)"
                  r"|(?<![\d.])[0-3]?\d\.[01]?\d\.((?:19|20)\d{2})(?!\d)")
PERIOD_AFTER_YEAR = (
    (re.compile(r"^(?:度)?上半年"), "H1"),
    (re.compile(r"^(?:度)?下半年"), "H2"),
    (re.compile(r"^(?:度)?(?:第)?一季度"), "Q1"),
    (re.compile(r"^(?:度)?(?:第)?二季度"), "Q2"),
    (re.compile(r"^(?:度)?(?:第)?三季度"), "Q3"),
    (re.compile(r"^(?:度)?(?:第)?四季度"), "Q4"),
    (re.compile(r"^(?:度)?(?:1|一|元)(?:月)?(?:至|~|-|到)(\d{1,2})月"), "months"),
)


def describe(
    text: str,
    fallback_title: str = "",
    cities: Counter[str] | None = None,
    meta: dict[str, str] | None = None,
) -> DocumentInfo:
    """Read title, zone, year and period from the head of a normalised report.

    The zone comes from the title, else the first full zone name in the text,
    else the city the report names most (with the bare zone word it uses),
    else the metadata; the rule that decided is kept in ``zone_rule``.
    """
    meta = meta or {}
    first = text.split("\n", 1)[0].strip()
    if len(first) > MAX_TITLE:
        byline = BYLINE.search(first, 0, MAX_TITLE + 8)
        first = first[: byline.start()] if byline and byline.start() >= MIN_TITLE else first
    title = first if 0 < len(first) <= MAX_TITLE else fallback_title
    head = text[:HEAD]
    year, period = _period(title) if REPORT_YEAR.search(title) else _period(head)
    if year is None:
        year, period = _dated(DATE.search(head))
    if year is None and meta.get("period"):
        year, period = _period(meta["period"] + "年")
    if year is not None and period == str(year):
        period = _title_period(title, year) or period
    plan_year = None
    review = REVIEW_TITLE.search(title) or REVIEW_TITLE.search(text[:REVIEW_HEAD])
    reviews = (review is not None and review.group().startswith(str(year))) or GOVERNMENT_REPORT in title
    looked_back = REVIEW_HEADING.search(head)
    if looked_back and reviews:  # "政府工作报告 … 2018年工作回顾": it reviews 2018, given early in 2019
        reviewed = int(looked_back.group(1))
        year, period, plan_year = reviewed + 1, str(reviewed), reviewed + 1
    elif year is not None and period == str(year) and (reviews or LAST_YEAR_TITLE.search(first)):
        period, plan_year = str(year - 1), year  # given early in the year: reviews the one before
    elif year is not None and period == str(year) and _early_news(head, text):
        year, plan_year = year + 1, year + 1  # "2月21日，…召开大会，全面总结园区2020年…": given early in 2021
    zone, rule = _zone(title, text, cities or Counter(), meta)
    return DocumentInfo(title=title, zone=zone, year=year, period=period, zone_rule=rule, plan_year=plan_year)


def _dated(match: re.Match[str] | None) -> tuple[int | None, str | None]:
    """The year of a publication date, as the year and period a news piece reports on.

    >>> _dated(DATE.search("27.10.2015 13:05")), _dated(DATE.search("2022/01/13"))
    ((2015, '2015'), (2022, '2022'))
    """
    if match is None:
        return None, None
    year = next(g for g in match.groups() if g)
    return int(year), year


def _early_news(head: str, text: str) -> bool:
    """A news piece dated early in a year ("2月21日，…") that looks back on the year its text names:
    its lead sums a year up (总结) or it speaks of last year (去年)."""
    return bool(EARLY_LEAD.search(head)) and ("总结" in head or "去年" in text)


def _zone(title: str, text: str, cities: Counter[str], meta: dict[str, str]) -> tuple[str | None, str | None]:
    """The report's own zone and the rule that found it."""
    in_title = full_zone_names(title)
    if in_title:
        return in_title[0], "title"
    in_text = full_zone_names(text[:HEAD]) or _dominant_zone(text)
    if in_text:
        return in_text[0], "first-full-name"
    bare = next((w for w in p.ZONE_SUFFIXES if w in title), None) or next(
        (w for w in ("高新区", "经开区", "开发区") if w in text[:HEAD]), None
    )
    if bare and cities:
        city, count = sorted(cities.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if count >= p.MIN_CITY_MENTIONS:
            return city + bare, "city-named-in-text"
    named = full_zone_names(meta.get("zone", ""))
    if named:
        return named[0], "metadata"
    return None, None


def _dominant_zone(text: str) -> list[str]:
    """The zone a text names most, when it names it often enough to be about it.

    A provincial report names dozens of zones once each in 20,000 characters: none is its own.
    """
    counts = Counter(m.group() for m in _zone_mentions(text))
    if not counts:
        return []
    name, count = counts.most_common(1)[0]
    return [name] if count * p.OWN_ZONE_DENSITY >= len(text) else []


def _zone_mentions(text: str) -> list[re.Match[str]]:
    """Every full zone name in ``text``, as matches of the names themselves."""
    names = full_zone_names(text)
    if not names:
        return []
    pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    return list(pattern.finditer(text))


def _title_period(title: str, year: int) -> str | None:
    """The part of a year a title names without naming the year ("…上半年主要指标稳中有进").

    >>> _title_period("开发区前三季度书写高质量发展答卷", 2021), _title_period("开发区工作总结", 2021)
    ('2021-Q1-Q3', None)
    """
    return None if YEAR.search(title) else period_of(title, year)


#: Words before a year that make it a point of comparison, and "的N倍" after one.
COMPARED_BEFORE = ("较", "比", "与", "是", "于")
TIMES_AFTER = re.compile(r"的[\d.]+倍")


def _period(text: str) -> tuple[int | None, str | None]:
    """The first year named in ``text`` and the period that follows it ("2023-H1"); a year a
    figure is compared with (较2019年同期, 是2005年的5倍) is not the year reported on.

    >>> _period("今年1-8月，投资同比增长55%，较2019年同期增长10%；2021年上半年…")
    (2021, '2021-H1')
    """
    match = next((m for m in REPORT_YEAR.finditer(text) if not _compared(text, m)), None)
    if not match:
        return None, None
    year = int(match.group(1))
    rest = text[match.end() :]
    for pattern, kind in PERIOD_AFTER_YEAR:
        found = pattern.search(rest)
        if found:
            if kind == "months":
                month = int(found.group(1))
                return year, (f"{year}-01/{year}-{month:02d}" if 1 <= month <= 12 else str(year))
            return year, f"{year}-{kind}"
    return year, str(year)


def _compared(text: str, year: re.Match[str]) -> bool:
    """Whether a year is named as what a figure is compared with (较2019年同期, 是2005年的5.2倍)."""
    before = text[max(0, year.start() - 1) : year.start()]
    after = text[year.end() : year.end() + 6]
    return before in COMPARED_BEFORE or after.startswith("同期") or bool(TIMES_AFTER.match(after))


def is_title_like(line: str) -> bool:
    """True when a line reads like a report title (a year and a report kind)."""
    return bool(YEAR.search(line)) and any(kind in line for kind in p.TITLE_KINDS)
