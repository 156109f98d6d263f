"""One node per real thing across the seeds: counts checked by a reader of the five reports.

The seeds are three reports about 济源高新区 (000 names no city: its zone comes from
seeds/metadata.csv; 001 names 济源 in passing; 002 names the zone in its title), one
about 郑州高新区 (004) and one whose zone is masked (003).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.outputs.query import NamedQuery, run
from tests.conftest import SEEDS, kg


def rows(graph: Graph, text: str) -> list[tuple[str, ...]]:
    return [tuple(str(v) for v in row) for row in run(graph, NamedQuery("t", text))]


def test_zones(seed_graph: Graph) -> None:
    found = rows(seed_graph, """
        SELECT ?label (COUNT(DISTINCT ?d) AS ?n) WHERE {
          ?z a zg:Zone ; rdfs:label ?label ; zg:mentionedIn ?d } GROUP BY ?z ?label ORDER BY ?label""")
    assert found == [("济源高新区", "3"), ("郑州高新区", "1"), ("高新区（高新区2022年经济社会发展总结）", "1")]
    reports = rows(seed_graph, """
        SELECT ?file WHERE { ?d zg:reportsOn/rdfs:label "济源高新区"@zh ; zg:fileName ?file } ORDER BY ?file""")
    assert [r[0][:3] for r in reports] == ["000", "001", "002"]


def test_company_full_and_short_name_are_one(seed_graph: Graph) -> None:
    found = rows(seed_graph, """
        SELECT ?label ?alt WHERE { ?c a zg:Company ; rdfs:label ?label ; skos:altLabel ?alt .
                                   FILTER (CONTAINS(STR(?label), "金源氢化")) }""")
    assert found == [("河南金源氢化化工股份有限公司", "金源氢化")]


def test_incubator_spellings_are_one_park(seed_graph: Graph) -> None:
    found = rows(seed_graph, """
        SELECT ?p (GROUP_CONCAT(DISTINCT STR(?name); separator="|") AS ?names) WHERE {
          ?p a zg:Park ; rdfs:label|skos:altLabel ?name . FILTER (CONTAINS(STR(?name), "孵化园")) }
        GROUP BY ?p""")
    assert len(found) == 1
    assert set(found[0][1].split("|")) == {"济源颐高互联网＋孵化园", "济源互联网+孵化园"}


def test_same_name_in_different_zones_stays_apart(seed_graph: Graph) -> None:
    found = rows(seed_graph, """
        SELECT ?zone WHERE { ?p a zg:Park ; rdfs:label "化工园区"@zh ; zg:locatedIn/rdfs:label ?zone }""")
    assert found == [("济源高新区",)]


def test_entity_counts(seed_graph: Graph) -> None:
    counts = dict(rows(seed_graph, """
        SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c"""))
    zg = "https://w3id.org/zonegraph/ontology#"
    assert counts[zg + "Zone"] == "3"
    assert counts[zg + "Document"] == "5"


def test_multi_report_query_returns_merged_entities(seed_graph: Graph) -> None:
    from kg.outputs.query import find_query

    found = {(r[0], r[1]) for r in rows(seed_graph, find_query("multi-report-entities").text)}
    assert {("济源高新区", "Zone"), ("富联科技", "Company"), ("化工园区", "Park"),
            ("济源颐高互联网＋孵化园", "Park")} <= found


def test_resolution_log_is_written(seed_output: Path) -> None:
    lines = (seed_output / "resolution.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "document\tsurface\tclass\tiri\trule"
    assert any(line.endswith("\tshort-name") and "\t金源氢化\t" in line for line in lines)
    assert any("own-zone:metadata" in line and line.startswith("000_") for line in lines)


@pytest.mark.parametrize("bad", ["金源氢化\tFirm\tX\n", "only two\tfields\n"])
def test_alias_file_errors_are_one_line(tmp_path: Path, bad: str) -> None:
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text(bad, encoding="utf-8")
    proc = kg("build", str(SEEDS), "-o", str(tmp_path / "out"), "--no-html", "--aliases", str(aliases),
              check=False)
    assert proc.returncode == 1 and proc.stderr.startswith(f"kg: error: {aliases}:1: ")


def test_alias_file_overrides_rules(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# surface\tclass\tcanonical\n富联科技\tCompany\t富士康工业互联网股份有限公司\n",
                       encoding="utf-8")
    kg("build", str(SEEDS), "-o", str(tmp_path), "--no-html", "--aliases", str(aliases))
    graph = Graph().parse(tmp_path / "graph.ttl")
    found = rows(graph, """SELECT ?alt WHERE { ?c rdfs:label "富士康工业互联网股份有限公司"@zh ;
                                                   skos:altLabel ?alt }""")
    assert found == [("富联科技",)]
    assert "alias-file" in (tmp_path / "resolution.tsv").read_text(encoding="utf-8")


def test_iris_stable_when_an_unrelated_report_is_added(tmp_path: Path, seed_graph: Graph) -> None:
    extra = tmp_path / "in"
    extra.mkdir()
    for path in SEEDS.iterdir():
        (extra / path.name).write_bytes(path.read_bytes())
    (extra / "zz_other.txt").write_text("甲市经开区2024年工作总结\n甲市经开区实现营业收入9亿元，同比增长3%。",
                                        encoding="utf-8")
    kg("build", str(extra), "-o", str(tmp_path / "out"), "--no-html")
    bigger = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert set(seed_graph) <= set(bigger)


def test_a_target_is_linked_to_its_outcome_in_a_later_report(seed_graph: Graph) -> None:
    """001 sets 2023's target of new high-tech firms (10); 002 reports 13. A group's 总投资 is never paired."""
    found = rows(seed_graph, """
        SELECT ?metric ?target ?outcome ?from ?to WHERE {
          ?t zg:outcome ?a ; zg:metric ?metric ; zg:value ?target ; zg:source/zg:fileName ?from .
          ?a zg:value ?outcome ; zg:source/zg:fileName ?to } ORDER BY ?metric""")
    assert [(m, t, o, f[:3], to[:3]) for m, t, o, f, to in found] == [("高新技术企业", "10", "13", "001", "002")]
