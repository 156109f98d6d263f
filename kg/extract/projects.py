"""Projects: names before 项目 or in "A 等 N 个项目", their own total investment, investor, status.

A total stated before a group ("总投资 15 亿元的精密齿轮等 5 个项目") belongs to
the group, so the named project gets no investment.

>>> found = find_in_clause("总投资40亿元的华信科技5G终端精密制造项目从签约到投产仅用150天", 0, "")
>>> [f.predicate for f in found if isinstance(f, Fact)]
['totalInvestment', 'investor', 'status']
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extract import patterns as p
from kg.extract.companies import (
    coined_firm,
    is_infrastructure,
    legal_names,
    place_prefix,
    short_name_prefix,
    without_country,
)
from kg.extract.names import (
    ENUMERATION,
    clean,
    is_action_only,
    is_masked,
    list_before,
    name_before,
    strip_generic,
    to_decimal,
    trim_leading,
    without_actions,
)
from kg.extract.stages import head_status, stage
from kg.text.segment import clauses, tokens
from kg.types import Fact, Kind, Mention, Sentence

AMOUNT = p.PROJECT_AMOUNT
#: "总投资 X 亿元的 <name>": not 计划投资/年度投资/完成投资, which are spending, not totals.
#: A total before the name, alone or with another attribute between ("总投资20亿元、占地300亩的…").
OWN_TOTAL_BEFORE = re.compile(
    rf"(?<![计划年度完成])(?:总投资|投资){AMOUNT}(?:的?|、[^，。；、,\d]{{1,8}}[\d.]+[^，。；、,]{{0,4}}的)$"
)
OWN_TOTAL_AFTER = re.compile(rf"^(?:项目)?(?:计划)?总投资{AMOUNT}$")
#: A total right after the name, in its clause: "甲乙项目总投资20亿元", "甲乙项目（总投资20亿元）".
OWN_TOTAL_RIGHT_AFTER = re.compile(rf"^[（(]?(?:计划)?总投资{AMOUNT}(?=[）)]|$)")
#: A count before a name: the total after it is the group's ("两个项目总投资…").
COUNTED_BEFORE = re.compile(rf"{p.COUNT_NUMBER}个")
#: What before a name makes it one of several: "甲项目和乙项目总投资…" is the pair's.
JOINED_BEFORE = ("、", "和", "及", "与", "以及")
Item = Mention | Fact
#: "…项目等 5 个项目" / "…项目等项目": the figure before the list is the group's.
GROUP_AFTER = re.compile(r"^等[^，。；,;]{0,8}?(?:(?:\d+|[一二三四五六七八九十两几多]+)[余多]?(?:个|项|批)|项目)")
#: "投资四个项目：" — a colon opens the list of the projects counted.
LIST_JOINERS = re.compile(r"^(?:以及|及|和|与)")
#: "该项目": a project named earlier, in this sentence or the last ones.
ANAPHOR = re.compile(r"(?:该|此)项目")
#: A capacity, a number or a phase in a listed item (甲乙60万吨丙烯, 丙丁3号机组, 戊己二期): a
#: project, not a firm.
QUANTITY = re.compile(r"\d|[一二三四五六七八九十]期")
ANAPHOR_TOTAL = re.compile(rf"(?<![计划年度完成已])(?:项目)?总投资{AMOUNT}(?!的|[\u4e00-\u9fff]*项目)")
ANAPHOR_INVESTOR = re.compile(r"^由([\u4e00-\u9fff·]{2,30}?)(?:投资|投建|出资|建设|打造)")
MIN_LISTED_PROJECT = 6
MIN_INVESTOR = 4
PLACE_OR_ZONE = re.compile(r"[\u4e00-\u9fff]{0,4}(?:高新区|经开区|开发区)|[\u4e00-\u9fff]{2,3}(?:省|市)")
#: "总投资X亿元的<name>基地": facilities named like projects without 项目.
FACILITY_BEFORE = re.compile(rf"(?:总投资|投资){AMOUNT}的$")
FACILITY = re.compile("|".join(p.FACILITY_SUFFIXES))


#: Every rule below needs one of these words: a sentence without them names no project.
CUES = re.compile("|".join(map(re.escape, sorted({p.PROJECT_SUFFIX, *p.FACILITY_SUFFIXES,
                                                   *p.CONSTRUCTION_SUFFIXES}))))


def find(sentence: Sentence) -> list[Item]:
    """Projects and their facts in a sentence, clause by clause."""
    if not CUES.search(sentence.text):
        return []
    parts = clauses(sentence.text)
    out: list[Item] = enumerated(sentence)
    for n, (_, clause) in enumerate(parts):
        nxt = parts[n + 1][1] if n + 1 < len(parts) else ""
        out.extend(find_in_clause(clause, sentence.index, nxt))
    stated = {f.subject for f in out if isinstance(f, Fact) and f.predicate == "status"}
    for item in list(out):
        if isinstance(item, Mention) and item.kind is Kind.PROJECT and item not in stated:
            status = head_status(sentence.text, item.label)
            if status:
                out.append(Fact(item, "status", status, sentence.index))
                stated.add(item)
    return out


def enumerated(sentence: Sentence) -> list[Item]:
    """The items of "投资四个项目：A基地、B基地、及C基地": each a project of its own.

    >>> [m.label for m in enumerated(Sentence(0, "分别投资两个项目：年产5万吨电池材料基地、及华信研发中心。", 0, 0))]
    ['年产5万吨电池材料基地', '华信研发中心']
    """
    match = p.PROJECT_ENUMERATION.search(sentence.text)
    if not match:
        return []
    out: list[Item] = []
    listed = re.split(r"[。；;]", sentence.text[match.end() :], maxsplit=1)[0]
    for item in listed.split("、"):
        name = LIST_JOINERS.sub("", ENUMERATION.sub("", clean(item)))
        if name.endswith((*p.FACILITY_SUFFIXES, p.PROJECT_SUFFIX, *p.PARK_SUFFIXES)) and _is_named(name):
            out.append(Mention(Kind.PROJECT, name, sentence.index))
    return out


def find_in_clause(clause: str, index: int, next_clause: str) -> list[Item]:
    """Projects named in one clause; ``next_clause`` may state a single project's total."""
    out: list[Item] = []
    taken: list[tuple[int, int]] = []
    for match in p.GROUP_OF_PROJECTS.finditer(clause):
        if p.NOT_PROJECT_GROUP.search(match.group()):
            continue  # "采取A、B等方式提高建成项目效能"
        counted = bool(re.search(r"个", match.group()))
        items = list_before(clause, match.start())
        firms_listed = (bool(items) and clause[: items[0][1]].rstrip("了").endswith(p.FIRM_LIST_BEFORE)
                        and not any(is_infrastructure(name) or QUANTITY.search(name) for name, _ in items))
        owns = [_item_total(clause[:start]) if counted else None for _, start in items]
        each = len(items) > 1 and None not in owns  # an amount before every item: each its own, not the group's
        for (name, start), own in zip(items, owns, strict=True):
            taken.append((start, match.end()))
            if each:  # "投资70亿元的甲乙信息港、投资50亿元的丙丁汽车等27个项目开工": projects, with their totals
                out.extend(_project(name, index, clause[match.end() :], clause[:start], own))
                continue
            if short_name_prefix(name) == name or firms_listed or (not counted and coined_firm(name)):
                out.append(Mention(Kind.COMPANY, name, index))  # "扶持了恒远新材料、瑞光光电等20余个项目": firms
            elif counted or _investor(name) or _named_alone(name):
                out.extend(_project(name, index, clause[match.end() :], clause[:start], None))
    for match in FACILITY.finditer(clause):
        before = clause[: match.end()]
        raw = name_before(before, len(before))
        lead = clause[: match.end() - len(raw)]
        if raw and FACILITY_BEFORE.search(lead) and _ends_name(clause[match.end() :]):
            taken.append((match.end() - len(raw), match.end()))
            total = _own_total(lead, clause[match.end() :], next_clause)
            out.extend(_project(clean(raw), index, clause[match.end() :], lead, total))
    out.extend(_constructions(clause, index, taken))
    for match in re.finditer(p.PROJECT_SUFFIX, clause):
        if any(s <= match.start() < e for s, e in taken) or clause.startswith(p.PROJECT_COMPOUNDS, match.end()):
            continue
        raw = trim_leading(name_before(clause, match.start(), join=True))
        start = match.start() - len(raw) - (2 if clause[: match.start()].endswith("”") else 0)
        start, raw = _with_legal_name(clause, start, match.start(), raw)
        name = clean(raw) + p.PROJECT_SUFFIX
        rest = clause[match.end() :]
        total = _own_total(clause[:start], rest, next_clause)
        found = _project(name, index, rest, clause[:start], total)
        out.extend(found)
        if found and clause[:start].endswith("、"):
            out.extend(_listed_with(clause, start - 1, index, rest))
    return out


