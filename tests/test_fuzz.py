"""Property tests: any text, however mangled, builds a graph that conforms and round-trips."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.outputs.export import to_turtle
from kg.outputs.validate import validate
from kg.pipeline import build_documents
from kg.types import Document
from tests.conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
GENRE = "总投资亿元的项目等个荣获“”获评挂牌入选高新区经开区产业园有限公司集团同比增长预计力争确保实现完成元至月上半年**xx。，；、\n 0123456789.%"


def build_text(text: str) -> Graph:
    document = Document(name="fuzz.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    return build_documents([document]).graph


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
