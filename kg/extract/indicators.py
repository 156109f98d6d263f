"""Indicators: "实现/完成 <metric> <number><unit>，同比增长 <x>%" as observations.

Masked figures give nothing; 预计 makes the rest of the sentence an estimate and
力争/确保/目标 a target; "A 占 B 比重 x%" is a share; a period phrase (元至9月,
上半年, 全年) sets the period of the figures that follow it.  A range (20-30亿元)
is left out rather than turned into one number.

>>> [(o.metric, str(o.value), o.unit, str(o.growth), o.period, o.kind) for o in
...  find(Sentence(0, "今年元至9月，完成工业总产值716.85亿元，同比增长27.2%。", 0, 0), 2022, "2022")]
[('工业总产值', '716.85', '亿元', '27.2', '2022-01/2022-09', 'actual')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kg.extract import patterns as p
from kg.extract.metrics import (
    METRIC_LEAD,
    METRIC_OK,
    MIN_METRIC,
    REFERRING,
    VERB,
    Context,
    clean_metric,
    concept_of,
    has_verb,
    metric_before,
    split_change,
)
from kg.extract.names import is_masked, to_decimal
from kg.extract.owners import PROJECT_FIGURE, firm_topic, owner, sized_metric
from kg.extract.periods import period_of, reviewed_year
from kg.text.segment import clauses
from kg.types import LeftOut, Observation, Sentence

UNITS = sorted([*p.MONEY_UNITS, *p.COUNT_UNITS, *p.MEASURE_UNITS], key=len, reverse=True)
#: Chinese numerals after 数/几/上/成/近/多 are vague counts (数百, 上千), never a number.
NUMERAL = rf"{p.NUMBER}|(?<![数几上成近多])[一二三四五六七八九十两百千]+"
UNIT = "|".join(map(re.escape, UNITS))
VALUE = re.compile(rf"(?<![\d.\-~～—])(?<!\d至)(?<!\d到)({NUMERAL})(余|多)?({UNIT})(?![\u4e00-\u9fff]*[率比])")
SHARE = re.compile(
    rf"([\u4e00-\u9fff“”]{{2,20}}?)占([\u4e00-\u9fff“”]{{2,20}}?)的?(?:比重|比例)(?:为|达到|达)?({p.NUMBER})%"
)
#: Chinese numerals that are idioms more often than figures (一批, 一家, 一个).
IDIOM_NUMERALS = ("一", "两")
NEGATIVE = ("下降", "减少", "降低")
GROUP_TOTAL = re.compile(rf"^(?:项目)?(?:计划|协议)?总投资(?:约|达|超)?({p.NUMBER})(亿元|万元)$")
#: What makes the figures after it targets: 力争, 确保, 争取, 目标 (not a goal one works towards: "紧扣…的目标").
TARGET = re.compile("|".join((*p.TARGET_MARKERS[:2], p.TARGET_MARKERS[3], r"(?<!的)目标")))
MAX_LIST_ITEM = 12
HAN = re.compile(r"[\u4e00-\u9fff]")
COUNTED = frozenset(p.COUNT_UNITS)
CHINESE_RUN = re.compile("[零〇一二两三四五六七八九十百千]+")
#: A clause that is only a growth rate: "同比增长5.4%", "可比增长5.4%", "比去年同期增长47.32%".
GROWTH_ONLY = re.compile(r"^(?:同比|可比|环比|与上年相比|(?:比|较)(?:上年|去年)(?:同期)?)?(?:增长|下降|增速|增幅|减少)")
#: The spending a year plans: a target, unlike the 计划总投资 of projects that exist.
PLANNED_SPENDING = ("计划投资",)
#: Metrics that only money measures.
MONEY_METRICS = ("投资", "资金", "收入", "产值", "总额", "增加值", "销售额", "营收", "外资", "内资")


def find(sentence: Sentence, year: int | None, default_period: str | None,
         planned: bool = False) -> list[Observation | LeftOut]:
    """Observations stated in one sentence, and the figures left out of it (vague counts);
    ``planned``: the sentence is in a report's plan part, where figures are targets."""
    vague = [LeftOut(sentence.index, m.group(), "a vague count is no number")
             for m in p.VAGUE_COUNT.finditer(sentence.text)]
    if not VALUE.search(sentence.text) and not SHARE.search(sentence.text):
        return list(vague)
    return [*vague, *_observations(sentence, year, default_period, planned)]


