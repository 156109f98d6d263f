"""Indicators: "实现/完成 <metric> <number><unit>，同比增长 <x>%" as observations.

Masked figures give nothing; targets (力争/确保) are not observations; 预计
marks the rest of the sentence as an estimate; a period phrase (元至9月, 上半年,
全年) sets the period of the figures that follow it.

>>> [(o.metric, str(o.value), o.unit, str(o.growth), o.period) for o in
...  find(Sentence(0, "今年元至9月，完成工业总产值716.85亿元，同比增长27.2%。", 0, 0), 2022, "2022")]
[('工业总产值', '716.85', '亿元', '27.2', '2022-01/2022-09')]
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extract import patterns as p
from kg.extract.names import is_masked, to_decimal
from kg.text.segment import clauses
from kg.types import Observation, Sentence

UNITS = sorted(
    [*p.MONEY_UNITS, *p.COUNT_UNITS, *p.MEASURE_UNITS], key=len, reverse=True
)
VALUE = re.compile(
    rf"({p.NUMBER})(余|多)?({'|'.join(map(re.escape, UNITS))})(?![\u4e00-\u9fff]*[率比])"
)
VERB = re.compile("|".join(map(re.escape, sorted(p.METRIC_VERBS, key=len, reverse=True))))
METRIC_LEAD = re.compile(
    r"^(?:今年|全年|上半年|下半年|一季度|前三季度|年内|截至目前|目前|共|已|可|累计|规模以上工业企业|规上工业企业|"
    r"规模以上企业|企业|全区|园区|高新区|经开区|开发区|本区|我区|其中)+"
)
METRIC_OK = re.compile(r"^[\u4e00-\u9fff“”（）()A-Za-z]{2,16}$")
NEGATIVE = ("下降", "减少", "降低")


def find(sentence: Sentence, year: int | None, default_period: str | None) -> list[Observation]:
    """Observations stated in one sentence."""
    out: list[Observation] = []
    period = default_period
    estimated = target = False
    parts = [c for _, c in clauses(sentence.text)]
    for n, clause in enumerate(parts):
        period = _period(clause, year) or period
        estimated = estimated or any(m in clause for m in p.ESTIMATE_MARKERS)
        target = target or any(m in clause for m in p.TARGET_MARKERS[:4])
        if target or is_masked(clause):
            continue
        nxt = parts[n + 1] if n + 1 < len(parts) else ""
        for sub in clause.split("、"):
            obs = _observation(sub, nxt, sentence.index, period, estimated)
            if obs:
                out.append(obs)
    return out


def _observation(
    clause: str, nxt: str, index: int, period: str | None, estimated: bool
) -> Observation | None:
    """One observation from a clause with a verb, a metric and a number with a unit."""
    value = VALUE.search(clause)
    if not value:
        return None
    verbs = list(VERB.finditer(clause, 0, value.start()))
    if not verbs:
        return None
    verb = verbs[-1]
    if verb.group() not in p.METRIC_KEEP_VERBS:
        start = verb.end()
    elif len(verbs) == 1:
        start = 0
    else:
        start = verb.start()
    metric = clause[start : value.start()]
    metric = METRIC_LEAD.sub("", metric.removeprefix("了")).strip("，,、：:")
    if not METRIC_OK.match(metric) or any(w in metric for w in p.NOT_METRICS):
        return None
    number = to_decimal(value.group(1))
    if number is None:
        return None
    growth = _growth(clause[value.end() :]) or (_growth(nxt) if _is_growth_only(nxt) else None)
    return Observation(
        metric=metric,
        value=number,
        unit=value.group(3),
        sentence=index,
        growth=growth,
        period=period,
        estimated=estimated,
        approximate=bool(value.group(2)),
    )


def _is_growth_only(clause: str) -> bool:
    return bool(re.match(r"^(?:同比|比上年|较上年)?(?:增长|下降|增速|增幅|减少)", clause))


def _growth(text: str) -> Decimal | None:
    match = p.GROWTH.search(text)
    if not match or is_masked(text[: match.end()]):
        return None
    rate = to_decimal(match.group(2))
    if rate is None:
        return None
    return -rate if match.group(1) in NEGATIVE else rate


def _period(clause: str, year: int | None) -> str | None:
    """The period a clause names, resolved against the report's year."""
    if year is None:
        return None
    explicit = re.search(r"((?:19|20)\d{2})年", clause)
    if explicit:
        year = int(explicit.group(1))
    for pattern, kind in p.PERIODS:
        match = pattern.search(clause)
        if not match:
            continue
        if kind == "months":
            return f"{year}-01/{year}-{int(match.group(1)):02d}"
        return str(year) if kind == "year" else f"{year}-{kind}"
    return str(year) if explicit else None