def _item_total(before: str) -> Decimal | None:
    """A list item's own total, written right before it ("投资70亿元的…"), in yuan."""
    return _in_yuan(OWN_TOTAL_BEFORE.search(before))


def _own_total(before: str, rest: str, next_clause: str) -> Decimal | None:
    """The project's own total investment in yuan, or ``None`` (group totals never count)."""
    if GROUP_AFTER.match(rest) or (rest.startswith("等") and not OWN_TOTAL_BEFORE.search(before)):
        return None
    match = OWN_TOTAL_BEFORE.search(before)
    if not match and not rest and not re.search(r"\d+个", before):
        match = OWN_TOTAL_AFTER.match(next_clause.rstrip("。！；;"))
    if not match and not before.endswith(JOINED_BEFORE) and not COUNTED_BEFORE.search(before):
        match = OWN_TOTAL_RIGHT_AFTER.match(rest.rstrip("。！；;"))
    return _in_yuan(match)


def _in_yuan(match: re.Match[str] | None) -> Decimal | None:
    """The amount of a total as written (number, unit) in yuan; none in dollars: zg:totalInvestment
    is in yuan and no exchange rate is invented."""
    if not match or "美元" in match.group(2):
        return None
    value = to_decimal(match.group(1))
    return None if value is None or value <= 0 else value * p.MONEY_UNITS[match.group(2)]


