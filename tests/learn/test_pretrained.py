"""The pretrained tagger (Baidu LAC on ONNX Runtime) as candidates and features."""

from __future__ import annotations

import pytest

from kg.learn import pretrained
from kg.learn.candidates import candidates
from kg.learn.features import Context, features
from kg.types import Sentence
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        # firms in a list that no 企业 follows
        ("富士康、比亚迪、宁德时代等13家行业领军企业签约入园", {"富士康", "比亚迪", "宁德时代"}),
        # a firm named in passing, with no suffix and no list
        ("华为与区政府签署战略合作协议", {"华为"}),
    ],
)
def test_the_taggers_organisations_are_candidates(text_in: str, expected: set[str]) -> None:
    tagged = pretrained.words([text_in])[0]
    spans = {c.text for c in candidates(Sentence(0, text_in, 0, 0), [], tagged) if "ner:ORG" in c.hints}
    assert expected <= spans


def test_words_are_offsets_into_the_sentence_and_cover_it() -> None:
    text = next(line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()
                if "签约" in line)
    tagged = pretrained.words([text])[0]
    assert tagged and all(text[s:e] for s, e, _ in tagged)
    assert [s for s, _, _ in tagged] == sorted(s for s, _, _ in tagged)
    assert sum(e - s for s, e, _ in tagged) >= len(text) - 2  # every character but full-width oddities


def test_span_features_tell_exact_inner_and_crossing_spans() -> None:
    words = ((0, 4, "ORG"), (4, 6, "v"), (6, 8, "n"))
    assert "L_exact=ORG" in pretrained.span_features(words, 0, 4)
    assert "L_in=ORG" in pretrained.span_features(words, 0, 2)
    assert {"L_sb", "L_ex"} <= set(pretrained.span_features(words, 4, 7))


def test_features_include_the_tagger_only_when_given() -> None:
    text = "富士康签约入园"
    tagged = pretrained.words([text])[0]
    cand = next(c for c in candidates(Sentence(0, text, 0, 0), [], tagged) if c.text == "富士康")
    assert not any(f.startswith("L_") for f in features(text, cand))
    assert "L_exact=ORG" in features(text, cand, Context(text, tagged=tagged))
