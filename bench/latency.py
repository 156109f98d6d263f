"""Query latency of the library on a large graph: each query with its parameters set, and without.

Usage: ``python bench/latency.py GRAPH.ttl [STORE_DIR]`` prints a Markdown table; ``bench/run.py``
calls it on the 10,000-report graph.  The on-disk store is what ``kg query --store`` and
``kg serve --store`` query; the in-memory store is what ``kg serve -g`` and
``kg.open(path, engine="oxigraph")`` query.

Parameter values come from the graph itself: for each parameter, its values are ranked by
how many rows they select (figures of a zone, projects of an investor, …), and the query is
timed with a *busy* value (the 90th percentile: more data than nine values in ten) and with
the *heaviest* one.  Without parameters, a query that takes more than a second is also timed
for its first page, as ``kg query`` reads it by default (``--limit 100``), and for a page of
1,000: a query whose rows are sorted by a label parameter first (``# pages by: zone``) runs for a
few values at a time until the page is full.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from kg.api import ZoneGraph  # noqa: E402
from kg.cli_query import DEFAULT_LIMIT  # noqa: E402
from kg.outputs.query import NamedQuery, library  # noqa: E402
from kg.outputs.store import execute, load_store, open_store, term_text  # noqa: E402

#: Parameter → a query ranking its values by the rows they select, fewest first.
SAMPLES = {
    "zone": "SELECT (STR(?l) AS ?v) (COUNT(?i) AS ?n) WHERE { ?i zg:observedFor ?z . ?z rdfs:label ?l } GROUP BY ?l",
    "metric": "SELECT (STR(?m) AS ?v) (COUNT(?i) AS ?n) WHERE { ?i zg:metric ?m } GROUP BY ?m",
    "label": "SELECT (STR(?l) AS ?v) (COUNT(?s) AS ?n) WHERE { ?e rdfs:label ?l ; zg:evidence ?s } GROUP BY ?l",
    "investor": "SELECT (STR(?l) AS ?v) (COUNT(?p) AS ?n) WHERE { ?p zg:investor ?c . ?c rdfs:label ?l } GROUP BY ?l",
    "period": "SELECT (STR(?p) AS ?v) (COUNT(?i) AS ?n) WHERE { ?i zg:period ?p ; zg:growthRate [] } GROUP BY ?p",
    "year": "SELECT ?v (COUNT(?i) AS ?n) WHERE { ?i zg:kind zg:target ; zg:period ?p BIND (SUBSTR(STR(?p), 1, 4) "
            "AS ?v) } GROUP BY ?v",
    "assessment": "SELECT (STR(?a) AS ?v) (COUNT(?r) AS ?n) WHERE { ?r zg:assessment ?a } GROUP BY ?a",
    "min": "SELECT (2 AS ?v) (1 AS ?n) WHERE {}",
}
PAGE = 1000
SLOW = 1.0


def values(store: ox.Store, name: str) -> tuple[str, str]:
    """The busy (90th percentile) and the heaviest value of a parameter."""
    ranked = sorted((int(term_text(r["n"])), term_text(r["v"])) for r in execute(store, SAMPLES[name]))
    if not ranked:  # a small graph may have no value at all: time the query selecting nothing
        return "-", "-"
    return ranked[int(0.9 * (len(ranked) - 1))][1], ranked[-1][1]


def timed(store: ox.Store, text: str, params: dict[str, str], runs: int = 5) -> tuple[float, int]:
    """Median seconds of a query (fewer runs when one takes long) and its number of rows."""
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = sum(1 for _ in execute(store, text, params))  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
        if times[-1] > 5:
            break
    return statistics.median(times), rows


def paged(store: ox.Store, named: NamedQuery, limit: int, runs: int = 5) -> float:
    """Median seconds of the first page of a query, as ``kg query`` (a fresh process each time) reads it."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        ZoneGraph(store=store).rows(named, limit=limit)
        times.append(time.perf_counter() - start)
        if times[-1] > 5:
            break
    return statistics.median(times)


def table(store: ox.Store, label: str) -> list[str]:
    """One Markdown row per library query on one store."""
    lines = [f"**{label}**", "",
             "| query | parameters | with parameters, busy value ms | heaviest value ms | without ms (rows) "
             f"| first page of {DEFAULT_LIMIT} ms (`kg query`) | of {PAGE} ms |", "|---|---|---|---|---|---|---|"]
    samples = {name: values(store, name) for name in SAMPLES}
    for named in library():
        busy = heavy = "–"
        if named.params:
            busy_s, busy_rows = timed(store, named.text, {p: samples[p][0] for p in named.params})
            heavy_s, heavy_rows = timed(store, named.text, {p: samples[p][1] for p in named.params})
            busy, heavy = f"{busy_s * 1000:.0f} ({busy_rows})", f"{heavy_s * 1000:.0f} ({heavy_rows})"
        full_s, full_rows = timed(store, named.text, {})
        first = page = "–"
        if full_s > SLOW:
            by = f" (by {named.pages_by})" if named.pages_by else ""
            first = f"{paged(store, named, DEFAULT_LIMIT) * 1000:.0f}{by}"
            page = f"{paged(store, named, PAGE) * 1000:.0f}"
        lines.append(f"| {named.name} | {', '.join(named.params) or '–'} | {busy} | {heavy} | "
                     f"{full_s * 1000:.0f} ({full_rows}) | {first} | {page} |")
        print(lines[-1], file=sys.stderr, flush=True)
    return lines


def report(graph_file: Path, store_dir: Path | None = None) -> str:
    """Latency tables on the on-disk store and on an in-memory store of ``graph_file``."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = store_dir or Path(tmp) / "store"
        if store_dir is None:
            load_store(folder, graph_file)
        disk = table(open_store(folder), "on-disk store (`kg query --store`)")
    memory = ox.Store()
    memory.bulk_load(path=str(graph_file), format=ox.RdfFormat.TURTLE)
    return "\n".join([*disk, "", *table(memory, "in-memory store (`kg serve`, `kg.open(…, engine=\"oxigraph\")`)")])


if __name__ == "__main__":
    print(report(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
