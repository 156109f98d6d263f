"""Whose figure a number is: the zone's, or one project's or firm's, or a size class of projects.

A figure in a zone's report is the zone's unless its subject names one project or firm
("甲乙汽车完成产值…", "甲乙西安基地整车产能达到…"), a clause speaks of one project ("该项目总投资…"),
the figure is what a project will do once built ("建成后年可实现…"), or the amount classes
projects by size ("签约1亿元以上项目13个": the count is a figure, the 1亿元 a threshold).

>>> owner("签约", "以上项目13个", ""), owner("该项目总投资", "", ""), owner("完成工业总产值", "", "规模以上工业企业")
('a size class of projects or firms is no figure', "a project's or a firm's figure, not the zone's", None)
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.extract.companies import legal_names
from kg.text.segment import tokens

SIZE_CLASS = re.compile(p.SIZE_CLASS)
SIZE_CLASS_OVER = re.compile(p.SIZE_CLASS_OVER)
SIZED_METRIC = re.compile(p.SIZED_METRIC)
#: How far before a size class a change word may stand (新增入园…).
MAX_CHANGE_REACH = 6
#: jieba flags of a proper name that is no place: a firm (甲乙光电).
FIRM_FLAGS = ("nz", "nt", "nr", "nrt", "nz?", "nr?")
SIZE_CLASS_FIGURE = "a size class of projects or firms is no figure"
PROJECT_FIGURE = "a project's or a firm's figure, not the zone's"
#: A firm named after its role: "主导产业龙头企业甲乙汽车".
FIRM_AFTER_ROLE = re.compile("(?:龙头|骨干|重点|链主)企业([\u4e00-\u9fff]{2,})$")
#: A named site of one firm inside a subject: "甲乙西安基地整车产能".
OWN_SITE = re.compile("(?:" + "|".join(h for h in p.OWN_UNIT_HEADS if h != "项目") + ")")
DIGIT = re.compile(r"\d")


def sized_metric(head: str, counted: bool) -> str | None:
    """The metric of a count of a size class, with its amount: "其中100亿元以上项目1个" → 100亿元以上项目."""
    match = SIZED_METRIC.search(head) if counted else None
    if match is None:
        return None
    lead = head[: match.start(1)]
    change = next((w for w in p.CHANGE_WORDS if w in lead[-MAX_CHANGE_REACH:]), "")  # 新增入园10亿元以上…项目
    return change + match.group(1)


def owner(head: str, rest: str, subject: str) -> str | None:
    """Why a figure is not the zone's, if it is not (``head``: its clause before the value,
    ``rest``: after it, ``subject``: the words before the clause's verb)."""
    if SIZE_CLASS.match(rest) or (head.endswith(("超", "逾")) and SIZE_CLASS_OVER.match(rest)):
        return SIZE_CLASS_FIGURE
    if (head.startswith(p.PROJECT_OPENERS) or any(w in head for w in p.PROJECTED)
            or (subject and names_one(subject)) or firm_topic(head)):
        return PROJECT_FIGURE
    return None


def names_one(subject: str) -> bool:
    """Whether a figure's subject names one project or firm (甲乙光电项目, 甲乙, 龙头企业甲乙汽车,
    甲乙西安基地整车产能), not a group (75个续建项目, 规模以上工业企业, 区内高新技术企业总数)."""
    if DIGIT.search(subject):
        return False  # a count makes a group
    toks = tokens(subject)
    proper = [t for t in toks if t.flag in FIRM_FLAGS and t.word not in p.GENERIC_PROJECT_WORDS]
    if subject.endswith(p.OWN_UNIT_HEADS):
        return bool(proper)
    site = OWN_SITE.search(subject)
    if site and site.end() < len(subject):
        return any(t.flag in FIRM_FLAGS for t in tokens(subject[: site.start()]))
    firm = FIRM_AFTER_ROLE.search(subject)
    if firm:
        return any(t.flag in FIRM_FLAGS for t in tokens(firm.group(1)))
    return bool(toks) and len(proper) == len(toks)


def firm_topic(head: str) -> bool:
    """A clause about a firm named by its legal name ("甲乙电子有限公司产值…"), not a list of firms."""
    if "、" in head:
        return False  # "甲有限公司、乙有限公司等118家企业…": the firms of a list
    return any(not head[head.index(name) + len(name) :].startswith("等") for name in legal_names(head))
