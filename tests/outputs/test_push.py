"""``kg push`` against a real Oxigraph server (the ``oxigraph`` package of the test extra) on loopback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import kg
from tests.outputs.test_serve import free_port, http, stop, wait_until_up

GRAPH = "https://w3id.org/zonegraph/graph/seeds"
PROJECT = "富联科技5G终端精密制造项目"
INVESTMENT = f"""PREFIX zg: <https://w3id.org/zonegraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?yuan WHERE {{ GRAPH <{GRAPH}> {{ ?p rdfs:label "{PROJECT}"@zh ; zg:totalInvestment ?yuan }} }}"""


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command installed beside this Python (pip install oxigraph), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed: pip install -e '.[test]'")
    port = free_port()
    work = tmp_path_factory.mktemp("oxigraph-server")
    log = work / "log.txt"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "serve", "--location", str(work / "db"), "--bind", f"127.0.0.1:{port}"],
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """``kg push`` runs in a subprocess: keep its loopback traffic away from any configured proxy."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def remote(server: str, query: str) -> list[dict[str, dict[str, str]]]:
    """Bindings of a query POSTed to the Oxigraph server's /query endpoint."""
    status, _, text = http(f"{server}/query", query.encode("utf-8"),
                           {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert status == 200, text
    return json.loads(text)["results"]["bindings"]


def count(server: str, graph: str | None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    return int(remote(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")[0]["n"]["value"])


def test_push_replaces_the_named_graph(oxigraph: str, seed_output: Path, seed_graph: Graph) -> None:
    graph_file = str(seed_output / "graph.ttl")
    for _ in range(2):  # the second push replaces the graph: the count stays the same
        proc = kg("push", "--endpoint", f"{oxigraph}/store", "--graph", GRAPH, "-g", graph_file)
        assert proc.stdout == "" and GRAPH in proc.stderr
        assert count(oxigraph, GRAPH) == len(seed_graph)
    assert count(oxigraph, None) == 0
    local = [str(row[0]) for row in seed_graph.query(INVESTMENT.replace(f"GRAPH <{GRAPH}>", ""))]
    assert [b["yuan"]["value"] for b in remote(oxigraph, INVESTMENT)] == local == ["4000000000"]


def test_push_to_the_default_graph(oxigraph: str, seed_output: Path, seed_graph: Graph) -> None:
    kg("push", "--endpoint", f"{oxigraph}/store", "-g", str(seed_output / "graph.ttl"))
    assert count(oxigraph, None) == len(seed_graph)


def test_push_errors_are_one_line(oxigraph: str, seed_output: Path) -> None:
    graph_file = str(seed_output / "graph.ttl")
    refused = kg("push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "-g", graph_file, check=False)
    assert refused.returncode == 1 and refused.stderr.startswith("kg: error: cannot reach")
    status = kg("push", "--endpoint", f"{oxigraph}/no-such-service", "--graph", GRAPH, "-g", graph_file,
                check=False)
    assert status.returncode == 1 and "HTTP 404" in status.stderr
    for proc in (refused, status):
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_push_needs_an_absolute_graph_iri(seed_output: Path) -> None:
    proc = kg("push", "--endpoint", "http://127.0.0.1:9/store", "--graph", "seeds", "-g",
              str(seed_output / "graph.ttl"), check=False)
    assert proc.returncode == 1 and "absolute IRI" in proc.stderr
