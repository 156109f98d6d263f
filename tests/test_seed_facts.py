"""Facts a reader of the seeds can verify, checked by SPARQL over the CLI's output."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph

from kg.outputs.query import NamedQuery, run


def select(graph: Graph, text: str) -> list[tuple]:  # type: ignore[type-arg]
    return [tuple(row) for row in run(graph, NamedQuery("test", text))]


def ask(graph: Graph, text: str) -> bool:
    return bool(run(graph, NamedQuery("test", text)).askAnswer)


def test_foxconn_project_investment_and_investor(seed_graph: Graph) -> None:
    rows = select(seed_graph, """
        SELECT ?v ?investor WHERE {
          ?p a zg:Project ; rdfs:label "富联科技5G终端精密制造项目"@zh ;
             zg:totalInvestment ?v ; zg:investor/rdfs:label ?investor .
        }""")
    assert [(r[0].toPython(), str(r[1])) for r in rows] == [(Decimal(4000000000), "富联科技")]


def test_jiyuan_zone_honor(seed_graph: Graph) -> None:
    assert ask(seed_graph, """
        ASK { ?h a zg:Honor ; rdfs:label "2023年度河南省数字化转型示范区"@zh ;
                 zg:awardedTo ?z ; zg:year "2023"^^xsd:gYear .
              ?z a zg:Zone ; rdfs:label "济源高新区"@zh . }""")


def test_zhengzhou_is_a_zone(seed_graph: Graph) -> None:
    assert ask(seed_graph, 'ASK { ?z a zg:Zone ; rdfs:label "郑州高新区"@zh }')


def test_group_total_is_not_a_project_investment(seed_graph: Graph) -> None:
    rows = select(seed_graph, """
        SELECT ?p WHERE { ?p a zg:Project ; rdfs:label "轴承滚动体"@zh }""")
    assert len(rows) == 1, "轴承滚动体 is extracted as a project"
    assert not ask(seed_graph, """
        ASK { ?p rdfs:label "轴承滚动体"@zh ; zg:totalInvestment ?v }""")


@pytest.mark.parametrize("label", ["中钢集团年产4万吨汽车用高品质弹性材料", "爱克莱特北方基地",
                                   "上汽河南总部基地项目"])
def test_no_group_total_on_listed_projects(seed_graph: Graph, label: str) -> None:
    assert ask(seed_graph, f'ASK {{ ?p a zg:Project ; rdfs:label "{label}"@zh }}')
    assert not ask(seed_graph, f'ASK {{ ?p rdfs:label "{label}"@zh ; zg:totalInvestment ?v }}')


def test_no_investment_from_masked_figures(seed_graph: Graph) -> None:
    rows = select(seed_graph, """
        SELECT ?label ?e WHERE { ?p zg:totalInvestment ?v ; rdfs:label ?label ; zg:evidence ?e }""")
    assert rows, "some projects carry a total investment"
    for label, evidence in rows:
        assert "*" not in str(evidence), f"{label} took its investment from a masked sentence"


def test_masked_report_yields_no_numbers(seed_graph: Graph) -> None:
    rows = select(seed_graph, """
        SELECT ?v ?e WHERE { ?i a zg:Indicator ; zg:value ?v ; zg:evidence ?e ;
                                zg:source/zg:fileName "003_6ddbd0ce653874c8.txt" }""")
    for value, evidence in rows:
        assert "*" not in str(evidence), f"indicator {value} comes from a masked sentence"


def test_indicator_with_period_growth_and_estimate(seed_graph: Graph) -> None:
    rows = select(seed_graph, """
        SELECT ?period ?growth ?est WHERE {
          ?i a zg:Indicator ; zg:metric "工业增加值"@zh ; zg:value 182.5 ;
             zg:growthRate ?growth ; zg:period ?period ; zg:estimated ?est .
        }""")
    assert [(str(p), g.toPython(), e.toPython()) for p, g, e in rows] == [
        ("2022-01/2022-09", Decimal("15.5"), False)
    ]
    assert ask(seed_graph, """
        ASK { ?i zg:metric "工业总产值"@zh ; zg:value ?v ; zg:estimated true ; zg:period "2022" FILTER (?v = 900) }""")


@pytest.mark.parametrize("word", ["荣获", "高质量发展", "党风廉政", "习近平", "示范区"])
def test_slogans_and_verbs_are_not_entities(seed_graph: Graph, word: str) -> None:
    assert not ask(seed_graph, f'ASK {{ ?e rdfs:label "{word}"@zh }}')


def test_every_entity_has_one_zh_label_and_a_document(seed_graph: Graph) -> None:
    rows = select(seed_graph, """
        SELECT ?e (COUNT(?l) AS ?n) WHERE {
          ?e a ?c . FILTER (STRSTARTS(STR(?c), STR(zg:)) && ?c != zg:Document)
          ?e rdfs:label ?l . FILTER (LANG(?l) = "zh")
          FILTER NOT EXISTS { ?e zg:mentionedIn ?d } } GROUP BY ?e""")
    assert rows == []
    rows = select(seed_graph, """
        SELECT ?e WHERE { ?e a ?c . FILTER (STRSTARTS(STR(?c), STR(zg:)))
          OPTIONAL { ?e rdfs:label ?l FILTER (LANG(?l) = "zh") } }
        GROUP BY ?e HAVING (COUNT(?l) != 1)""")
    assert rows == []


def test_projects_honors_indicators_carry_evidence_and_source(seed_graph: Graph) -> None:
    rows = select(seed_graph, """
        SELECT ?e WHERE { VALUES ?c { zg:Project zg:Honor zg:Indicator } ?e a ?c .
          FILTER NOT EXISTS { ?e zg:evidence ?s ; zg:source ?d . ?d a zg:Document } }""")
    assert rows == []


def test_document_metadata(seed_graph: Graph) -> None:
    rows = select(seed_graph, """
        SELECT ?name ?title ?period ?zone WHERE {
          ?d a zg:Document ; zg:fileName ?name ; dcterms:title ?title ; zg:contentHash ?h ;
             zg:reportsOn/rdfs:label ?zone .
          OPTIONAL { ?d zg:period ?period } } ORDER BY ?name""")
    assert len(rows) == 5
    assert (str(rows[2][1]), str(rows[2][2]), str(rows[2][3])) == (
        "济源高新区2023年工作总结", "2023", "济源高新区")
    assert (str(rows[1][2])) == "2023-H1"
