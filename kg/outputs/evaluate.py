"""Score extraction against hand-made gold annotations: precision, recall and F1.

Gold files are JSON, one per report (format in ``tests/gold/README.md``).  Labels
match after NFKC and removal of whitespace and quotation marks.  Every score
comes with its misses (in gold, not extracted) and false positives (extracted,
not in gold), so the next error to fix is one glance away.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.forms import normal_form
from kg.graph.build import period_bounds
from kg.outputs.gold import ENTITY_CLASSES, FACT_TYPES, load_gold
from kg.types import Extraction, Fact, Kind, Mention

__all__ = ["ENTITY_CLASSES", "FACT_TYPES", "Report", "Score", "agreement", "evaluate", "format_table", "load_gold"]

BARE_ZONES = ("高新区", "经开区", "开发区", "园区")
#: The score of figures' values alone: (value, unit) as written, whatever metric or period.
VALUES = "values"
TEXT_RULES = frozenset(("title", "first-full-name"))
#: Kinds of observation the gold annotates (shares are left out of it).
OBSERVED = frozenset(("actual", "estimate", "target"))
#: The quality ZoneGraph aims at on its gold set: (score, measure) → minimum.
TARGETS = {
    ("Zone", "f1"): 0.90, ("Company", "f1"): 0.90, ("Project", "f1"): 0.90, ("Park", "f1"): 0.90,
    ("Honor", "f1"): 0.90,
    ("totalInvestment", "precision"): 0.97, ("totalInvestment", "recall"): 0.85,
    ("awardedTo", "f1"): 0.85, ("indicators", "f1"): 0.85,
}

Item = tuple[str, ...]


@dataclass
class Score:
    """Counts and examples for one class or fact type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, document: str, gold: set[Item], predicted: set[Item]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        self.misses += [f"{document}: {' | '.join(x)}" for x in sorted(gold - predicted)]
        self.false_positives += [f"{document}: {' | '.join(x)}" for x in sorted(predicted - gold)]


@dataclass
class Report:
    """Scores per entity class and per fact type over all gold documents."""

    documents: list[str]
    scores: dict[str, Score]

    def measure(self, name: str, measure: str) -> float:
        """One number of the report, e.g. ``measure("Company", "f1")``."""
        return float(getattr(self.scores[name], measure))

    def without_examples(self) -> Report:
        """The same scores without their misses and false positives (what a test-split run may show)."""
        bare = {name: Score(s.tp, s.fp, s.fn) for name, s in self.scores.items()}
        return Report(self.documents, bare)

    def unmet(self) -> list[tuple[str, str, float, float]]:
        """The :data:`TARGETS` not reached: (score, measure, value, target)."""
        return [(name, measure, self.measure(name, measure), target)
                for (name, measure), target in TARGETS.items() if self.measure(name, measure) < target]

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "scores": {
                name: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                       "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn,
                       "misses": s.misses, "false_positives": s.false_positives}
                for name, s in self.scores.items()
            },
            "targets": [{"score": name, "measure": measure, "target": target,
                         "value": round(self.measure(name, measure), 4),
                         "met": self.measure(name, measure) >= target}
                        for (name, measure), target in TARGETS.items()],
        }


def _norm(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value)).normalize()
        return format(number, "f")
    return normal_form(str(value))


def gold_items(data: dict) -> dict[str, set[Item]]:  # type: ignore[type-arg]
    """Gold entities and facts of one document as comparable tuples."""
    items: dict[str, set[Item]] = {}
    for cls in ENTITY_CLASSES:
        items[cls] = {(_norm(x),) for x in data.get("entities", {}).get(cls, [])}
    facts = data.get("facts", {})
    items["totalInvestment"] = {(_norm(f["project"]), _norm(f["yuan"]))
                                for f in facts.get("totalInvestment", [])}
    items["investor"] = {(_norm(f["project"]), _norm(f["company"])) for f in facts.get("investor", [])}
    items["status"] = {(_norm(f["project"]), f["status"]) for f in facts.get("status", [])}
    items["awardedTo"] = {(_norm(f["honor"]), _norm(f["recipient"])) for f in facts.get("awardedTo", [])}
    items["indicators"] = {
        _figure(f["metric"], f.get("change"), f["value"], f.get("unit"), f.get("growth"), f.get("period"),
                f.get("kind") or ("estimate" if f.get("estimated") else "actual"))
        for f in facts.get("indicators", []) if f.get("value") is not None
    }
    items[VALUES] = {(x[1], x[2]) for x in items["indicators"]}
    return items


def _figure(metric: str, change: str | None, value: object, unit: str | None, growth: object,
            period: str | None, kind: str) -> Item:
    """A figure as compared: the change word and metric together (新增 + 高新技术企业 is what
    an extractor may write as one metric), value, unit, growth, period (by the days it spans:
    2013-H1 is 2013-01/2013-06) and kind."""
    return (_norm((change or "") + metric), _norm(value), _norm(unit), _norm(growth), _span(period), kind)


