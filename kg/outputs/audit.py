"""Precision audits on long real documents: a fixed random sample of what a build found, judged by hand.

A sample holds ``per_class`` entities of each audited class and ``figures`` indicator figures,
drawn with a fixed seed from a build.  Each item is judged against its evidence sentence
(correct or not); judgements are kept by item, so a redraw on a new build carries over the
verdict of every item judged before and leaves only new items to judge.  The audit file holds
labels, numbers and verdicts only, never the documents' sentences.

>>> items = [AuditItem("a.txt", "Company", "甲乙科技", correct=True),
...          AuditItem("a.txt", "Company", "通车", correct=False),
...          AuditItem("b.txt", "Company", "丙丁集团")]
>>> precision(items)["Company"]
(1, 2, 0.5)
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from kg.extract.forms import normal_form
from kg.types import Extraction

AUDITED = ("Company", "Project", "Park", "Honor")
FIGURE = "Figure"


@dataclass(frozen=True)
class AuditItem:
    """One thing a build found: an entity (class, label) or a figure (class ``Figure``,
    label "metric = value unit · period · kind"), in one document, with its verdict if judged."""

    document: str
    kind: str
    label: str
    sentence: str = ""
    correct: bool | None = None
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return self.document, self.kind, normal_form(self.label)

    def as_dict(self) -> dict[str, object]:
        """The item as stored in an audit file: no sentence (the documents are third-party text)."""
        return {"document": self.document, "class": self.kind, "label": self.label,
                "correct": self.correct, "note": self.note}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> AuditItem:
        correct = data.get("correct")
        return cls(str(data["document"]), str(data["class"]), str(data["label"]),
                   correct=correct if isinstance(correct, bool) else None, note=str(data.get("note") or ""))


def figure_label(metric: str, value: object, unit: str, period: str | None, kind: str) -> str:
    """How a figure is named in an audit: "地区生产总值 = 5000 亿元 · 2025 · actual"."""
    return f"{metric} = {value} {unit} · {period or '-'} · {kind}"


def candidates(extractions: Iterable[Extraction]) -> dict[str, list[AuditItem]]:
    """Every audited entity mention and figure of a build, one item per (document, class, label)."""
    found: dict[str, dict[tuple[str, str, str], AuditItem]] = {kind: {} for kind in (*AUDITED, FIGURE)}
    for extraction in sorted(extractions, key=lambda e: e.document.name):
        name, sentences = extraction.document.name, extraction.sentences
        for mention in extraction.mentions:
            if mention.kind.value in AUDITED and mention.sentence >= 0:
                item = AuditItem(name, mention.kind.value, mention.label, sentences[mention.sentence].text)
                found[item.kind].setdefault(item.key, item)
        for obs in extraction.observations:
            label = figure_label(obs.metric, obs.value, obs.unit, obs.period, obs.kind)
            item = AuditItem(name, FIGURE, label, sentences[obs.sentence].text)
            found[FIGURE].setdefault(item.key, item)
    return {kind: [items[k] for k in sorted(items)] for kind, items in found.items()}


def draw(extractions: Iterable[Extraction], seed: int, per_class: int, figures: int) -> list[AuditItem]:
    """A fixed random sample: ``per_class`` items of each audited class, ``figures`` figures."""
    pools = candidates(extractions)
    rng = random.Random(seed)
    sample: list[AuditItem] = []
    for kind in (*AUDITED, FIGURE):
        pool = pools[kind]
        size = figures if kind == FIGURE else per_class
        sample += rng.sample(pool, min(size, len(pool)))
    return sample


def carry_over(sample: Sequence[AuditItem], judged: Iterable[AuditItem]) -> list[AuditItem]:
    """The sample with the verdicts of items judged before (matched by document, class and label)."""
    verdicts = {item.key: item for item in judged if item.correct is not None}
    out = []
    for item in sample:
        old = verdicts.get(item.key)
        out.append(replace(item, correct=old.correct, note=old.note) if old else item)
    return out


def precision(items: Iterable[AuditItem]) -> dict[str, tuple[int, int, float]]:
    """Per class: (correct, judged, precision) over the judged items."""
    counts: dict[str, list[int]] = {}
    for item in items:
        if item.correct is not None:
            right, total = counts.setdefault(item.kind, [0, 0])
            counts[item.kind] = [right + item.correct, total + 1]
    return {kind: (right, total, right / total) for kind, (right, total) in sorted(counts.items())}