def _observations(sentence: Sentence, year: int | None, default_period: str | None,
                  planned: bool) -> list[Observation | LeftOut]:
    out: list[Observation | LeftOut] = []
    period = default_period
    estimated = listing = False
    projected = bool(ONE_PROJECT.match(sentence.text))  # "该项目由甲乙投资，总投资20亿元，用地200亩"
    owned = ""  # the predicate of a firm's figure ("完成产值"): a clause saying it alike is another firm's
    totals: set[int] = set()  # running totals ("累计28家"): their 累计 is no verb later items share
    target = planned
    spans = clauses(sentence.text)
    parts = [c for _, c in spans]
    named = False
    for n, clause in enumerate(parts):
        said = (period_of(clause, _named_year(period), None) if named  # the year the sentence named rules
                else period_of(clause, year, reviewed_year(default_period)))
        if said and not (named and said.isdigit() and not VALUE.search(clause)):
            period, named = said, True  # "今年上半年，…制定全年项目投资计划，…": 全年 names no figure's period
        estimated = estimated or any(m in clause for m in p.ESTIMATE_MARKERS)
        target = target or bool(TARGET.search(clause))
        if n and sentence.text[spans[n][0] - 1] in "；;":  # a target ends with its group
            target = planned or bool(TARGET.search(clause))
        if is_masked(clause):
            continue
        if projected or any(w in clause for w in p.PROJECTED) or (VALUE.search(clause) and firm_topic(clause)):
            projected = True  # "这个项目建成后，年可实现销售收入…，上缴税收…": one project's future
            out += [LeftOut(sentence.index, m.group(), PROJECT_FIGURE) for m in VALUE.finditer(clause)]
            continue
        if owned and _parallel(clause, owned):
            out += [LeftOut(sentence.index, m.group(), PROJECT_FIGURE) for m in VALUE.finditer(clause)]
            continue  # "甲乙汽车完成产值…，丙丁重机完成产值…": the next firm's figure, said alike
        kind = "target" if target else "estimate" if estimated else "actual"
        nxt = parts[n + 1] if n + 1 < len(parts) else ""
        when = period if named or kind != "target" else _whole_year(period)  # 力争全年…: the year's target
        share = _share(clause, sentence.index, when, kind)
        if share:
            out.append(share)
            continue
        group = _group_total(clause, next((o for o in reversed(out) if isinstance(o, Observation)), None),
                             parts[n - 1] if n else "", (sentence.index, when, kind))
        if group:
            out.append(group)
            continue
        previous: Observation | None = None
        grouped = False
        before = len(out)
        subs = clause.split("、")
        for k, sub in enumerate(subs):
            last_sub = subs[k - 1] if k else ""  # "人均…突破1万美元、达1.2万美元": the item before
            if previous is not None and previous.growth is None and _is_growth_only(sub):
                out[-1] = previous = replace(previous, growth=_growth(sub))
                continue
            running = _running_total(sub, previous, when, kind)
            if running:  # "新增A 7家、累计28家": the running total of the same thing
                out.append(running)
                totals.add(id(running))
                continue  # the item before stays the one later items share their verb with
            total = _group_total(sub, previous) if previous is not None else None
            if total:  # "…项目96个、总投资728.9亿元": the total of the group just counted
                out.append(total)
                previous = None
                continue
            if not VALUE.search(sub):
                opening = VERB.match(sub)
                item = sub[opening.end() :] if opening else sub  # "新增甲类、乙类企业70家": one figure for both
                grouped = len(item) <= MAX_LIST_ITEM and not VERB.search(item)  # "A、B 6家": one figure for both
                continue
            if grouped and (VERB.match(sub) or "等" in sub[: VALUE.search(sub).start()]):
                grouped = False  # "A、新增B 6家": a verb opening the item is B's alone; 等 closes a list
            inherit = previous is not None or (not grouped and listing)
            context = Context(nxt, last_sub or (parts[n - 1] if n else ""), inherit=inherit)
            found = None if grouped else _observation(sub, context, sentence.index, when, kind)
            obs = found if isinstance(found, Observation) else None
            if obs is not None and obs.change is None and inherit:
                shared = previous or next((o for o in reversed(out) if isinstance(o, Observation)
                                           and id(o) not in totals), None)
                if shared is not None and shared.change and {shared.unit, obs.unit} <= COUNTED:
                    # "累计培育A 94家、B 102家": B, counted like A, shares its change
                    found = obs = replace(obs, change=shared.change)
            if found is not None:
                out.append(found)
            previous, grouped = obs, False
        owned = _owned_predicate(clause, out[before:]) or owned
        made = [o for o in out[before:] if isinstance(o, Observation)]
        if any(((o.change or "") + o.metric).startswith(p.METRIC_KEEP_VERBS) for o in made):
            listing = True  # "新增A 10家，B 16家，C 4家": later items share the verb
        elif VERB.search(clause):
            listing = False
    return out