CONSTRUCTION = re.compile(
    rf"^((?:[\u4e00-\u9fff·]{{2,14}}?(?:{'|'.join(p.CONSTRUCTION_SUFFIXES)})、)*"
    rf"[\u4e00-\u9fff·]{{2,14}}?(?:{'|'.join(p.CONSTRUCTION_SUFFIXES)}))"
    rf"(?=(?:{'|'.join(p.CONSTRUCTION_ADVERBS)})?(?:{'|'.join(p.CONSTRUCTION_VERBS)}))"
)


def _constructions(clause: str, index: int, taken: list[tuple[int, int]]) -> list[Item]:
    """Constructions that open a clause and report progress: 华茂大厦推进水电工程调试."""
    match = CONSTRUCTION.match(clause)
    if not match or is_masked(match.group(1)):
        return []
    taken.append((0, match.end()))
    out: list[Item] = []
    for name in match.group(1).split("、"):
        name = ENUMERATION.sub("", name)  # not trim_leading: 综合…, 百步… open real names here
        if _is_named(name) and p.PROJECT_SUFFIX not in name:
            out.extend(_project(name, index, "", "", None))  # progress words are not a status
    return out


def _with_legal_name(clause: str, start: int, end: int, raw: str) -> tuple[int, str]:
    """Extend a name cut inside a firm's legal name back to its start (郑州…有限公司仓储…项目)."""
    for legal in legal_names(clause[:end]):
        pos = clause.find(legal)
        if pos < start < pos + len(legal) <= end:
            return pos, clause[pos:end]
    return start, raw


def _listed_with(clause: str, end: int, index: int, rest: str) -> list[Item]:
    """"华信电子5G元件、阿里云…基地项目开工": earlier items that a firm's name opens are projects too."""
    out: list[Item] = []
    for name, start in list_before(clause, end):
        if _investor(name) and not name.endswith(p.PROJECT_SUFFIX):
            out.extend(_project(name, index, rest, clause[:start], None))
    return out


def _ends_name(rest: str) -> bool:
    """True when a facility suffix ends the name: punctuation, a verb or nothing follows."""
    if not rest:
        return True
    if rest.startswith("等") or p.PROJECT_SUFFIX in rest:
        return False  # a longer name that ends in 项目 is read by the project rule
    return rest[0] in "、，,。；;" or tokens(rest)[0].flag.startswith("v")


def _named_alone(name: str) -> bool:
    """An item of "A、B等项目" that is a project by itself: long, or a facility (…医院, …基地)."""
    core = strip_generic(name, p.GENERIC_PROJECT_WORDS)
    return len(core) >= MIN_LISTED_PROJECT or (name.endswith(p.FACILITY_SUFFIXES) and len(core) >= 4)


