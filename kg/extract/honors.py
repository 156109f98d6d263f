"""Honors: titles after 荣获/获评/获批/入选/挂牌…, quoted or ending like a designation.

The recipient is the subject in front of the trigger; when the clause has none
(zero anaphora), it is the previous recipient in the sentence, else the
report's own zone.

>>> honors_in_clause("甲乙丙孵化园获评“甲省第十批创业孵化示范基地”")
[('甲省第十批创业孵化示范基地', '甲乙丙孵化园')]
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.companies import coined_firm, legal_names, listed_firms, short_name_prefix
from kg.extract.names import clean, is_masked, trim_leading
from kg.extract.parks import SUFFIX as PARK_SUFFIX
from kg.extract.parks import is_named_park
from kg.extract.zones import full_zone_names
from kg.text.segment import clauses
from kg.types import Fact, Kind, Mention, Sentence

#: Triggers, and a bare 获 right before a quoted title (获“创新贡献奖”二等奖).
TRIGGERS = (*p.HONOR_TRIGGERS, *p.RECEIVING_TRIGGERS, *p.GIVING_TRIGGERS)
TRIGGER = re.compile("|".join(map(re.escape, TRIGGERS)).replace("获得", "获得(?!感)") + "|获(?=“)")
QUOTED_RUN = re.compile(r"^(?:[\u4e00-\u9fff\d]{0,20}?)((?:“[^”]{2,40}”[、和及]?)+)")
YEAR = re.compile(r"((?:19|20)\d{2})年")
LEAD_WORDS = re.compile(
    r"^(?:(?:[一二三四五六七八九十]是|其中|同时|此外|另外|辖区内?|园区内|区内|引育的|引进的|新引进的)[，,]?)+"
)
#: Time words before a trigger are not a recipient ("2022年获评…": the subject is implicit).
TIME_ONLY = re.compile(r"^(?:(?:19|20)\d{2}年(?:度|以来)?|今年|去年|近年来|近年|当年|同年|年内|此前)+$")
#: A short prize grade after a quoted award, and the recipient after 的: 获“X奖”一等奖的<firm>.
AWARD_GRADE = re.compile(r"^([一二三四五六七八九十]等奖|特等奖|金奖|银奖|铜奖|优秀奖)?的")
#: "A、B、C等…12家单位": the recipients are the list before 等.
LISTED_BEFORE_DENG = re.compile(r"^([^等]{2,80}?)等[^、]{0,24}$")
#: A second trigger after 、 opens a second title: "荣获A一等奖、获批B企业".
NEXT_TRIGGER = re.compile("、(?:" + "|".join(map(re.escape, sorted(TRIGGERS, key=len, reverse=True))) + ")了?")
#: Items of an unquoted list of titles: "表彰了A、B和C".
ITEM_SEPARATOR = re.compile("[、和及]")
#: Triggers whose subject gives the honor: the recipient is not said.
GIVING = frozenset(p.GIVING_TRIGGERS)
MAX_HONOR = 40
MAX_RECIPIENT = 20
SELF = "\x00self"
#: Titles named before their award: "对A、B和C的表彰决定".
HONORED_BEFORE = re.compile(r"对([^，。；,;]{4,80}?)的表彰")
QUOTED_PROJECT = re.compile(r"^“([^”]+)”项目$")
Item = Mention | Fact


def honors_in_clause(clause: str) -> list[tuple[str, str | None]]:
    """``(honor, recipient-as-written)`` pairs in one clause; recipient ``None`` when implicit."""
    clause = clause.rstrip("。！？!?；;，,… ")
    honored = HONORED_BEFORE.search(clause)  # "对年度甲类个人、乙类团队和丙类机构的表彰决定"
    if honored:
        return [(title, "") for title in _listed_titles(clean(honored.group(1)))]
    match = TRIGGER.search(clause)
    if not match:
        return []
    giver = match.group() in GIVING and "被" not in clause[max(0, match.start() - 4) : match.start()]
    subject = "" if giver else _subject(clause[: match.start()])  # who 表彰/授予 gives, not receives
    out: list[tuple[str, str | None]] = []
    for part in NEXT_TRIGGER.split(clause[match.end() :].removeprefix("了")):
        graded = _graded_award(part)
        out += [graded] if graded else [(title, subject) for title in _titles(part)]
    return out


def _graded_award(after: str) -> tuple[str, str] | None:
    """"获“创新贡献奖”二等奖的某某电子有限公司": the award with its grade, given to the firm after 的."""
    quoted = re.match(r"“([^”]{2,30})”", after)
    if not quoted:
        return None
    grade = AWARD_GRADE.match(after[quoted.end() :])
    if not grade:
        return None
    firms = legal_names(after[quoted.end() + grade.end() :])
    rest = after[quoted.end() + grade.end() :]
    if not firms or not rest.startswith(firms[0]):
        return None
    return clean(quoted.group(1) + (grade.group(1) or "")), firms[0]


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
    title = clean(_strip_tails(after)).removeprefix("一批")  # "表彰一批年度甲类团队、…"
    listed = _listed_titles(title) if "、" in title else []
    if listed:
        return listed
    if _is_title(title) and title.endswith(p.HONOR_SUFFIXES) and len(title) >= 4:
        if title.endswith(p.LIST_HONOR_SUFFIXES) and len(title) < p.MIN_LIST_HONOR:
            return []  # "入选推荐名单": which list is not said
        return [title]
    return []


def _listed_titles(text: str) -> list[str]:
    """An unquoted list of titles, each ending like one ("表彰了A骨干企业、B企业家和C个人"); else none."""
    items = ITEM_SEPARATOR.split(text)
    ends = (*p.HONOR_SUFFIXES, *p.AWARDEE_SUFFIXES)
    if len(items) < 2 or not all(_is_title(i) and len(i) >= 4 and i.endswith(ends) for i in items):
        return []
    return items


#: A place on a ranking after its name: "甲乙百强榜前20强" is the ranking 甲乙百强榜.
RANK_ON_LIST = re.compile(r"(?<=榜)(?:前|第)(?:\d+|[一二三四五六七八九十百]+)(?:强|名|位)$")


#: Which one it is, before a title: "成为全国第四个、西部地区首个甲乙先导区" is the title 甲乙先导区.
#: A count before one ("5个国家级甲乙示范区") says how many, not which.
ORDINALS_BEFORE = re.compile(
    r"^(?:成为)?(?:[\u4e00-\u9fff]{0,6}?(?:第(?:\d+|[一二三四五六七八九十]+)[个家]|首个|首家)、?)+"
    r"|^(?:\d+|[两二三四五六七八九十]+)个"
)


def _strip_tails(text: str) -> str:
    for tail in p.HONOR_TAILS:
        text = text.removesuffix(tail)
    return ORDINALS_BEFORE.sub("", RANK_ON_LIST.sub("", text))


#: Verbs that open a task, not a title: "成立甲乙中心", "建设国家医学中心和…".
TASK_OPENERS = ("成立", "建设", "组建", "设立", "推动", "推进")


#: A title of only a scope and a generic head says which honor no more than "一个奖" does:
#: 国家级大奖, 国家、国际大奖, 全国试点, 全国N强, 卓越级.
VAGUE_TITLE = re.compile(
    r"^(?:国家级?|国际|全国|全省|省级?|市级?|世界|和|、|[\d]+)*(?:大奖|奖项|奖|试点|强|名单|称号|荣誉|卓越级|级)$"
)


def _is_title(title: str) -> bool:
    """A title of some length, not masked, no ranking sentence ("…的项目数量位居省市前列") and no
    list of candidates ("列入甲乙园区创建名单")."""
    return (2 <= len(title) <= MAX_HONOR and not is_masked(title) and not title.endswith(p.CANDIDATE_LISTS)
            and not title.startswith(TASK_OPENERS) and not VAGUE_TITLE.match(title)
            and not any(w in title for w in p.RANKING_WORDS))


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
    if TIME_ONLY.match(words):
        return None
    if "、" not in words and not listed_firms(words):
        words = words.removesuffix("等")  # "甲乙等获批…": one example of those who received it
        verb = SUBJECT_VERB.search(words, 2)
        if verb and recipient_kind(words[: verb.start()]) is Kind.COMPANY:
            words = words[: verb.start()]  # "甲乙纺机发力碳纤维装备荣获…": the firm before its verb
    listed = LISTED_BEFORE_DENG.match(words)
    if listed and "、" in listed.group(1) and not listed_firms(words):
        return clean(listed.group(1))  # "A、B、C等在各领域作出突出贡献的12家单位"
    words = clean(trim_leading(words)) if words else ""
    if not words:
        return None
    opening = full_zone_names(words)
    if opening and words.startswith(opening[0]) and recipient_kind(words) is None:
        return opening[0]  # "华阳经开区成为全省唯一既获评…": the clause is about the zone it opens with
    if any(words.endswith(w) or words == w for w in p.ZONE_SELF):
        return SELF
    if len(words) > MAX_RECIPIENT + 10 or is_masked(words):
        return ""
    return words


SUBJECT_VERB = re.compile("|".join(re.escape(v) for v in p.SUBJECT_VERBS if v != "等"))


def recipient_kind(label: str) -> Kind | None:
    """The class of a recipient, from its form; ``None`` when it cannot be told."""
    if full_zone_names(label) and any(label.endswith(s) for s in p.ZONE_SUFFIXES):
        return Kind.ZONE
    for suffix, kind in p.RECIPIENT_CLASSES:
        if label.endswith(suffix):
            return Kind(kind)
    if PARK_SUFFIX.search(label[-4:]):
        return Kind.PARK
    if legal_names(label) == [label] or short_name_prefix(label) == label or coined_firm(label):
        return Kind.COMPANY  # a legal name, brand + industry word, or a coined name (甲乙 jieba cannot cut)
    return None


def find(sentence: Sentence, zone: Mention | None) -> list[Item]:
    """Honor mentions and their recipients in a sentence (``zone``: the report's own, if it has one)."""
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
    subject: str | None, last: Mention | None, zone: Mention | None, index: int
) -> list[Mention]:
    """Resolve the written subject to mentions (zone for 高新区/园区, previous for none).

    A report without a zone of its own gives an implicit or self-referring subject no recipient.
    """
    if subject is None:
        implicit = last or zone
        return [implicit] if implicit else []
    if subject == SELF:
        return [zone] if zone else []
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
