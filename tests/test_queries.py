"""Every query of the library runs on the seeds and returns a row a reader can check."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import QueryError
from kg.outputs.query import find_query, library, rows, run

ROOT = Path(__file__).resolve().parents[1]

#: query name → (parameters, one expected row as {column: value})
EXPECTED: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "projects-by-investment": ({}, {"project": "富联科技5G终端精密制造项目", "investment_yi": "40",
                                    "zone": "济源高新区", "investor": "富联科技"}),
    "honors-by-recipient": ({}, {"recipient": "济源颐高互联网＋孵化园", "class": "Park",
                                 "honor": "河南省第九批创业孵化示范基地"}),
    "companies-and-projects": ({}, {"company": "诺迅电器",
                                    "project": "诺迅电器年产5万套智能化电气设备",
                                    "status": "inOperation"}),
    "parks-by-zone": ({}, {"zone": "济源高新区", "park": "济源颐高互联网＋孵化园", "reports": "2"}),
    "indicator-series": ({"metric": "工业增加值"}, {"zone_name": "济源高新区", "metric_name": "工业增加值",
                                                  "period": "2023", "value": "182.9",
                                                  "growth": "6.1", "kind": "actual"}),
    "targets-of-year": ({"year": "2023"}, {"zone": "济源高新区", "change": "新引进", "metric": "项目", "value": "25"}),
    "rankings-by-zone": ({}, {"zone": "郑州高新区", "rank": "第9位", "field": "16"}),
    "indicators-table": ({"zone": "济源高新区"}, {"metric_name": "实际利用外资", "value": "5077.76",
                                                 "unit": "万美元", "base_value": "50777600",
                                                 "base_unit": "USD"}),
    "multi-report-entities": ({}, {"entity": "富联科技", "class": "Company", "reports": "2"}),
    "projects-by-status": ({}, {"status": "underConstruction",
                                "project": "富联科技5G手机零组件智能化加工"}),
    "evidence": ({"label": "国友线缆项目"}, {"entity": "国友线缆项目",
                                            "reports": "000_a31e14f1e7f30bc0.txt"}),
    "zone-overview": ({"zone": "济源高新区"}, {"zone_name": "济源高新区", "reports": "3", "parks": "6"}),
    "reports": ({"zone": "济源高新区"}, {"file": "002_52764770c7a71443.txt", "title": "济源高新区2023年工作总结",
                                        "zone_name": "济源高新区", "period": "2023"}),
    "investment-by-investor": ({"investor": "富联科技"}, {"investor_name": "富联科技", "projects": "4",
                                                       "with_total": "1", "investment_yi": "40"}),
    "honors-by-level": ({"zone": "济源高新区"}, {"level": "national", "honor": "国家级绿色工厂"}),
    "people-by-zone": ({"zone": "郑州高新区"}, {"person": "张良才", "role": "人大工委主任"}),
    "companies-across-zones": ({"min": "1"}, {"company": "富联科技", "zones": "1", "reports": "2"}),
    "zones-by-growth": ({"metric": "一般公共预算收入", "period": "2023"},
                        {"zone_name": "济源高新区", "growth": "8", "value": "3.03", "unit": "亿元"}),
    "targets-and-actuals": ({"zone": "济源高新区"}, {"metric_name": "高新技术企业", "period": "2023", "target": "10",
                                                  "outcome": "13", "met": "yes"}),
    "latest-figures": ({"zone": "济源高新区"}, {"metric": "一般公共预算收入", "period": "2023", "value": "3.03"}),
    "new-in-latest-report": ({"zone": "济源高新区"}, {"report": "002_52764770c7a71443.txt", "class": "Cluster",
                                                   "entity": "济源钢产品深加工产业集群"}),
    "project-status-history": ({"zone": "济源高新区"}, {"project_name": "富联科技5G终端精密制造项目", "period": "2023",
                                                     "status": "inOperation", "previous": "", "advanced": ""}),
    "rankings-over-time": ({"zone": "济源高新区"}, {"assessment_name": "全省166家先进制造业开发区年度高质量发展考评",
                                                 "year": "2023", "position": "6", "field": "166"}),
}


def test_every_query_has_an_expectation() -> None:
    assert sorted(q.name for q in library()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_parameters_are_declared(name: str) -> None:
    params, _ = EXPECTED[name]
    assert set(params) <= set(find_query(name).params)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_returns_expected_row(seed_graph: Graph, name: str) -> None:
    params, expected = EXPECTED[name]
    header, body = rows(run(seed_graph, find_query(name), params))
    assert set(expected) <= set(header)
    found = [dict(zip(header, r, strict=True)) for r in body]
    assert any(all(row[k] == v for k, v in expected.items()) for row in found), found[:5]


@pytest.mark.parametrize("path", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_query_states_its_question(path: Path) -> None:
    comments = [line for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("#")]
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in line) for line in comments)
    assert any(line.isascii() and "?" in line for line in comments)


def test_parameters_filter(seed_graph: Graph) -> None:
    _, everything = rows(run(seed_graph, find_query("indicator-series")))
    _, one = rows(run(seed_graph, find_query("indicator-series"), {"metric": "工业增加值"}))
    assert 0 < len(one) < len(everything)


@pytest.mark.parametrize("name,params", [(n, p) for n, (p, _) in sorted(EXPECTED.items()) if p])
def test_each_parameter_narrows_or_keeps(seed_graph: Graph, name: str, params: dict[str, str]) -> None:
    _, everything = rows(run(seed_graph, find_query(name)))
    _, some = rows(run(seed_graph, find_query(name), params))
    assert 0 < len(some) <= len(everything)


def test_a_metric_is_found_by_its_concepts_name(seed_graph: Graph) -> None:
    """20亿元以上项目 and 50亿元以上项目 are both figures of the concept 亿元以上项目: asking for it finds them."""
    header, by_concept = rows(run(seed_graph, find_query("indicators-table"), {"metric": "亿元以上项目"}))
    written = {row[header.index("metric_name")] for row in by_concept}
    assert {"20亿元以上项目", "50亿元以上项目"} <= written


def test_an_undeclared_parameter_is_refused(seed_graph: Graph) -> None:
    with pytest.raises(QueryError, match=r"no parameter 'zon'.*zone"):
        run(seed_graph, find_query("indicator-series"), {"zon": "济源高新区"})


def test_a_number_parameter_takes_numbers_only(seed_graph: Graph) -> None:
    with pytest.raises(QueryError, match="takes a number"):
        run(seed_graph, find_query("companies-across-zones"), {"min": "two"})


#: Two reports on one zone: a project planned in 2022 is under construction in 2023-H1 and stays so in 2023.
HISTORY = """
@prefix zg: <https://w3id.org/zonegraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix : <https://example.org/> .
:z a zg:Zone ; rdfs:label "甲高新区"@zh .
:p a zg:Project ; rdfs:label "乙项目"@zh .
:d1 zg:reportsOn :z ; zg:period "2022" ; zg:fileName "a.txt" .
:d2 zg:reportsOn :z ; zg:period "2023-H1" ; zg:fileName "b.txt" .
:d3 zg:reportsOn :z ; zg:period "2023" ; zg:fileName "c.txt" .
:s1 zg:statusOf :p ; zg:status zg:planned ; zg:source :d1 .
:s2 zg:statusOf :p ; zg:status zg:underConstruction ; zg:source :d2 .
:s3 zg:statusOf :p ; zg:status zg:underConstruction ; zg:source :d3 .
"""


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_projects_status_history_says_when_it_advanced(tmp_path: Path, engine: str) -> None:
    import kg

    (tmp_path / "history.ttl").write_text(HISTORY, encoding="utf-8")
    header, body = kg.open(tmp_path / "history.ttl", engine=engine).rows("project-status-history")
    found = [[row[header.index(c)] for c in ("period", "status", "previous", "advanced")] for row in body]
    assert found == [["2022", "planned", "", ""], ["2023-H1", "underConstruction", "planned", "yes"],
                     ["2023", "underConstruction", "underConstruction", "same"]]
