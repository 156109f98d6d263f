"""The learned recogniser at work: score every candidate name and keep the ones the model believes.

The model is a table of weights per feature and class (multinomial logistic regression),
trained by ``kg train`` from the gold annotations and shipped as JSON in
``kg/resources/recogniser.json``; scoring needs no machine-learning library.  For the classes
it decides (:data:`~kg.learn.candidates.DECIDED`) the rules only propose: a rule's mention is
kept when the model agrees, a candidate no rule found is added when the model is sure, and a
fact is kept only when the names it links are.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import InputError
from kg.extract.companies import without_country
from kg.extract.names import is_entity_name
from kg.extract.parks import is_park_name
from kg.extract.stages import status_of
from kg.extract.zones import is_zone_name
from kg.learn import pretrained
from kg.learn.candidates import DECIDED, Candidate, candidates
from kg.learn.features import Context, Part, parts
from kg.learn.pretrained import Words
from kg.types import Extraction, Fact, Kind, Mention

MODEL_FILE = "recogniser.json"
#: Classes whose rules are exact enough that the model only adds to them: an honor the rules read
#: after its trigger (荣获/获评/入选 “…”) is kept whatever the model says.
EXACT_RULES = frozenset((Kind.HONOR.value,))
#: Packaged models by name: the default, and one trained with the pretrained tagger (slower).
PACKAGED = {"packaged": MODEL_FILE, pretrained.NAME: "recogniser-lac.json"}
NONE = "none"


@dataclass(frozen=True)
class Recogniser:
    """Weights per feature and class, a bias per class, and two thresholds per class.

    A candidate that a rule proposed as class C is kept unless the model's probability that
    it is no name exceeds ``rejects[C]``; any other candidate is added as its most probable
    class C when that probability reaches ``thresholds[C]``.
    """

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]
    thresholds: dict[str, float]
    rejects: dict[str, float] = field(default_factory=dict)
    meta: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> Recogniser:  # type: ignore[type-arg]
        return cls(tuple(data["classes"]), {k: tuple(v) for k, v in data["weights"].items()},
                   tuple(data["bias"]), dict(data["thresholds"]), dict(data.get("rejects", {})),
                   dict(data.get("meta", {})))

    def probabilities(self, feats: Iterable[str]) -> list[float]:
        """Class probabilities (softmax of the summed weights of the present features)."""
        weights = self.weights
        rows = [weights[name] for name in feats if name in weights]
        scores = [sum(column) for column in zip(self.bias, *rows, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def probabilities_of(self, groups: Iterable[Part], sums: dict[tuple[object, ...], list[float]]) -> list[float]:
        """:meth:`probabilities` from feature groups, each group's weights summed once per key."""
        weights = self.weights
        vectors = [self.bias]
        for key, names in groups:
            vector = sums.get(key)
            if vector is None:
                rows = [weights[name] for name in names if name in weights]
                vector = sums[key] = [sum(column) for column in zip(*rows, strict=True)] if rows else []
            if vector:
                vectors.append(vector)
        scores = [sum(column) for column in zip(*vectors, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def judge(self, cand: Candidate, probs: list[float]) -> tuple[str, float]:
        """The class a candidate is kept as ("none" when it is not), and the model's confidence."""
        return judge(self.classes, cand, probs, self.thresholds, self.rejects)


def judge(classes: tuple[str, ...], cand: Candidate, probs: list[float], thresholds: dict[str, float],
          rejects: dict[str, float]) -> tuple[str, float]:
    """Keep a rule's proposal unless the model finds it no name; add others the model is sure of."""
    p_none = probs[classes.index(NONE)]
    ruled = next((k.value for k in DECIDED if f"rule:{k.value}" in cand.hints), None)
    if ruled is not None and ruled in classes and (ruled in EXACT_RULES or p_none <= rejects.get(ruled, 1.0)):
        return ruled, 1.0 - p_none
    k = max((k for k, c in enumerate(classes) if c != NONE), key=probs.__getitem__)
    cls = classes[k]
    return (cls, probs[k]) if probs[k] >= thresholds.get(cls, 0.5) else (NONE, probs[k])


@lru_cache(maxsize=4)
def load(spec: str = "packaged") -> Recogniser | None:
    """A recogniser: "packaged" (shipped with ZoneGraph, if there is one), "lac" (the packaged
    one trained with the pretrained tagger), "none" (the rules alone, ``None``) or the path of a
    model file written by ``kg train``."""
    if spec == "none":
        return None
    if spec in PACKAGED:
        packaged = resources.files("kg") / "resources" / PACKAGED[spec]
        return Recogniser.from_dict(json.loads(packaged.read_text(encoding="utf-8"))) if packaged.is_file() else None
    try:
        return Recogniser.from_dict(json.loads(Path(spec).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read recogniser {spec}: {exc} "
                         "(give packaged, lac, none or a file written by kg train)") from exc


def tagged_sentences(extraction: Extraction, ner: object) -> dict[int, Words]:
    """The pretrained tagger's words of every sentence, when a model was trained with one."""
    if not ner:
        return {}
    if ner != pretrained.NAME:
        raise InputError(f"unknown pretrained tagger {ner!r} in the recogniser's metadata "
                         f"(known: {pretrained.NAME}); retrain it with kg train --ner")
    sentences = extraction.sentences
    return dict(zip((s.index for s in sentences), pretrained.words([s.text for s in sentences]), strict=True))


def sentence_candidates(extraction: Extraction, tagged: dict[int, Words] | None = None) -> dict[int, list[Candidate]]:
    """Candidates of every sentence of an extraction, from its rules' mentions and the proposals."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in extraction.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    tagged = tagged or {}
    return {s.index: candidates(s, by_sentence.get(s.index, []), tagged.get(s.index)) for s in extraction.sentences}


Scored = list[tuple[Candidate, str, float]]


def decide(extraction: Extraction, model: Recogniser | None) -> Extraction:
    """The extraction with the decided classes' names chosen by ``model`` (unchanged without one)."""
    if model is None:
        return extraction
    scored: dict[int, Scored] = {}
    sums: dict[tuple[object, ...], list[float]] = {}
    report = Context("")
    tagged = tagged_sentences(extraction, model.meta.get("ner"))
    for index, cands in sentence_candidates(extraction, tagged).items():
        text = extraction.sentences[index].text
        context = Context(text, report, tagged.get(index))
        scored[index] = [(cand, *model.judge(cand, model.probabilities_of(parts(text, cand, context), sums)))
                         for cand in cands]
    return apply(extraction, scored)


def apply(extraction: Extraction, scored: dict[int, Scored]) -> Extraction:
    """The extraction with the decided classes' names replaced by the accepted candidates."""
    decided = {k.value for k in DECIDED}
    sentences = {s.index: s.text for s in extraction.sentences}
    # kept as they are: names the model does not decide, and an exact rule's name that it never saw
    # as a span ("示范区“清廉园区”示范点…" read without its inner quotes)
    kept: list[Mention] = [m for m in extraction.mentions if m.kind.value not in decided or m.sentence < 0
                           or (m.kind.value in EXACT_RULES and m.label not in sentences.get(m.sentence, m.label))]
    for index, items in sorted(scored.items()):
        valid = [(cand, cls, score) for cand, cls, score in items if cls == NONE or _valid(cls, cand.text)]
        kept += [Mention(Kind(cls), _label(cls, cand.text), index) for cand, cls, _ in _choose(valid)]
    kept = list(dict.fromkeys(kept))
    known = set(kept)
    facts = tuple(f for f in extraction.facts if _holds(f, known))
    facts += _statuses(extraction, kept, facts)
    return replace(extraction, mentions=tuple(kept), facts=facts + _investors(kept, facts))


def _label(cls: str, text: str) -> str:
    """A name as it is kept: a firm without the country word before it (德国甲乙 → 甲乙)."""
    return without_country(text) if cls == Kind.COMPANY.value else text


def _statuses(extraction: Extraction, kept: list[Mention], facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """The status of each project the model added, read from its sentence as the rules read one."""
    stated = {f.subject for f in facts if f.predicate == "status"}
    out = []
    for mention in kept:
        if mention.kind is Kind.PROJECT and mention not in stated and mention.sentence >= 0:
            status = status_of(extraction.sentences[mention.sentence], mention.label)
            if status is not None:
                out.append(Fact(mention, "status", status, mention.sentence))
    return tuple(out)


def _investors(kept: list[Mention], facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """A firm whose name opens a project's name in the same sentence is the project's investor
    ("甲乙汽车项目" with the firm 甲乙), as the rules read one."""
    invested = {f.subject for f in facts if f.predicate == "investor"}
    firms: dict[int, list[Mention]] = {}
    for mention in kept:
        if mention.kind is Kind.COMPANY and mention.sentence >= 0:
            firms.setdefault(mention.sentence, []).append(mention)
    out = []
    for project in kept:
        if project.kind is not Kind.PROJECT or project in invested:
            continue
        opening = [f for f in firms.get(project.sentence, []) if project.label.startswith(f.label)
                   and len(project.label) > len(f.label)]
        if opening:
            out.append(Fact(project, "investor", max(opening, key=lambda m: len(m.label)), project.sentence))
    return tuple(out)


#: How an award, a mansion, a museum, a park, a station or a group of units (甲乙系) ends: never a
#: firm's name (飞天奖, 甲乙府).
NOT_FIRM_ENDINGS = ("奖", "府", "馆", "园", "站", "系")
#: How a goal opens, never a title given: "建成世界一流高科技园区", "打造国际一流营商环境".
ASPIRED = ("世界一流", "国际一流", "全国一流", "一流")
#: Constraints from the genre that a name of some class must meet, whatever the model says.
CONSTRAINTS: dict[str, Callable[[str], bool]] = {
    Kind.ZONE.value: lambda x: is_zone_name(x) and is_entity_name(x),
    Kind.PARK.value: lambda x: is_park_name(x) and is_entity_name(x),
    Kind.COMPANY.value: lambda x: is_entity_name(x) and not x.endswith(NOT_FIRM_ENDINGS),
    Kind.PROJECT.value: is_entity_name,
    Kind.HONOR.value: lambda x: not x.startswith(ASPIRED),
}


def _valid(cls: str, label: str) -> bool:
    check = CONSTRAINTS.get(cls)
    return check is None or check(label)


def _choose(scored: Scored) -> Scored:
    """Accepted candidates, most probable first; a span may nest in another of a different class
    (a firm inside its project's name) but never cross one or overlap one of its own class."""
    chosen: list[tuple[Candidate, str, float]] = []
    for cand, cls, prob in sorted((x for x in scored if x[1] != NONE), key=lambda x: (-x[2], x[0].start, x[0].end)):
        if all(_compatible(cand, cls, other, other_cls) for other, other_cls, _ in chosen):
            chosen.append((cand, cls, prob))
    return sorted(chosen, key=lambda x: (x[0].start, x[0].end))


def _compatible(a: Candidate, a_cls: str, b: Candidate, b_cls: str) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return True
    nested = (a.start >= b.start and a.end <= b.end) or (b.start >= a.start and b.end <= a.end)
    return nested and a_cls != b_cls


def _holds(fact: Fact, known: set[Mention]) -> bool:
    """A fact whose names were all kept (or are not the model's to decide)."""
    for mention in (fact.subject, fact.obj):
        if isinstance(mention, Mention) and mention.kind in DECIDED and mention.sentence >= 0 and mention not in known:
            return False
    return True
