"""SHACL validation: the seeds' graph conforms; broken graphs are reported, node by node."""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal

from kg.namespace import ZG
from kg.outputs.validate import validate


def test_seed_graph_conforms(seed_graph: Graph) -> None:
    report = validate(seed_graph)
    assert report.conforms, report.violations[:5]


def test_broken_graph_is_reported(seed_graph: Graph) -> None:
    broken = Graph()
    for triple in seed_graph:
        broken.add(triple)
    project = next(iter(broken.subjects(ZG.totalInvestment, None)))
    broken.set((project, ZG.totalInvestment, Literal(Decimal("-5"), datatype=XSD.decimal)))
    honor = next(iter(broken.subjects(ZG.awardedTo, None)))
    broken.remove((honor, RDFS.label, None))
    indicator = next(s for s in broken.subjects(ZG.period, None) if (s, RDF.type, ZG.Indicator) in broken)
    broken.set((indicator, ZG.period, Literal("last year")))
    report = validate(broken)
    assert not report.conforms
    by_node = {(v.focus, v.message) for v in report.violations}
    assert (str(project), "a total investment is a positive xsd:decimal in yuan") in by_node
    assert (str(honor), "needs exactly one rdfs:label in Chinese (@zh)") in by_node
    assert any(f == str(indicator) and m.startswith("a period is") for f, m in by_node)


def test_validate_command(seed_output, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import kg

    ok = kg("validate", str(seed_output / "graph.ttl"))
    assert "conforms to ontology/shapes.ttl" in ok.stderr
    broken = tmp_path / "broken.ttl"
    text = (seed_output / "graph.ttl").read_text(encoding="utf-8")
    broken.write_text(text.replace('"4000000000"^^xsd:decimal', '"-4000000000"^^xsd:decimal'), encoding="utf-8")
    bad = kg("validate", str(broken), check=False)
    assert bad.returncode == 1
    assert "a total investment is a positive xsd:decimal in yuan" in bad.stdout
    assert bad.stderr.startswith("kg: error: ") and "violation" in bad.stderr
