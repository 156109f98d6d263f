"""The Oxigraph store answers every library query as rdflib does, through the library and the CLI.

Rows are compared as sorted lists: SPARQL leaves the order of unordered rows to
the engine.  One normalisation is needed, in :func:`normalise`: GROUP_CONCAT
joins its values in an order the standard leaves open (rdflib and Oxigraph list
the reports of ``evidence`` differently), so its columns are compared as sorted
token lists.  Numbers need none: both engines give the same lexical forms
(``40`` for 4000000000 / 100000000, ``182.9``, ``5077.76``) on the seeds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

from kg.outputs.query import NamedQuery, find_query, library, rows, run
from kg.outputs.store import is_store, load_store, open_store, run_query
from tests.conftest import kg
from tests.test_queries import EXPECTED

GROUP_CONCAT = re.compile(r"GROUP_CONCAT\s*\(.*?\)\s+AS\s+\?(\w+)", re.I | re.S)
CASES = sorted({(q.name, tuple(sorted(params.items())))
                for q in library() for params in ({}, EXPECTED.get(q.name, ({}, {}))[0])})


@pytest.fixture(scope="module")
def store_dir(seed_output: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("oxigraph") / "store"
    load_store(directory, seed_output / "graph.ttl")
    return directory


@pytest.fixture(scope="module")
def store(store_dir: Path) -> pyoxigraph.Store:
    return open_store(store_dir)


def normalise(query: NamedQuery, header: list[str], body: list[list[str]]) -> list[list[str]]:
    """Sorted rows, with GROUP_CONCAT cells as sorted tokens (their order is engine-defined).

    A concatenation may be renamed after it (COALESCE), so when a query has one, every cell
    is compared as its sorted tokens, split at spaces and at 、.
    """
    if not GROUP_CONCAT.search(query.text):
        return sorted(body)
    return sorted([" ".join(sorted(re.split(r"[\s、]+", cell))) for cell in row] for row in body)


def both(seed_graph: Graph, store: pyoxigraph.Store, query: NamedQuery,
         params: dict[str, str]) -> tuple[tuple[list[str], list[list[str]]], tuple[list[str], list[list[str]]]]:
    """The (header, normalised rows) of a query on rdflib and on the store."""
    header, body = rows(run(seed_graph, query, params))
    ox_header, ox_body = run_query(store, query.text, params)
    return (header, normalise(query, header, body)), (ox_header, normalise(query, ox_header, ox_body))


@pytest.mark.parametrize("name,params", CASES, ids=[f"{n}{'-' + '-'.join(v for _, v in p) if p else ''}"
                                                    for n, p in CASES])
def test_library_query_same_rows_on_both_stores(seed_graph: Graph, store: pyoxigraph.Store, name: str,
                                                params: tuple[tuple[str, str], ...]) -> None:
    expected, actual = both(seed_graph, store, find_query(name), dict(params))
    assert actual == expected
    assert expected[1], f"{name} returned no rows: the comparison proves nothing"


def test_parameters_filter_on_the_store(store: pyoxigraph.Store) -> None:
    query = find_query("indicator-series").text
    _, everything = run_query(store, query, {})
    _, one = run_query(store, query, {"metric": "工业增加值"})
    assert 0 < len(one) < len(everything)


@pytest.mark.parametrize("value", ["<https://w3id.org/zonegraph/ontology#Zone>", "2023", "45", "182.9", "济源高新区",
                                   '"} } DROP ALL #'])
def test_every_kind_of_value_binds_alike(seed_graph: Graph, store: pyoxigraph.Store, value: str) -> None:
    query = NamedQuery("(inline)", "SELECT ?s ?p WHERE { ?s ?p ?o FILTER (!BOUND(?x) || ?o = ?x || STR(?o) = ?x) }")
    expected, actual = both(seed_graph, store, query, {"x": value})
    assert actual == expected
    assert len(actual[1]) < len(seed_graph)


def test_hostile_value_is_a_value(store: pyoxigraph.Store) -> None:
    header, body = run_query(store, find_query("evidence").text, {"label": '"} } DROP ALL #'})
    assert header == ["entity", "evidence", "reports"] and body == []
    assert run_query(store, "ASK { ?s ?p ?o }", {}) == (["ask"], [["true"]])


def test_load_replaces_the_store(store_dir: Path, seed_graph: Graph, seed_output: Path, tmp_path: Path) -> None:
    target = tmp_path / "again"
    assert load_store(target, seed_output / "graph.ttl") == len(seed_graph)
    assert load_store(target, seed_output / "graph.ttl") == len(seed_graph)
    assert is_store(target) and sorted(p.name for p in tmp_path.iterdir()) == ["again"]
    assert run_query(open_store(target), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", {})[1] == [[str(len(seed_graph))]]


def test_load_refuses_a_folder_that_is_not_a_store(seed_output: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    proc = kg("store", "load", str(tmp_path), "-g", str(seed_output / "graph.ttl"), check=False)
    assert proc.returncode == 2 and "is not an Oxigraph store" in proc.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_cli_query_store_builds_then_reuses(seed_output: Path, tmp_path: Path) -> None:
    graph = str(seed_output / "graph.ttl")
    directory = str(tmp_path / "store")
    turtle = kg("query", "projects-by-investment", "-g", graph, "-f", "csv")
    first = kg("query", "projects-by-investment", "--store", directory, "-g", graph, "-f", "csv")
    assert "built it from" in first.stderr
    assert first.stdout == turtle.stdout and "富联科技5G终端精密制造项目,40," in first.stdout
    second = kg("query", "projects-by-investment", "--store", directory, "-f", "csv", "-g", "missing.ttl")
    assert second.stderr == "" and second.stdout == turtle.stdout


def test_cli_query_store_with_parameter_and_table(seed_output: Path, store_dir: Path) -> None:
    graph = str(seed_output / "graph.ttl")
    args = ("query", "indicator-series", "--param", "metric=工业增加值")
    assert kg(*args, "--store", str(store_dir)).stdout == kg(*args, "-g", graph).stdout
    loaded = kg("store", "load", str(store_dir.parent / "cli-store"), "-g", graph)
    assert loaded.stderr.startswith(f"{len(Graph().parse(graph))} triples from")


def test_cli_query_store_errors_are_one_line(tmp_path: Path) -> None:
    missing = kg("query", "parks-by-zone", "--store", str(tmp_path / "none"), "-g", str(tmp_path / "x.ttl"),
                 check=False)
    assert missing.returncode == 2 and missing.stderr.startswith("kg: error: no Oxigraph store")
    assert "Traceback" not in missing.stderr and missing.stderr.count("\n") == 1
