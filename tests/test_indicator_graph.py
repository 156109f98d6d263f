"""Indicators, targets and rankings as comparable observations in the seeds' graph."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.extract.patterns import METRIC_CONCEPTS
from kg.namespace import METRIC
from kg.outputs.query import NamedQuery, find_query, rows, run
from tests.conftest import ROOT, kg


def table(graph: Graph, name: str, **params: str) -> list[dict[str, str]]:
    header, body = rows(run(graph, find_query(name), params))
    return [dict(zip(header, r, strict=True)) for r in body]


def test_time_series_of_jiyuan(seed_graph: Graph) -> None:
    found = table(seed_graph, "indicator-series", zone="济源高新区", metric="工业增加值")
    assert [(r["value"], r["unit"], r["period"], r["kind"], r["growth"]) for r in found] == [
        ("182.5", "亿元", "2022-01/2022-09", "actual", "15.5"),
        ("250", "亿元", "2022", "estimate", "14"),
        ("82", "亿元", "2023-H1", "estimate", "9"),
        ("182.9", "亿元", "2023", "actual", "6.1"),
    ]


def test_normalised_metric_and_base_unit(seed_graph: Graph) -> None:
    found = [tuple(str(v) for v in r) for r in run(seed_graph, NamedQuery("t", """
        SELECT ?base ?unit WHERE { ?i zg:normalizedMetric metric:foreignCapitalUsed ;
                                      zg:value 5077.76 ; zg:baseValue ?base ; zg:baseUnit ?unit }"""))]
    assert found == [("50777600", "USD")]


def test_masked_report_has_no_observations_from_masks(seed_graph: Graph) -> None:
    found = table(seed_graph, "indicators-table")
    masked = [r for r in found if r["report"].startswith("003_")]
    assert all("*" not in r["evidence"] for r in masked)


def test_group_totals_are_zone_indicators(seed_graph: Graph) -> None:
    found = table(seed_graph, "indicators-table", zone="济源高新区")
    assert {"metric_name": "总投资", "value": "254.4", "period": "2023"} in [
        {k: r[k] for k in ("metric_name", "value", "period")} for r in found]


def test_targets(seed_graph: Graph) -> None:
    found = table(seed_graph, "targets-of-year", year="2023")
    assert {"zone": "济源高新区", "change": "新引进", "metric": "项目", "value": "25", "unit": "个",
            "period": "2023"} in [{k: r[k] for k in ("zone", "change", "metric", "value", "unit", "period")} for r in found]


def test_rankings(seed_graph: Graph) -> None:
    found = table(seed_graph, "rankings-by-zone")
    assert {"zone": "济源高新区", "assessment": "全省45家经开区", "rank": "第三位", "position": "3",
            "field": "45", "year": "2023"} in [{k: r[k] for k in ("zone", "assessment", "rank", "position",
                                                                   "field", "year")} for r in found]


def test_indicators_command_csv(seed_output: Path) -> None:
    out = kg("indicators", "-z", "郑州高新区", "-f", "csv", "-g", str(seed_output / "graph.ttl")).stdout
    lines = out.splitlines()
    assert lines[0].startswith("zone_name,change,metric_name,normalized,period,qualifier,value,unit,base_value")
    assert all(line.startswith("郑州高新区,") for line in lines[1:]) and len(lines) > 5


def test_metric_scheme_matches_the_extractor() -> None:
    scheme = Graph().parse(ROOT / "ontology" / "metrics.ttl")
    for concept, forms in METRIC_CONCEPTS.items():
        labels = {str(o) for o in scheme.objects(METRIC[concept], SKOS.prefLabel)}
        alts = {str(o) for o in scheme.objects(METRIC[concept], SKOS.altLabel)}
        assert forms[0] in labels and len(labels) == 2, concept
        assert set(forms[1:]) == alts, concept
