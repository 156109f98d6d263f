"""``kg serve`` as a real process on a loopback port, queried over HTTP with urllib."""

from __future__ import annotations

import csv
import html
import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from kg.outputs.query import find_query, library, rows, run
from tests.conftest import ROOT

#: Talk to 127.0.0.1 directly, whatever proxy the environment names.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
TIMEOUT_S = 3
MAX_ROWS = 500


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, dict[str, str], str]:
    """Status, headers and text of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8")


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Poll ``url`` until it answers; fail with the server's stderr if it dies or never answers."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited ({process.returncode}): {log.read_text(encoding='utf-8')}")
        try:
            with OPENER.open(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    pytest.fail(f"server did not answer within 60 s: {log.read_text(encoding='utf-8')}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate a server process and reap it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def endpoint(seed_output: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "stderr.txt"
    with log.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--port", str(port), "-g", str(seed_output / "graph.ttl"),
             "--timeout", str(TIMEOUT_S), "--max-rows", str(MAX_ROWS)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
    assert "kg: server stopped" in log.read_text(encoding="utf-8")


def local(seed_graph: Graph, name: str) -> tuple[list[str], list[list[str]]]:
    """A library query's header and sorted rows on the local rdflib graph."""
    header, body = rows(run(seed_graph, find_query(name)))
    return header, sorted(body)


def from_json(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and sorted rows of a SPARQL JSON result (values only)."""
    doc = json.loads(text)
    names = doc["head"]["vars"]
    return names, sorted([b.get(n, {}).get("value", "") for n in names] for b in doc["results"]["bindings"])


def form(**fields: str) -> bytes:
    return urllib.parse.urlencode(fields).encode("utf-8")


def test_get_library_query_matches_local(endpoint: str, seed_graph: Graph) -> None:
    query = find_query("projects-by-investment").text
    status, headers, text = http(f"{endpoint}/sparql?{urllib.parse.urlencode({'query': query})}")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert from_json(text) == local(seed_graph, "projects-by-investment")
    assert ["富联科技5G终端精密制造项目", "40"] in [row[:2] for row in from_json(text)[1]]


def test_post_form_and_sparql_query_match_local(endpoint: str, seed_graph: Graph) -> None:
    status, _, text = http(f"{endpoint}/sparql", form(query=find_query("parks-by-zone").text))
    assert status == 200 and from_json(text) == local(seed_graph, "parks-by-zone")
    status, _, text = http(f"{endpoint}/sparql", find_query("indicator-series").text.encode("utf-8"),
                           {"Content-Type": "application/sparql-query"})
    assert status == 200 and from_json(text) == local(seed_graph, "indicator-series")


@pytest.mark.parametrize("how", ["accept", "format"])
def test_csv_output(endpoint: str, seed_graph: Graph, how: str) -> None:
    fields = {"query": find_query("honors-by-recipient").text}
    headers = {"Accept": "text/csv"} if how == "accept" else {}
    if how == "format":
        fields["format"] = "csv"
    status, got, text = http(f"{endpoint}/sparql", form(**fields), headers)
    assert status == 200 and got["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(text)))
    assert (table[0], sorted(table[1:])) == local(seed_graph, "honors-by-recipient")


def test_tsv_and_ask(endpoint: str) -> None:
    status, headers, text = http(f"{endpoint}/sparql", form(query="SELECT ?z WHERE { ?z a zg:Zone } LIMIT 1"),
                                 {"Accept": "text/tab-separated-values"})
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert text.startswith("?z\n<https://w3id.org/zonegraph/id/zone/")
    assert http(f"{endpoint}/sparql", form(query="ASK { ?z a zg:Zone }"))[2] == '{"head": {}, "boolean": true}'


@pytest.mark.parametrize("request_kind", ["update-field", "update-body", "insert-query", "prefixed-drop"])
def test_updates_are_forbidden(endpoint: str, request_kind: str) -> None:
    insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    data, headers = {
        "update-field": (form(update=insert), {}),
        "update-body": (insert.encode(), {"Content-Type": "application/sparql-update"}),
        "insert-query": (form(query=insert), {}),
        "prefixed-drop": (form(query="# wipe\nPREFIX ex: <urn:x#>\nDROP ALL"), {}),
    }[request_kind]
    status, _, text = http(f"{endpoint}/sparql", data, headers)
    assert status == 403 and "read-only" in text
    assert http(f"{endpoint}/sparql", form(query="ASK { <urn:a> <urn:b> <urn:c> }"))[2].endswith("false}")


def test_over_long_queries_are_refused(endpoint: str) -> None:
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 100_000
    status, _, text = http(f"{endpoint}/sparql", long_query.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413 and "100,000" in text
    status, _, text = http(f"{endpoint}/sparql", form(query=long_query))
    assert status == 413
    status, _, text = http(f"{endpoint}/sparql?{urllib.parse.urlencode({'query': long_query})}")
    assert status in (413, 414) and "POST" in text


def test_malformed_query_is_400_with_the_parser_message(endpoint: str) -> None:
    status, headers, text = http(f"{endpoint}/sparql", form(query="SELECT ?x WHERE { ?x ?p }"))
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert "syntax error" in text and "error at 1:" in text
    assert http(f"{endpoint}/sparql")[0] == 400


def test_service_and_too_many_rows_are_refused(endpoint: str) -> None:
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    assert http(f"{endpoint}/sparql", form(query=service))[0] == 403
    status, _, text = http(f"{endpoint}/sparql", form(query="SELECT * WHERE { ?s ?p ?o }"))
    assert status == 413 and f"more than {MAX_ROWS} rows" in text


def test_cors_header_and_preflight(endpoint: str) -> None:
    _, headers, _ = http(f"{endpoint}/sparql?{urllib.parse.urlencode({'query': 'ASK {}'})}")
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = http(f"{endpoint}/sparql", method="OPTIONS",
                              headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert http(f"{endpoint}/sparql", form(query="nonsense"))[1]["Access-Control-Allow-Origin"] == "*"


def test_page_lists_the_query_library(endpoint: str) -> None:
    status, headers, text = http(f"{endpoint}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert '<form action="/sparql"' in text and "<script" not in text
    for named in library():
        assert f"<code>{named.name}</code>" in text and html.escape(named.question) in text
    assert http(f"{endpoint}/elsewhere")[0] == 404


def test_slow_query_is_503_and_the_server_goes_on(endpoint: str) -> None:
    """Last on purpose: the stopped query may go on using a core until the server ends."""
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    status, _, text = http(f"{endpoint}/sparql", form(query=slow))
    assert status == 503 and "took longer than" in text
    assert time.monotonic() - started < TIMEOUT_S + 5
    assert http(f"{endpoint}/sparql", form(query="ASK { ?s ?p ?o }"))[0] == 200
