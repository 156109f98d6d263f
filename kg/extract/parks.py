"""Industrial parks, incubators and bases that are places: names ending in a park suffix.

>>> [m.label for m in find(Sentence(0, "以铝材精深加工产业园、新材料产业园等特色园区为依托", 0, 0))]
['铝材精深加工产业园', '新材料产业园']
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.names import (
    clean,
    is_action_only,
    is_masked,
    list_before,
    name_before,
    strip_generic,
    trim_leading,
)
from kg.extract.places import places
from kg.types import Kind, Mention, Sentence

SUFFIX = re.compile("|".join(map(re.escape, p.PARK_SUFFIXES)))
QUOTED = re.compile(r"“[^”]*”")
ORDINAL = re.compile(r"^[一二三四五六七八九十\d]+期")
DESIGNATION_WORDS = ("先进", "示范", "绿色", "五好", "文明", "标杆", "优秀", "清廉", "星级", "世界一流", "一流", "十佳",
                     "十强", "百强", "五星")
ZONE_NAME = re.compile(r"[\u4e00-\u9fff]{0,4}(?:高新区|经开区|开发区)")
MAX_PARK = 16
#: Conjunctions that join two industries in one park's name, and how long the first may be.
JOINERS = "与和及"
MAX_JOINED = 6
#: How a place for industry ends: the words before 与/和 that end so name a place of their own.
PLACE_HEADS = ("园", "区", "基地", "城", "谷", "镇", "中心", "港")
#: Rankings whose titles are honors, never a park's own name.
RANKED = ("十佳", "十强", "百强")
#: How a national designation or category opens (国家级…示范园, 全国首批…基地, 省部共建…科技园).
NATIONAL = re.compile(r"^(?:国家级?|全国(?:首批)?|省部共建)")
ASPIRATION = re.compile(r"(?:打造|建设成为|建成为|争创|创建|(?:把|将)[^，。；,;]{1,20}建成)[^，。；,;]*$")


def park_names(text: str) -> list[str]:
    """Park names in ``text``, in order; quoted designations ("清廉园区") are not parks."""
    out: list[str] = []
    for match in SUFFIX.finditer(text):
        if _inside_quotes(text, match.start()) or _continues(text, match.end()):
            continue
        if ASPIRATION.search(text[max(0, match.start() - 30) : match.start()]):
            continue  # "打造千亿级…产业基地": a goal, not a place that exists
        raw = name_before(text, match.start())
        core = trim_leading(clean(_joined(text, match.start() - len(raw)) + raw))
        name = ORDINAL.sub("", core) + match.group()
        if _is_named(name, match.group()) and name not in out:
            out.append(name)
    return out


def _joined(text: str, start: int) -> str:
    """The first of two industries a park's name joins ("甲乙与丙丁产业园区" → "甲乙与"), when the
    words before 与/和/及 name no park of their own."""
    if start < 2 or text[start - 1] not in JOINERS:
        return ""
    first = trim_leading(name_before(text, start - 1))
    if not 2 <= len(first) <= MAX_JOINED or first.endswith(PLACE_HEADS) or is_action_only(first):
        return ""
    return first + text[start - 1]


def _inside_quotes(text: str, pos: int) -> bool:
    return any(m.start() < pos < m.end() for m in QUOTED.finditer(text))


def _continues(text: str, end: int) -> bool:
    """True when the suffix is the head of a longer word (园区贷, 产业园项目 stays a park)."""
    if re.match(r"等[^，。；,;]{0,8}项目", text[end:]):
        return True  # "…产业园等*个项目": listed as a project
    return bool(re.match(r"[贷内外级化项(（]", text[end : end + 1]))


def _is_named(name: str, suffix: str) -> bool:
    """A specific park, not a generic reference such as 特色园区 or 四期产业园."""
    core = name[: -len(suffix)]
    if len(core) < 2 or len(name) > MAX_PARK or is_masked(name) or is_action_only(core):
        return False
    if any(w in core for w in DESIGNATION_WORDS) or SUFFIX.search(core) or not is_park_name(name):
        return False
    rest = strip_generic(ZONE_NAME.sub("", core), p.GENERIC_PARK_WORDS)
    rest = re.sub(r"[\d.、（）()“”]|[个家亩万平方米]", "", rest)
    two_char_place = bool(re.fullmatch(r"[\u4e00-\u9fff]{2}", core)) and core not in p.GENERIC_PARK_WORDS
    return len(rest) >= 2 or (suffix in ("园区", "产业园") and two_char_place)


def is_park_name(label: str) -> bool:
    """Whether a label can name one park: a national label with no place in it is a designation
    or a category ("国家级低碳示范园"), not a park.

    >>> [is_park_name(x) for x in ("国家数字农业示范园", "国家火炬郑州光电特色产业基地", "甲乙光电产业园", "深化园区")]
    [False, True, True, False]
    """
    if any(w in label for w in RANKED):
        return False  # "市十佳…产业园": a ranking's title, an honor
    if any(w in label for w in p.PARK_POLICY_WORDS):
        return False  # "深化园区…改革", "做强甲乙科技园": a clause of policy, not a park's name
    if not NATIONAL.match(label):
        return True
    return any(label[i : i + n] in places() for n in (2, 3, 4) for i in range(len(label) - n + 1))


def is_named_park(name: str) -> bool:
    """True when ``name`` is a specific park (its suffix found, its core not generic)."""
    suffix = next((m.group() for m in SUFFIX.finditer(name) if m.end() == len(name)), None)
    return suffix is not None and _is_named(name, suffix)


#: "A、B(等)N个工业园区": the items of a list counted in parks are parks.
COUNTED_PARKS = re.compile(rf"等?{p.COUNT_NUMBER}个[\u4e00-\u9fff]{{0,6}}?(?:园区|产业园|工业园)")
MAX_LISTED_PARK = 8


def listed_parks(text: str) -> list[str]:
    """Items of a list counted in parks ("围绕甲城、乙丙子2个工业园区"), two at least, each a short name.

    >>> listed_parks("围绕甲城、乙丙子2个工业园区，调优产业布局")
    ['甲城', '乙丙子']
    """
    out: list[str] = []
    for match in COUNTED_PARKS.finditer(text):
        items = [clean(trim_leading(item)) for item, _ in list_before(text, match.start())]
        if len(items) >= 2 and all(2 <= len(i) <= MAX_LISTED_PARK and not is_masked(i) for i in items):
            out += [i for i in items if i not in out]
    return out


def find(sentence: Sentence) -> list[Mention]:
    """Park mentions in a sentence; in an enumeration of projects ("开工项目…包括：甲乙产业园、…")
    a park's name names the project that builds it."""
    text = sentence.text
    enumeration = p.PROJECT_ENUMERATION.search(text)
    if enumeration:
        stop = re.search(r"[。；;]", text[enumeration.end() :])
        end = enumeration.end() + stop.start() if stop else len(text)
        text = text[: enumeration.start()] + "；" + text[end:]  # the enumeration's items are projects
    names = park_names(text)
    names += [n for n in listed_parks(text) if n not in names]
    return [Mention(Kind.PARK, name, sentence.index) for name in names]
