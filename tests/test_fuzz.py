"""Property tests: any text, however mangled, builds a graph that conforms and round-trips.

Besides synthetic genre soup and mutated seeds, real sentences of ../shared/corpus and
../shared/long are recombined into new reports (skipped where ../shared is absent).
"""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.outputs.export import to_turtle
from kg.outputs.validate import validate
from kg.pipeline import build_documents
from kg.types import Document
from tests.conftest import SEEDS, SHARED, SHARED_CORPUS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _real_sentences() -> list[str]:
    """Sentences (and titles) of the shared real reports, in a stable order."""
    paths = sorted(SHARED_CORPUS.glob("*.txt")) + sorted((SHARED / "long").glob("*.txt"))
    found: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        found += [s for s in re.split(r"(?<=[。；！？\n])", text) if s.strip() and not s.startswith("#")]
    return found


REAL_SENTENCES = _real_sentences()
GENRE = "总投资亿元的项目等个荣获“”获评挂牌入选高新区经开区产业园有限公司集团同比增长预计力争确保实现完成元至月上半年**xx。，；、\n 0123456789.%"


def build_text(text: str) -> Graph:
    document = Document(name="fuzz.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    result = build_documents([document])
    assert result.failed == (), [f.trace for f in result.failed]  # a report skipped is a bug found
    return result.graph


def check(graph: Graph) -> None:
    report = validate(graph)
    assert report.conforms, report.violations[:3]
    turtle = to_turtle(graph)
    assert to_turtle(Graph().parse(data=turtle, format="turtle")) == turtle


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(GENRE), max_size=300))
def test_genre_soup_never_breaks(text: str) -> None:
    check(build_text(text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEED_TEXTS), st.integers(0, 5000), st.integers(0, 400), st.text(max_size=20))
def test_mutated_reports_never_break(text: str, at: int, cut: int, insert: str) -> None:
    at = at % max(1, len(text))
    check(build_text(text[:at] + insert + text[at + cut :]))


@settings(max_examples=20, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_never_breaks(text: str) -> None:
    check(build_text(text))


@pytest.mark.skipif(not REAL_SENTENCES, reason=f"{SHARED} is absent: no real sentences to recombine")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(REAL_SENTENCES or ["-"]), min_size=1, max_size=25), st.booleans())
def test_recombined_real_sentences_never_break(sentences: list[str], one_line: bool) -> None:
    check(build_text(("" if one_line else "\n").join(sentences)))
