"""The kg command end to end: build, determinism, query, export, stats and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

from tests.conftest import SEEDS, kg


def test_build_writes_graph_and_html(seed_output: Path) -> None:
    assert (seed_output / "graph.ttl").stat().st_size > 1000
    html = (seed_output / "graph.html").read_text(encoding="utf-8")
    assert "富联科技" in html


def test_build_is_byte_identical(seed_output: Path, tmp_path: Path) -> None:
    kg("build", str(SEEDS), "-o", str(tmp_path), "--quiet", "--no-html")
    assert (tmp_path / "graph.ttl").read_bytes() == (seed_output / "graph.ttl").read_bytes()


def test_build_validate_checks_shapes_and_writes_the_same(seed_output: Path, tmp_path: Path) -> None:
    proc = kg("build", str(SEEDS), "-o", str(tmp_path), "--quiet", "--no-html", "--validate")
    assert "violations" not in proc.stderr
    assert (tmp_path / "graph.ttl").read_bytes() == (seed_output / "graph.ttl").read_bytes()


def test_build_summary_counts_classes(tmp_path: Path) -> None:
    proc = kg("build", str(SEEDS), "-o", str(tmp_path), "--no-html")
    assert proc.stdout == ""
    assert "5 reports" in proc.stderr
    assert "zg:Project" in proc.stderr


def test_graph_parses_with_oxigraph(seed_output: Path, seed_graph: Graph) -> None:
    with (seed_output / "graph.ttl").open("rb") as handle:
        quads = list(pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(seed_graph) > 500


def test_query_named_table(seed_output: Path) -> None:
    proc = kg("query", "projects-by-investment", "-g", str(seed_output / "graph.ttl"))
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:2] == ["project", "investment_yi"]
    assert "富联科技5G终端精密制造项目" in lines[2]


def test_query_json_and_csv(seed_output: Path) -> None:
    graph = str(seed_output / "graph.ttl")
    as_json = json.loads(kg("query", "SELECT ?z WHERE { ?z a zg:Zone }", "-g", graph,
                            "-f", "json").stdout)
    assert len(as_json["results"]["bindings"]) >= 2
    as_csv = kg("query", "queries/parks-by-zone.rq", "-g", graph, "-f", "csv").stdout
    assert as_csv.splitlines()[0] == "zone,park,reports"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "SELECT ?x WHERE { ?x a zg:Zone "], "SPARQL syntax error in (inline) at line 1"),
        (["query", "no-such-query"], "no query named 'no-such-query'"),
        (["query", "projects-by-investment", "-g", "missing.ttl"], "graph file not found"),
        (["query", "INSERT DATA { <a:b> <a:c> <a:d> }"], "update requests are not allowed"),
    ],
)
def test_query_errors_are_one_line(seed_output: Path, args: list[str], message: str) -> None:
    if "-g" not in args:
        args = [*args, "-g", str(seed_output / "graph.ttl")]
    proc = kg(*args, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg: error: ")
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_invalid_turtle_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <x> . :a :b", encoding="utf-8")
    proc = kg("stats", "-g", str(bad), check=False)
    assert proc.returncode == 2
    assert "is not valid turtle" in proc.stderr and "Traceback" not in proc.stderr


def test_build_missing_input_is_one_line(tmp_path: Path) -> None:
    proc = kg("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"), check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"kg: error: input not found: {tmp_path / 'nope'} " \
        "(give a report file or a folder of them)"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "trig"])
def test_export_round_trips(seed_output: Path, seed_graph: Graph, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    kg("export", "-f", fmt, "-o", str(out), "-g", str(seed_output / "graph.ttl"))
    parse_as = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}[fmt]
    if fmt == "trig":
        from rdflib import Dataset

        dataset = Dataset()
        dataset.parse(out, format="trig")
        assert len(dataset) == len(seed_graph)
        assert len(list(dataset.graphs())) > 5
    else:
        assert len(Graph().parse(out, format=parse_as)) == len(seed_graph)


def test_stats_lists_classes(seed_output: Path) -> None:
    out = kg("stats", "-g", str(seed_output / "graph.ttl")).stdout
    assert "zg:Zone" in out and "zg:totalInvestment" in out


def test_help_teaches() -> None:
    out = kg("--help").stdout
    for command in ("build", "query", "queries", "export", "stats", "view"):
        assert command in out
    assert "kg query" in kg("query", "--help").stdout


def test_queries_lists_library() -> None:
    out = kg("queries").stdout
    assert "projects-by-investment" in out and "Which projects" in out


def test_query_does_not_load_jieba(seed_output: Path) -> None:
    code = (
        "import sys; from kg.cli import main\n"
        "sys.argv=['kg','query','ASK { ?s ?p ?o }','-g',sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'jieba' not in sys.modules, 'jieba was imported'\n"
    )
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", code, str(seed_output / "graph.ttl")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "true" in proc.stdout
