"""Stages of projects: signed, under construction, completed, in operation, or only planned.

A stage verb after a project's name in its clause (开工建设, 竣工投产), else a verb right before
the name (启动实施…), else what the head of a list says of the projects it lists ("本次集中开工的
项目共5个，包括A、B…"); a stage in the future (将, 力争, 计划…) is planned.

>>> status_of(Sentence(0, "甲乙半导体、丙丁咖啡等一批重大项目顺利签约。", 0, 0), "丙丁咖啡")
<Status.SIGNED: 'signed'>
"""

from __future__ import annotations

import re

from kg.extract import patterns as p
from kg.text.segment import clauses
from kg.types import Sentence, Status

#: "投资X亿元的<name>": an amount between the verb and the name.
LEAD_AMOUNT = re.compile(rf"(?:总投资|投资){p.PROJECT_AMOUNT}的$")
#: Words that open a list of the projects a clause before them counts: "开工项目5个，包括A、B…".
LIST_HEAD = re.compile(r"包括[：:]?|分别[是为][：:]?|[：:]")
#: A stage said of the projects a list introduces: "集中开工的项目", "新签约项目".
HEAD_STAGE = re.compile(
    "(" + "|".join(sorted((t for t, _ in p.STATUS_TRIGGERS), key=len, reverse=True)) + r")的?[\u4e00-\u9fff]{0,4}?项目"
)


def stage(before: str, rest: str) -> Status | None:
    """Status from the words after the project ("开工建设"), else from a verb right before its name
    ("启动实施投资11亿元的…项目"); planned when in the future.

    >>> stage("启动实施投资11.12亿元的", ""), stage("谋划招引落地", ""), stage("完成", "")
    (<Status.UNDER_CONSTRUCTION: 'underConstruction'>, <Status.PLANNED: 'planned'>, <Status.COMPLETED: 'completed'>)
    """
    for trigger, value in p.STATUS_TRIGGERS:
        if trigger in rest:
            future = any(m in before or m in rest[: rest.index(trigger)] for m in p.FUTURE_MARKERS)
            return Status.PLANNED if future else Status(value)
    if rest.strip("。；;，, "):
        return None  # "完成A项目前期手续": the verb governs what follows the name
    verb = LEAD_AMOUNT.sub("", before)
    for trigger, value in p.STATUS_BEFORE_NAME:
        if verb.endswith(trigger):
            return Status.PLANNED if any(m in verb for m in p.FUTURE_MARKERS) else Status(value)
    return None


def status_of(sentence: Sentence, label: str) -> Status | None:
    """The status a sentence gives a project named ``label`` (found by any means), read as the
    rules read it: the stage verb after the name in its clause, or the verb right before it.

    >>> status_of(Sentence(0, "甲乙半导体、丙丁咖啡等一批重大项目顺利签约。", 0, 0), "丙丁咖啡")
    <Status.SIGNED: 'signed'>
    """
    for _, clause in clauses(sentence.text):
        at = clause.find(label)
        if at >= 0:
            return stage(clause[:at], clause[at + len(label) :]) or head_status(sentence.text, label)
    return None


def head_status(text: str, label: str) -> Status | None:
    """The status of the projects a list introduces, for an item of the list that states none.

    >>> head_status("本次集中开工的项目共5个，包括甲乙塑料制品项目、丙丁项目等。", "丙丁项目")
    <Status.UNDER_CONSTRUCTION: 'underConstruction'>
    """
    at = text.find(label)
    head = LIST_HEAD.search(text, 0, at) if at > 0 else None
    if head is None:
        return None
    stage = HEAD_STAGE.search(text, 0, head.start())
    if stage is None:
        return None
    opening = text[: stage.start()]
    future = any(m in opening[opening.rfind("，") + 1 :] for m in p.FUTURE_MARKERS)
    return Status.PLANNED if future else Status(dict(p.STATUS_TRIGGERS)[stage.group(1)])