def _span(period: str | None) -> str:
    """A period as its first and last day, so two notations of one period compare equal."""
    bounds = period_bounds(period) if period else None
    return "/".join(bounds) if bounds else str(period)


def _label(obj: object) -> str:
    return _norm(obj.label if isinstance(obj, Mention) else getattr(obj, "value", obj))


def predicted_items(extraction: Extraction) -> dict[str, set[Item]]:
    """What the extractor found in one document, in the gold's terms."""
    items: dict[str, set[Item]] = {cls: set() for cls in ENTITY_CLASSES}
    from_text = extraction.info.zone_rule in TEXT_RULES
    for mention in extraction.mentions:
        if mention.kind is Kind.INDICATOR or (mention.kind is Kind.ZONE and mention.label in BARE_ZONES):
            continue
        if mention.sentence < 0 and not from_text:
            continue  # the report's zone inferred from cities or metadata is not a text mention
        items[mention.kind.value].add((_norm(mention.label),))
    by_predicate: dict[str, set[Item]] = {name: set() for name in FACT_TYPES}
    own = extraction.own_zone
    bare = next((w for w in BARE_ZONES if w in extraction.info.title), "高新区")
    for fact in extraction.facts:
        if fact.predicate in by_predicate:
            item = _fact_item(fact)
            if fact.obj == own and not from_text:
                item = (item[0], _norm(bare))  # the gold names an unnamed own zone as written
            by_predicate[fact.predicate].add(item)
    by_predicate["indicators"] = {
        _figure(o.metric, o.change, o.value, o.unit, o.growth, o.period, o.kind)
        for o in extraction.observations if o.kind in OBSERVED
    }
    by_predicate[VALUES] = {(x[1], x[2]) for x in by_predicate["indicators"]}
    return {**items, **by_predicate}


def _fact_item(fact: Fact) -> Item:
    if fact.predicate == "totalInvestment":
        return (_norm(fact.subject.label), _norm(fact.obj))
    return (_norm(fact.subject.label), _label(fact.obj))


def evaluate(extractions: Iterable[Extraction], gold: dict[str, dict]) -> Report:  # type: ignore[type-arg]
    """Compare extractions with the gold of the same documents."""
    scores = {name: Score() for name in (*ENTITY_CLASSES, *FACT_TYPES, VALUES)}
    documents: list[str] = []
    for extraction in sorted(extractions, key=lambda e: e.document.name):
        name = extraction.document.name
        if name not in gold:
            continue
        documents.append(name)
        expected, found = gold_items(gold[name]), predicted_items(extraction)
        for key, score in scores.items():
            score.add(name, expected.get(key, set()), found.get(key, set()))
    return Report(documents, scores)


def agreement(first: dict[str, dict], second: dict[str, dict]) -> Report:  # type: ignore[type-arg]
    """How far two independent annotations of the same reports agree: ``first`` taken as gold,
    ``second`` as found, so F1 is the agreement between the two (symmetric)."""
    scores = {name: Score() for name in (*ENTITY_CLASSES, *FACT_TYPES, VALUES)}
    documents = sorted(set(first) & set(second))
    for name in documents:
        expected, found = gold_items(first[name]), gold_items(second[name])
        for key, score in scores.items():
            score.add(name, expected.get(key, set()), found.get(key, set()))
    return Report(documents, scores)


def format_table(report: Report, details: int = 10) -> str:
    """A plain-text table of the scores followed by misses and false positives."""
    lines = [f"{len(report.documents)} documents", "",
             f"{'':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, s in report.scores.items():
        lines.append(f"{name:<18}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    unmet = report.unmet()
    lines.append("")
    lines.append(f"targets: all {len(TARGETS)} met" if not unmet else
                 "targets not met: " + ", ".join(f"{n} {m} {v:.3f} < {t}" for n, m, v, t in unmet))
    for name, s in report.scores.items():
        if details and (s.misses or s.false_positives):
            lines.append(f"\n## {name}")
            lines += [f"  miss  {m}" for m in s.misses[:details]]
            lines += [f"  extra {m}" for m in s.false_positives[:details]]
    return "\n".join(lines) + "\n"


def markdown_table(report: Report) -> str:
    """Per-class P/R/F1 as a Markdown table (for the test log and the docs)."""
    lines = ["| | P | R | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"
              for name, s in report.scores.items()]
    return "\n".join(lines) + "\n"


def log_entry(report: Report, date: str, commit: str, note: str = "") -> str:
    """One entry of ``TEST_LOG.md``: when, at which commit, on how many reports, the scores."""
    head = f"## {date} · {commit} · {len(report.documents)} test reports\n\n"
    return head + (f"{note}\n\n" if note else "") + markdown_table(report) + "\n"
