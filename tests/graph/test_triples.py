"""The build's triple index: set semantics over the build's own term objects."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from kg.graph.triples import Triples, objects
from kg.pipeline import build

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
S, P, Q = URIRef("urn:zg:s"), URIRef("urn:zg:p"), URIRef("urn:zg:q")


def test_adding_a_triple_twice_keeps_one() -> None:
    triples = Triples()
    one, two = Literal("济源高新区", lang="zh"), Literal("郑州高新区", lang="zh")
    for triple in [(S, P, one), (S, P, one), (S, P, two), (S, Q, one), (S, P, two)]:
        triples.add(*triple)
    assert len(triples) == 3
    assert sorted(triples) == sorted([(S, P, one), (S, P, two), (S, Q, one)])
    assert objects(triples.subjects[S][Q]) == [one]
    assert sorted(objects(triples.subjects[S][P])) == sorted([one, two])


def test_a_build_holds_no_triple_twice_by_value() -> None:
    result = build([SEEDS])
    by_value = {(str(s), str(p), o.n3()) for s, p, o in result.triples}
    assert len(result.triples) == len(by_value) == len(result.graph) > 1000