def _level_year(head: str, period: str | None) -> str | None:
    """A level reached at the end of a five-year review is the last year's, not the span's:
    "五年来…高铁营运里程达到2501公里" → 2025; what was added over the years keeps the span."""
    span = FIVE_YEAR_SPAN.match(period or "")
    if span is None or int(span.group(2)) - int(span.group(1)) != FIVE_YEARS - 1:
        return period
    verb = LEVEL_VERB.search(head[-MAX_LEVEL_REACH:])
    if verb is None or any(w in head for w in p.FLOW_WORDS):
        return period
    return span.group(2)


def _counted_after(rest: str, unit: str) -> str | None:
    """The counted thing written after its count, when it ends in a head of the genre's counted
    things: "30个产业项目集中签约" → 产业项目; a bound after the count is no part of it ("50个左右…项目")."""
    bound = next((word for word, _ in p.QUALIFIERS_AFTER if rest.startswith(word)), "")
    match = COUNTED_AFTER.match(rest[len(bound) :]) if unit in p.COUNT_UNITS else None
    if match is None:
        return None
    thing = match.group(1).replace("“", "").replace("”", "")
    modifier = len(thing) - max(len(h) for h in p.COUNTED_THING_HEADS if thing.endswith(h))
    if modifier < MIN_METRIC or thing.startswith("一批") or "的" in thing or any(w in thing for w in p.NOT_METRICS):
        return None  # "5个项目", "一批项目": the thing is no more than its head
    return thing if METRIC_OK.match(thing) and not has_verb(thing) else None


def _owned_predicate(clause: str, found: list[Observation | LeftOut]) -> str:
    """The verb and metric of a firm's figure left out of ``clause`` ("完成产值"), if any."""
    for item in found:
        if isinstance(item, LeftOut) and item.reason == PROJECT_FIGURE and item.figure in clause:
            head = clause[: clause.index(item.figure)]
            verb = VERB.search(head)
            if verb and verb.start() > 0:
                return head[verb.start() :]
    return ""


def _parallel(clause: str, predicate: str) -> bool:
    """Whether a clause says its figure as a firm's figure was said: a short name, then the same words."""
    value = VALUE.search(clause)
    head = clause[: value.start()] if value else ""
    subject = head[: -len(predicate)] if head.endswith(predicate) else ""
    return MIN_METRIC <= len(subject) <= MAX_PARALLEL_SUBJECT and not DIGIT.search(subject)


RUNNING = re.compile(rf"^(?:累计|总计|共计|总数)(?:达到|达)?({p.NUMBER})({UNIT})[。；;]?$")


def _running_total(sub: str, previous: Observation | None, period: str | None, kind: str) -> Observation | None:
    """"累计28家" right after "新增A 7家": A's running total, counted in the same unit."""
    match = RUNNING.match(sub)
    if previous is None or not match or match.group(2) != previous.unit:
        return None
    value = to_decimal(match.group(1))
    if value is None:
        return None
    return _make(previous.metric, value, previous.unit, previous.sentence, None, period, kind, None, cumulative=True)


def _whole_year(period: str | None) -> str | None:
    """The year a period falls in ("2023-01/2023-06" → "2023"): a target set in a half-year
    report is the whole year's unless the sentence names its period.

    >>> _whole_year("2023-01/2023-06"), _whole_year("2023"), _whole_year(None)
    ('2023', '2023', None)
    """
    return period[:4] if period and period[:4].isdigit() else period