def _is_named(name: str) -> bool:
    """A real project name, not a category such as 重点项目 or 亿元以上项目."""
    if is_masked(name) or len(name) < 3 or name.count("（") != name.count("）"):
        return False
    core = name[: -len(p.PROJECT_SUFFIX)] if name.endswith(p.PROJECT_SUFFIX) else name
    if is_action_only(core):
        return False
    rest = strip_generic(without_actions(PLACE_OR_ZONE.sub("", core)), p.GENERIC_PROJECT_WORDS)
    rest = re.sub(r"[\d.、，,（）()“”\-—~+＋]|[个家项批期亿万元]", "", rest)
    return len(rest) >= 2


def _project(name: str, index: int, rest: str, before: str, total: Decimal | None) -> list[Item]:
    """Mention and facts of one project."""
    if not _is_named(name):
        return []
    project = Mention(Kind.PROJECT, name, index)
    out: list[Item] = [project]
    if total is not None:
        out.append(Fact(project, "totalInvestment", total, index))
    investor = (_investor(name) or (_investor_before_total(before) if total is not None else None)
                or _stated_investor(before, rest))
    if investor:
        company = Mention(Kind.COMPANY, investor, index)
        out += [company, Fact(project, "investor", company, index)]
    status = stage(before, rest)
    if status:
        out.append(Fact(project, "status", status, index))
    return out


#: A firm said to invest in the project: "由甲乙有限公司投资建设的…项目", "…项目由甲乙有限公司投资".
INVESTED_BEFORE = re.compile(r"(?:投资建设|投资兴建|投资|投建|出资建设)的$")
INVESTED_AFTER = re.compile(r"^由([^，。；,;]{4,40}?)(?:投资|投建|出资)")


def _stated_investor(before: str, rest: str) -> str | None:
    """The firm, by its legal name, that the clause says invests in the project."""
    after = INVESTED_AFTER.match(rest)
    if after:
        legal = legal_names(after.group(1))
        return without_country(legal[0]) if legal == [after.group(1)] else None
    invested = INVESTED_BEFORE.search(before)
    if invested:
        legal = legal_names(before[: invested.start()])
        if legal and before[: invested.start()].endswith(legal[-1]):
            return without_country(legal[-1])
    return None


def _investor_before_total(before: str) -> str | None:
    """"省能源集团华凌电力总投资30亿元新能源基地项目": the firm right before the project's own total."""
    total = OWN_TOTAL_BEFORE.search(before)
    if not total:
        return None
    lead = before[: total.start()]
    raw = name_before(lead, len(lead))
    legal = [raw[k:] for k in range(len(raw)) if legal_names(raw[k:]) == [raw[k:]]]
    if legal:
        return legal[0]  # the longest legal name
    short = [raw[k:] for k in range(len(raw) - MIN_INVESTOR, -1, -1) if short_name_prefix(raw[k:]) == raw[k:]]
    return short[0] if short else None  # the shortest brand + industry word (not 集团华凌电力)


def _investor(name: str) -> str | None:
    """The company a project name starts with: a legal name or a short name (not a park's name)."""
    if any(word in name for word in p.PARK_PROJECT_WORDS):
        return None
    legal = legal_names(name)
    if legal and name.startswith(legal[0]) and len(name) > len(legal[0]):
        return without_country(legal[0])
    prefix = short_name_prefix(name) or place_prefix(name)
    if prefix and len(name) > len(prefix) + 1:
        return without_country(prefix)
    return None


def refer(sentence: Sentence, antecedent: Mention, known: frozenset[str]) -> list[Item]:
    """Facts that "该项目" states about a project named before it (``known``: predicates it has).

    >>> p = Mention(Kind.PROJECT, "华信新材料项目", 0)
    >>> [(f.predicate, str(f.obj)) for f in refer(Sentence(1, "该项目总投资8亿元。", 0, 0), p, frozenset())
    ...  if isinstance(f, Fact)]
    [('totalInvestment', '800000000')]
    """
    found = ANAPHOR.search(sentence.text)
    if not found:
        return []
    after = sentence.text[found.end() :]
    out: list[Item] = []
    total = ANAPHOR_TOTAL.search(after)
    if total and "totalInvestment" not in known and not is_masked(total.group()) and "美元" not in total.group(2):
        value = to_decimal(total.group(1))
        if value is not None and value > 0:
            out.append(Fact(antecedent, "totalInvestment", value * p.MONEY_UNITS[total.group(2)], sentence.index))
    investor = ANAPHOR_INVESTOR.match(after)
    if investor and "investor" not in known:
        name = investor.group(1)
        if legal_names(name) == [name] or short_name_prefix(name) == name:
            company = Mention(Kind.COMPANY, name, sentence.index)
            out += [company, Fact(antecedent, "investor", company, sentence.index)]
    return out
