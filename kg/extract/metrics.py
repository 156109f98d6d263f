"""Metrics: the noun phrase a figure measures, cut from the words before its value.

After the last verb (完成工业增加值 → 工业增加值); from a verb the metric keeps (新增高新技术企业);
the subject before a closing verb (高新技术企业达到); a verbless noun phrase with a metric's head
(财政总支出); never a verb, an adverb, a scope word or a fragment.  Lead words (全区, 实现, a zone's
name, a year) are dropped; written metrics map to the concepts of ``ontology/metrics.ttl``.

>>> metric_before("今年元至9月，完成工业总产值", Context("", "", inherit=False))
'工业总产值'
>>> split_change("新增高新技术企业")
('新增', '高新技术企业')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import patterns as p
from kg.extract.names import is_action_only
from kg.text.segment import tokens

VERB = re.compile("|".join(map(re.escape, sorted(p.METRIC_VERBS, key=len, reverse=True))))


METRIC_LEAD = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:度)?|今年|全年|上半年|下半年|第?[一二三四]季度|前[两三]个?季度|\d{1,2}[-—~～至]?\d{0,2}月(?:份)?|"
    r"初步|年内|截至目前|目前|共|已|可|累计|规模以上工业企业|规上工业企业|"
    r"规模以上企业|企业|全区|园区|高新区|经开区|开发区|本区|我区|其中|力争|确保|争取|实现|年度|当年|预计|去年|以来|"
    r"示范区|新区|本次|该区|该开发区|该园区|现有|区内|园区内|全市园区|全市|全省|年底|年末|特别是|先后|"
    r"(?![\u4e00-\u9fff]{0,3}(?:以上|级))[\u4e00-\u9fff]{2,4}(?:高新区|经开区|开发区|新区|综保区|示范区|起步区|新片区|片区))+"
)


METRIC_OK = re.compile(r"^[\u4e00-\u9fff“”（）()A-Za-z]{2,20}$")


#: Lead words that are the head of a too-short metric (企业总数, 园区总营收), kept in front of it.
HEAD_NOUNS = ("企业", "园区")


#: "规模以上工业企业中高新技术企业": the group before 中 is not part of the metric.
OF_GROUP = re.compile(r"^.*?企业中")


METRIC_TAIL = re.compile(
    r"(?:首次|再次|已经|已|均|分别|同比|超过|超|达到|达|突破|(?<![签合预履节制公条邀特契])约|近|为|共|不低于|不少于|以上|预计|五年|全年|当年|年内)+$")


#: Verbs that, ending the words before a number, say the counted thing follows it.
ENDING_VERBS = tuple(sorted({*p.CHANGE_WORDS, *p.METRIC_KEEP_VERBS}, key=len, reverse=True))


MIN_METRIC = 2


MAX_QUALIFIER = 6


#: Metrics too bare to stand alone; the words before the verb qualify them.
BARE_METRICS = ("增加值", "产值", "总产值", "收入", "销售额")


#: Heads that make a noun phrase a metric though no verb introduces it.
METRIC_HEADS = ("总收入", "收入", "支出", "总产值", "产值", "增加值", "总额", "营收", "销售额", "产量", "面积", "数量",
                "总数", "出口额", "进出口额", "交易额", "成交额", "投资额", "营业额", "利润", "利税")


#: Words that refer back to a metric named before them ("…增长4.7%，总量达到X亿元").
REFERRING = ("总量", "总额", "规模", "总规模", "总值")


#: Heads of counted things that a change word may follow ("企业净增2359户" → 净增企业).
COUNTED_HEADS = ("企业", "项目", "经营主体", "市场主体")


#: Nouns that are never a metric by themselves.
BARE_NOUNS = ("项目", "企业", "会员", "面积", "数量", "总数", "产量", "全球", "全国", "全省", "全市", "全区", "国内",
              "海外", "境内", "境外")


METRIC_FORMS = frozenset(form for forms in p.METRIC_CONCEPTS.values() for form in forms)


CONCEPT_FORMS = sorted(
    ((form, concept) for concept, forms in p.METRIC_CONCEPTS.items() for form in forms),
    key=lambda pair: len(pair[0]), reverse=True,
)


def concept_of(metric: str) -> str | None:
    """The normalised metric a written metric ends with (规上工业增加值 → aboveScaleIndustrialValueAdded)."""
    for form, concept in CONCEPT_FORMS:
        if metric.endswith(form) or metric == form:
            return concept
    return None


@dataclass(frozen=True)
class Context:
    """Around a clause: the next clause (for its growth), the previous one (for its subject),
    and whether an earlier item of the same 、 list set the verb (新增A 10家、B 16家)."""

    next_clause: str
    previous_clause: str
    inherit: bool


SECTOR = re.compile("第[一二三]产业")


def metric_before(head: str, ctx: Context) -> str | None:
    """The metric before a figure, or ``None`` when it is not a clean metric name.

    After the last verb (完成工业增加值); from a kept verb (新增高新技术企业); before a
    closing verb (高新技术企业达到); the whole head when an earlier list item set the verb or
    when it is a common metric (合同投资金额); else the common metric that opens the
    previous clause (工业投资高速增长，完成45.56亿元).
    """
    verbs = list(VERB.finditer(head))
    if verbs:
        candidate = clean_metric(_metric_span(head, verbs, len(head)))
        if candidate in BARE_METRICS:
            candidate = _qualified(head, verbs, candidate)
        if not candidate:
            before = clean_metric(OF_GROUP.sub("", head[: verbs[-1].start()]))
            candidate = "" if VERB.search(before) or is_action_only(before) else before
        if not candidate:
            opening = concept_form_at_start(ctx.previous_clause)
            candidate = opening or ""
    else:
        candidate = clean_metric(head)
        if candidate in REFERRING:
            candidate = concept_form_at_start(ctx.previous_clause) or ""
        elif candidate and concept_of(candidate) is None and (not ctx.inherit or has_verb(candidate)):
            head = next((h for h in METRIC_HEADS if candidate.endswith(h)), "")
            if not head or len(candidate) == len(head) or has_verb(candidate[: -len(head)]):
                return None  # "财政总支出162.89亿元", "一般支出…": a noun phrase with a metric's head needs no verb
    if candidate in REFERRING:
        candidate = concept_form_at_start(ctx.previous_clause) or ""  # "增长4.7%，总量达到…": 总量 of what
    if not candidate or not METRIC_OK.match(candidate) or not _balanced(candidate) or candidate in BARE_NOUNS:
        return None
    if candidate in p.CHANGE_WORDS or candidate in p.METRIC_KEEP_VERBS or _only_verb(candidate):
        return None  # "新增7个…", "完成置换63万亩": a change word or a verb alone measures nothing
    ending = next((v for v in ENDING_VERBS if candidate.endswith(v)), None)
    if ending is not None:  # "综合保税区签约10个项目": what is counted comes after the number
        thing = candidate[: -len(ending)]
        return ending + thing if thing.endswith(COUNTED_HEADS) and not has_verb(thing) else None  # 企业净增 → 净增企业
    bare = SECTOR.sub("", candidate)  # 第二产业增加值: a sector, not a rank (第N名)
    return None if any(w in bare for w in p.NOT_METRICS) else candidate


def _qualified(head: str, verbs: list[re.Match[str]], bare: str) -> str:
    """"第二产业实现增加值": a bare metric takes the short noun phrase before its verb."""
    start = verbs[-2].end() if len(verbs) > 1 else 0
    prefix = clean_metric(head[start : verbs[-1].start()])
    if 2 <= len(prefix) <= MAX_QUALIFIER and METRIC_OK.match(prefix) and not has_verb(prefix):
        return prefix + bare
    return bare


def _only_verb(text: str) -> bool:
    """Whether ``text`` is one verb and nothing else (置换, 推广)."""
    toks = tokens(text)
    return len(toks) == 1 and toks[0].flag == "v"


def has_verb(text: str) -> bool:
    """Not a metric name: a verb among the words, a leading preposition (通过专家评审), or only
    words jieba does not know (另有)."""
    toks = tokens(text)
    if not toks or toks[0].flag == "p" or all(tok.flag.endswith("?") for tok in toks):
        return True
    return any(tok.flag in ("v", "vd") for tok in toks)


def clean_metric(text: str) -> str:
    """The metric without lead words (全区, 实现…) and closing verbs; 企业总数 keeps its noun."""
    text = text.removeprefix("了")
    lead = METRIC_LEAD.match(text)
    metric = text[lead.end() :] if lead else text
    if lead and (metric.startswith("总") or len(metric) <= 2):
        metric = next((noun for noun in HEAD_NOUNS if lead.group().endswith(noun)), "") + metric
    return _without_leading_verb(METRIC_TAIL.sub("", metric.strip("，,、：:")))


def _without_leading_verb(metric: str) -> str:
    """"释放化工园区土地" → "化工园区土地": a verb of the clause opening the phrase is not the metric's
    (change words, the verbs a metric keeps, 新增/新签约…, and common metrics, 到位资金, stay)."""
    if metric.startswith((*p.METRIC_KEEP_VERBS, *p.CHANGE_WORDS)) or metric in METRIC_FORMS:
        return metric
    for action in p.LEADING_ACTIONS:
        if metric.startswith(action) and len(metric) - len(action) >= MIN_METRIC:
            return _without_leading_verb(metric[len(action) :])  # "谋划申报专项债项目" → 专项债项目
    alone = [t for t in tokens(metric)[1:-1] if t.word in ("共", "共有")]  # the word 共, not 公共
    if alone:  # "全市工业园区共签约落地项目": the area before 共 (in all) is not the metric's; what follows is
        return metric[alone[-1].start + len(alone[-1].word) :]
    toks = tokens(metric)
    if len(toks) > 1 and toks[0].flag == "v" and len(metric) - len(toks[0].word) >= MIN_METRIC:
        rest = metric[len(toks[0].word) :]
        lead = METRIC_LEAD.match(rest)  # "使全省…总数": the scope after the verb is not the metric's either
        return rest[lead.end() :] if lead and len(rest) - lead.end() >= MIN_METRIC else rest
    return metric


def concept_form_at_start(clause: str) -> str | None:
    """A common metric that a clause opens with (工业投资高速增长 → 工业投资)."""
    stripped = METRIC_LEAD.sub("", clause)
    return next((form for form, _ in CONCEPT_FORMS if stripped.startswith(form)), None)


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count("（") == text.count("）")


def _metric_span(clause: str, verbs: list[re.Match[str]], end: int) -> str:
    """The metric words before a value: after the last verb, or from a kept verb (新增…)."""
    verb = verbs[-1]
    if verb.group() not in p.METRIC_KEEP_VERBS:
        start = verb.end()
    elif len(verbs) == 1:
        start = 0
    else:
        start = verb.start()
    return clause[start:end]


def split_change(metric: str) -> tuple[str | None, str]:
    """A change word that opens a metric, and the metric without it.

    >>> split_change("新增高新技术企业"), split_change("新签约项目"), split_change("新增")
    (('新增', '高新技术企业'), (None, '新签约项目'), (None, '新增'))
    """
    word = next((w for w in p.CHANGE_WORDS if metric.startswith(w)), None)
    if word is None or len(metric) - len(word) < MIN_METRIC:
        return None, metric
    return word, metric[len(word) :]
