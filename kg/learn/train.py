"""Training the recogniser from the gold annotations: examples, fitting, choosing on dev.

Every candidate of a training report is an example; its label is the class under which the
gold lists its text for that report, else "none".  A multinomial logistic regression
(scikit-learn, fixed solver, no randomness) is fitted on the *train* part of the split (and
silver annotations, if given), its regularisation and per-class thresholds chosen on *dev*.
The result is plain JSON with a hash of the training data, so a test can tell whether the
model on disk was trained on the current split.

``scikit-learn`` is needed here only: scoring uses the JSON weights.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import InputError
from kg.learn.candidates import DECIDED
from kg.learn.features import Context, features
from kg.learn.model import NONE, Recogniser, Scored, apply, judge, sentence_candidates, tagged_sentences
from kg.types import Document, Extraction

CLASSES = (NONE, *(k.value for k in DECIDED))
C_GRID = (0.3, 1.0, 3.0)
#: Thresholds tried on dev: for adding a candidate no rule proposed, for rejecting a rule's.
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
REJECTS = (0.5, 0.7, 0.8, 0.9, 0.95, 1.01)
DIGITS = 5
CLASS_WEIGHT: str | None = None


@dataclass(frozen=True)
class Annotated:
    """A report read from disk, its first-pass (rules-only) extraction and its gold annotation."""

    document: Document
    extraction: Extraction
    gold: dict  # type: ignore[type-arg]


def training_hash(golds: Iterable[dict]) -> str:  # type: ignore[type-arg]
    """A hash of what a model is trained on: each training report's name and gold labels."""
    digest = hashlib.sha256()
    for gold in sorted(golds, key=lambda g: g["document"]):
        digest.update(gold["document"].encode())
        digest.update(json.dumps(gold.get("entities", {}), ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def _gold_labels(gold: dict) -> dict[str, str]:  # type: ignore[type-arg]
    """Normal form of each decided-class label → its class."""
    from kg.extract.forms import normal_form

    out: dict[str, str] = {}
    for cls in CLASSES[1:]:
        for label in gold.get("entities", {}).get(cls, []):
            out.setdefault(normal_form(label), cls)
    return out


def examples(reports: Iterable[Annotated], ner: str | None = None) -> tuple[list[list[str]], list[str], int, int]:
    """Feature lists and labels of every candidate; and how many gold names any candidate covers."""
    from kg.extract.forms import normal_form

    feats: list[list[str]] = []
    labels: list[str] = []
    covered = wanted = 0
    for report in reports:
        gold = _gold_labels(report.gold)
        seen: set[str] = set()
        tagged = tagged_sentences(report.extraction, ner)
        for index, cands in sentence_candidates(report.extraction, tagged).items():
            text = report.extraction.sentences[index].text
            for cand in cands:
                form = normal_form(cand.text)
                feats.append(features(text, cand, Context(text, tagged=tagged.get(index))))
                labels.append(gold.get(form, NONE))
                seen.add(form)
        wanted += len(gold)
        covered += sum(form in seen for form in gold)
    return feats, labels, covered, wanted


def fit(feats: Sequence[list[str]], labels: Sequence[str], c: float, ner: str | None = None) -> Recogniser:
    """A logistic regression over binary features (deterministic: lbfgs, sorted features)."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise InputError("kg train needs scikit-learn: pip install 'zonegraph[train]'") from exc
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in feats])
    present = [c_ for c_ in CLASSES if c_ in set(labels)]
    model = LogisticRegression(C=c, max_iter=3000, solver="lbfgs", class_weight=CLASS_WEIGHT)
    model.fit(matrix, labels)
    order = [list(model.classes_).index(c_) for c_ in present]
    names = vectorizer.get_feature_names_out()
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(names):
        row = tuple(round(float(model.coef_[k][j]), DIGITS) for k in order)
        if any(abs(w) >= 10 ** -DIGITS for w in row):
            weights[str(name)] = row
    bias = tuple(round(float(model.intercept_[k]), DIGITS) for k in order)
    meta: dict[str, object] = {"C": c, **({"ner": ner} if ner else {})}
    return Recogniser(tuple(present), weights, bias, {c_: 0.5 for c_ in present if c_ != NONE}, meta=meta)


def scored(model: Recogniser, reports: Iterable[Annotated]) -> list[tuple[Annotated, dict[int, list]]]:  # type: ignore[type-arg]
    """Every candidate of each report with its class probabilities (thresholds applied later)."""
    out = []
    for report in reports:
        per: dict[int, list] = {}  # type: ignore[type-arg]
        tagged = tagged_sentences(report.extraction, model.meta.get("ner"))
        for index, cands in sentence_candidates(report.extraction, tagged).items():
            text = report.extraction.sentences[index].text
            context = Context(text, tagged=tagged.get(index))
            per[index] = [(cand, model.probabilities(features(text, cand, context))) for cand in cands]
        out.append((report, per))
    return out


def _decided(model: Recogniser, probs_by_sentence: dict[int, list], thresholds: dict[str, float],  # type: ignore[type-arg]
             rejects: dict[str, float]) -> dict[int, Scored]:
    return {index: [(cand, *judge(model.classes, cand, probs, thresholds, rejects)) for cand, probs in items]
            for index, items in probs_by_sentence.items()}


def dev_scores(model: Recogniser, probs: list[tuple[Annotated, dict[int, list]]],  # type: ignore[type-arg]
               thresholds: dict[str, float], rejects: dict[str, float]) -> dict[str, tuple[float, float, float]]:
    """Entity (precision, recall, F1) per decided class on reports whose probabilities are known."""
    from kg.outputs.evaluate import evaluate

    extractions = [apply(report.extraction, _decided(model, per, thresholds, rejects)) for report, per in probs]
    gold = {report.document.name: report.gold for report, _ in probs}
    result = evaluate(extractions, gold)
    return {c: (result.scores[c].precision, result.scores[c].recall, result.scores[c].f1) for c in CLASSES[1:]}


def _tune(model: Recogniser, probs: list) -> tuple[dict[str, float], dict[str, float]]:  # type: ignore[type-arg]
    """Per class, the (add, reject) thresholds with the best dev F1 (ties: the stricter)."""
    thresholds: dict[str, float] = {}
    rejects: dict[str, float] = {}
    for cls in model.classes[1:]:
        trial = {(a, r): dev_scores(model, probs, {**thresholds, cls: a}, {**rejects, cls: r})[cls][2]
                 for a in THRESHOLDS for r in REJECTS}
        thresholds[cls], rejects[cls] = max(trial, key=lambda ar: (round(trial[ar], 6), ar[0], -ar[1]))
    return thresholds, rejects


def choose(train: Sequence[Annotated], dev: Sequence[Annotated], progress: Callable[[str], None] | None = None,
           grid: Sequence[float] = C_GRID, ner: str | None = None,
           ) -> tuple[Recogniser, dict[str, tuple[float, float, float]]]:
    """Fit on ``train`` for each C of ``grid``; keep the C and per-class thresholds best on ``dev``
    (``ner``: the pretrained tagger whose words are candidates and features, if any)."""
    if not grid or not train or not dev:
        raise InputError("training needs reports in train and dev, and at least one C to try")
    feats, labels, covered, wanted = examples(train, ner)
    best: tuple[float, Recogniser, dict[str, tuple[float, float, float]]] | None = None
    for c in grid:
        model = fit(feats, labels, c, ner)
        probs = scored(model, dev)
        thresholds, rejects = _tune(model, probs)
        scores = dev_scores(model, probs, thresholds, rejects)
        mean = sum(f for _, _, f in scores.values()) / len(scores)
        if progress:
            progress(f"C={c}: mean dev F1 {mean:.3f}")
        if best is None or mean > best[0]:
            best = (mean, replace(model, thresholds=thresholds, rejects=rejects), scores)
    if best is None:
        raise InputError("no model was fitted")
    meta = {"C": best[1].meta["C"], **({"ner": ner} if ner else {}), "examples": len(labels),
            "coverage": f"{covered}/{wanted}",
            "train_hash": training_hash(r.gold for r in train), "train_reports": len(train), "dev_reports": len(dev)}
    return replace(best[1], meta=meta), best[2]


def to_json(model: Recogniser) -> str:
    """The model as deterministic JSON (sorted keys, fixed digits)."""
    data = {"classes": list(model.classes), "bias": list(model.bias), "thresholds": model.thresholds,
            "rejects": model.rejects, "meta": model.meta,
            "weights": {k: list(v) for k, v in sorted(model.weights.items())}}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def read_annotated(names: Iterable[str], gold: dict[str, dict], folders: Sequence[Path]) -> list[Annotated]:  # type: ignore[type-arg]
    """Read the reports named, extract them with the rules alone, pair them with their gold."""
    from kg.pipeline import extract_rules
    from kg.text.read import read_document

    out = []
    for name in sorted(names):
        path = next((f / name for f in folders if (f / name).is_file()), None)
        if path is None:
            raise InputError(f"gold report {name} not found in {', '.join(map(str, folders))}; give --docs")
        document = read_document(path)
        out.append(Annotated(document, extract_rules(document), gold[name]))
    return out