def _group_total(clause: str, previous: Observation | None, before: str = "",
                 where: tuple[int, str | None, str] | None = None) -> Observation | None:
    """"重点项目38个，总投资254.4亿元": the total of the group just counted, an indicator of the zone;
    also after a clause that counts projects without a figure of its own ("甲乙区共签约5个项目，总投资80亿元")."""
    match = GROUP_TOTAL.match(clause.rstrip("。；;"))
    counted = previous is not None and previous.unit == "个" and previous.metric != "总投资"
    if not match or not (counted or (where is not None and COUNT_OF_PROJECTS.search(before))):
        return None
    value = to_decimal(match.group(1))
    if value is None:
        return None
    if previous is not None and counted:
        return _make("总投资", value, match.group(2), previous.sentence, None, previous.period, previous.kind, None)
    index, period, kind = where  # type: ignore[misc]
    return _make("总投资", value, match.group(2), index, None, period, kind, None)


def _observation(clause: str, ctx: Context, index: int, period: str | None, kind: str) -> Observation | LeftOut | None:
    """One observation from a clause: the first figure with a unit that has a clean metric; a
    money figure whose metric cannot be told is left out, with the reason."""
    unnamed: LeftOut | None = None
    for value in VALUE.finditer(clause):
        if re.match(r"[\-~～至到—]\d", clause[value.end() - len(value.group(3)) :]):
            continue  # a range: no single number to report
        if clause[value.end() : value.end() + 1] == "/":
            continue  # "13160元/平方米": a rate per unit the tables do not know
        if value.group(3) in p.BARE_MAGNITUDES and HAN.match(clause, value.end()):
            continue  # "2.1亿千瓦": a unit the tables do not know, not 亿 (of yuan)
        whose = _owner(clause[: value.start()], clause[value.end() :])
        if whose is not None:
            unnamed = unnamed or LeftOut(index, value.group(), whose)
            continue
        head = clause[: value.start()]
        metric = (metric_before(head, ctx) or sized_metric(head, value.group(3) in COUNTED)
                  or (None if head.endswith("等") or VALUE.search(clause, value.end())  # one figure a clause
                      else _counted_after(clause[value.end() :], value.group(3))))
        if metric is not None and value.group(3) not in p.MONEY_UNITS and metric.endswith(MONEY_METRICS):
            metric = None  # "投资426亩": an amount of money is not measured in mu
        if metric is None and value.group(3) in p.MONEY_UNITS and unnamed is None:
            unnamed = LeftOut(index, value.group(), "what the figure measures cannot be told")
        if metric is None or value.group(1) in IDIOM_NUMERALS or clause[value.end() : value.end() + 1] == "的":
            continue  # "投资11.12亿元的…项目": an attribute of what follows, not a figure of the zone
        if not value.group(1)[0].isdigit() and value.group(3) not in p.COUNT_UNITS:
            continue  # Chinese numerals count things; amounts of money are written in digits
        number = to_decimal(value.group(1))
        if number is None:
            continue
        rest = clause[value.end() :]
        growth = _growth(rest) or (_growth(ctx.next_clause) if _is_growth_only(ctx.next_clause) else None)
        if growth is None and any(word in clause[: value.start()] for word in REFERRING):
            growth = _growth(ctx.previous_clause)  # "地区生产总值增长4.7%，总量达到…"
        qualifier = _qualifier(clause[: value.start()], value.group(2), rest)
        head = clause[: value.start()]
        at = head.rfind(metric)
        cumulative = "累计" in head[: max(0, at)] + head[at + len(metric) :] and not metric.startswith("累计")
        when = _level_year(head, period) if not cumulative else period
        return _make(metric, number, value.group(3), index, growth, when, kind, qualifier, cumulative)
    return unnamed


DIGIT = re.compile(r"\d")
#: A sentence about the one project named before it: its figures are the project's.
#: So is one that opens with a project's name as its own clause ("其中，甲乙锂电材料项目，占地…").
ONE_PROJECT = re.compile(r"^(?:其中[，,])?(?:(?:该|此|这个|这一)项目|[^，,、；;。\d等]{4,40}项目[，,])")
MAX_PARALLEL_SUBJECT = 14
#: A clause that ends counting projects: "…共签约5个项目".
COUNT_OF_PROJECTS = re.compile(r"\d+个[\u4e00-\u9fff]{0,8}?项目$")
FIVE_YEAR_SPAN = re.compile(r"^(\d{4})-01/(\d{4})-12$")
FIVE_YEARS = 5
#: Verbs right before a value that say it is a level reached (达到2501公里), not an amount added.
LEVEL_VERB = re.compile("(?:" + "|".join(p.LEVEL_VERBS) + ")$")
MAX_LEVEL_REACH = 4
#: A counted thing after its count: a short noun phrase ending in a head of the genre (…项目, …企业).
COUNTED_AFTER = re.compile("^((?:[\u4e00-\u9fff“”]{0,12}?)(?:" + "|".join(p.COUNTED_THING_HEADS) + "))")


