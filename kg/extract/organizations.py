"""Organizations: government bodies named with their place (甲市棚改办, 乙省统计局), a
government by its level (省政府, 甲市人民政府), a department by its level (省统计局, 市文旅局),
and a named zone's own bodies (甲市高新区管委会, 甲市高新区财政局).

>>> [m.label for m in find(Sentence(0, "根据许昌市棚改办下达的2022年度棚户区改造任务分解", 0, 0))]
['许昌市棚改办']
>>> [m.label for m in find(Sentence(0, "经省政府同意，省统计局和郑州高新区管委会联合发文", 0, 0))]
['省政府', '省统计局', '郑州高新区管委会']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import patterns as p
from kg.extract.names import clean, is_masked, name_before, trim_leading
from kg.extract.places import places
from kg.types import Kind, Mention, Sentence

SUFFIX = "|".join(map(re.escape, p.ORGANIZATION_SUFFIXES))
#: A post after the body (局长, 办主任) means a person is meant, not the body.
NOT_AFTER = r"(?![\u4e00-\u9fff]*(?:长|主任|书记))"


@lru_cache(maxsize=1)
def _place() -> str:
    """Any province or city name, longest first, as a regex group."""
    return "(?:" + "|".join(sorted(map(re.escape, places()), key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _body() -> re.Pattern[str]:
    return re.compile(rf"{_place()}(?:省|市)[\u4e00-\u9fff]{{1,7}}?(?:{SUFFIX}){NOT_AFTER}")


LEVEL = "(?:省|市|区|县)(?!" + "|".join(p.NOT_GOVERNMENT_START) + ")"
ZONE_WORD = "(?:" + "|".join((*p.ZONE_SUFFIXES, "新区", "示范区")) + ")"
#: Characters after which a level (省, 市) opens a body's name: "经省政府同意".
BEFORE_BARE = "和与、，,经由在向对"
#: Where a body named without its place may open: the start of a run, or after one of those.
OPENING = rf"(?:(?<![\u4e00-\u9fff])|(?<=[{BEFORE_BARE}]))"
#: … and a department's, only in a list or after a comma: "省统计局、市文旅局".
BEFORE_DEPARTMENT = "和与、，,"


@lru_cache(maxsize=1)
def _by_level() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A government by its level (省政府, 甲市人民政府), a department by its level (省统计局,
    市文旅局), and a named zone's own bodies (甲市高新区管委会, 甲市高新区财政局); a place that opens
    one is a known place, never the words before it."""
    place = _place()
    government = re.compile(rf"(?:{place}(?:省|市)?|{OPENING}省)(?:人民)?政府(?!工作|报告){NOT_AFTER}")
    listed = rf"(?:(?<![\u4e00-\u9fff])|(?<=[{BEFORE_DEPARTMENT}]))"
    department = re.compile(rf"{listed}(?:{place})?{LEVEL}[\u4e00-\u9fff]{{1,7}}?(?:厅|局|委){NOT_AFTER}")
    zone_body = re.compile(rf"{place}{ZONE_WORD}(?:" + "|".join(p.ZONE_BODIES) + rf"){NOT_AFTER}"
                           rf"|{place}?{ZONE_WORD}[\u4e00-\u9fff]{{1,3}}?局{NOT_AFTER}")
    return government, department, zone_body


#: A word every match of each pattern holds (<place>省/市<body>, government, department,
#: zone body): a sentence without it is not searched with that pattern.
#: A goal before an institution's name: "打造世界一流研究院" names none that exists.
ASPIRED = re.compile(r"(?:打造|建设|建成|筹建|组建|争创|创建)[^，。；,;]{0,20}$")
NEEDED = (("市", "省"), ("政府",), ("厅", "局", "委"), ("管委会", "工委", "政府", "局"))
#: The last characters of every body's name: a sentence with none of them names no body.
ENDINGS = frozenset("办室会局厅委府部院署行大协央心所学")
#: A character every central body's name holds.
NATIONAL_MARKS = frozenset("部院署局委行大协央心")


@lru_cache(maxsize=1)
def _national() -> re.Pattern[str]:
    """The central state's bodies, longest first, not inside a post (国务院副总理) or a longer name."""
    names = "|".join(map(re.escape, sorted(p.NATIONAL_BODIES, key=len, reverse=True)))
    return re.compile(rf"{OPENING}(?:{names})(?![\u4e00-\u9fff]*(?:长|主任|书记|总理|委员|部长))")


def find(sentence: Sentence) -> list[Mention]:
    """Government bodies: by place, by level and a named zone's own (in order of the text)."""
    text = sentence.text
    found: dict[int, str] = {}
    if ENDINGS.isdisjoint(text):
        return []
    patterns = [pattern for pattern, needed in zip((_body(), *_by_level()), NEEDED, strict=True)
                if any(word in text for word in needed)]
    if NATIONAL_MARKS.intersection(text):
        patterns.insert(0, _national())
    for pattern in patterns:
        for match in pattern.finditer(text):
            start = match.start()
            if not any(s <= start < s + len(n) for s, n in found.items()) and not is_masked(match.group()):
                found[start] = match.group()
    for start, name in institutions(text):
        if not any(s <= start < s + len(n) or start <= s < start + len(name) for s, n in found.items()):
            found[start] = name
    return [Mention(Kind.ORGANIZATION, name, sentence.index) for _, name in sorted(found.items())]


INSTITUTION = re.compile("|".join(p.INSTITUTION_SUFFIXES))
#: What after an institution's name makes it part of a longer one: a project, park or base, or a list.
INSIDE_A_NAME = re.compile(r"[\u4e00-\u9fff]{0,14}?(?:项目|产业园|园区|基地)|建设|等")
MIN_INSTITUTION = 2


def institutions(text: str) -> list[tuple[int, str]]:
    """Research institutes, universities and laboratories by their names (甲乙大学丙丁实验室),
    not a project that builds one (…研究院项目) nor a goal (打造…研究院).

    >>> institutions("甲乙大学丙丁电子信息技术实验室揭牌")
    [(0, '甲乙大学丙丁电子信息技术实验室')]
    """
    out: list[tuple[int, str]] = []
    for match in INSTITUTION.finditer(text):
        if INSIDE_A_NAME.match(text, match.end()) or ASPIRED.search(text, 0, match.start()):
            continue  # "甲乙研究所高端装备产业园项目": the institute names a project's investor
        core = trim_leading(clean(name_before(text, match.start())))
        if len(core) < MIN_INSTITUTION or is_masked(core) or INSTITUTION.fullmatch(core):
            continue
        name = core + match.group()
        start = match.end() - len(name)
        out = [(s, n) for s, n in out if not (start <= s and s + len(n) <= match.end())]  # the longer name
        out.append((start, name))
    return out