def _named_year(period: str | None) -> int | None:
    """The year of a period a sentence named: "2020年，…，全年共开工项目326个" is 2020's 全年."""
    return int(period[:4]) if period and period[:4].isdigit() else None


def _owner(head: str, rest: str) -> str | None:
    """Why a figure is not the zone's (see :mod:`kg.extract.owners`)."""
    subject = clean_metric(head[: m.start()]) if (m := VERB.search(head)) else ""
    return owner(head, rest, subject)


def _qualifier(before: str, inside: str | None, after: str) -> str | None:
    """How the value bounds the figure: 超10亿元 (over), 近200家 (nearly), 100多家 (more than)."""
    if inside:
        return p.QUALIFIERS_INSIDE[inside]
    found = next((q for word, q in p.QUALIFIERS_BEFORE if before.endswith(word)), None)
    if found == "about" and before[-2:] in p.NOT_ABOUT:
        found = None  # "签约10个项目": 约 of a word, not "about"
    return found or next((q for word, q in p.QUALIFIERS_AFTER if after.startswith(word)), None)


def _share(clause: str, index: int, period: str | None, kind: str) -> Observation | None:
    """"A 占 B 比重 x%": a share, its metric the whole phrase."""
    match = SHARE.search(clause)
    if not match:
        return None
    subject = METRIC_LEAD.sub("", match.group(1))
    if len(subject) < 2:
        return None
    metric = f"{subject}占{match.group(2)}比重"
    value = to_decimal(match.group(3))
    if value is None:
        return None
    return _make(metric, value, "%", index, None, period, "share" if kind == "actual" else kind, None)


def _make(written: str, value: Decimal, unit: str, index: int, growth: Decimal | None,
          period: str | None, kind: str, qualifier: str | None, cumulative: bool = False) -> Observation:
    """An observation; a change word opening the metric (新增高新技术企业) goes to ``change``, and
    so does a 累计 earlier in its clause (累计完成固定资产投资 → change 累计)."""
    base_unit, factor = p.BASE_UNITS.get(unit, (None, 1))
    change, metric = split_change(written)
    if cumulative:
        change = "累计" + (change or "")
    if metric.endswith(PLANNED_SPENDING) and kind == "actual":
        kind = "target"  # "年度计划投资": what the year is to spend, not what was spent
    return Observation(
        metric=metric, value=value, unit=unit, sentence=index, growth=growth, period=period,
        estimated=kind == "estimate", approximate=qualifier is not None, kind=kind, concept=concept_of(written),
        base_value=value * factor if base_unit else None, base_unit=base_unit, qualifier=qualifier, change=change,
    )


def written_in(obs: Observation, text: str) -> bool:
    """Whether the figure's value is written in ``text`` as it is (digits or Chinese numerals):
    the guard that keeps any number the text does not state out of the graph.

    >>> obs = Observation("营业收入", Decimal("716.85"), "亿元", 0)
    >>> written_in(obs, "实现营业收入716.85亿元"), written_in(obs, "实现营业收入716亿元")
    (True, False)
    """
    number = format(obs.value.normalize(), "f")
    forms = {number, format(obs.value, "f")}
    if "." not in number and len(number) > 3:
        forms.add(f"{int(number):,}")
    if any(re.search(rf"(?<![\d.]){re.escape(form)}(?![\d])", text) for form in forms):
        return True
    return any(to_decimal(run) == obs.value for run in CHINESE_RUN.findall(text))


def _is_growth_only(clause: str) -> bool:
    return bool(GROWTH_ONLY.match(clause))


def _growth(text: str) -> Decimal | None:
    match = p.GROWTH.search(text)
    if not match or is_masked(text[: match.end()]):
        return None
    rate = to_decimal(match.group(2))
    if rate is None:
        return None
    return -rate if match.group(1) in NEGATIVE else rate


