"""The commands that read the graph with SPARQL: ``kg query``, ``kg queries`` and ``kg indicators``.

Thin like the rest of the CLI: parse, call :mod:`kg.api`, print (results to stdout).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    import pyoxigraph

    from kg.outputs.query import NamedQuery

#: The graph file the commands read unless -g says otherwise (what ``kg build`` writes).
DEFAULT_GRAPH = Path("output/graph.ttl")
#: Rows per page of ``kg query`` unless --limit says otherwise: a first page stays fast on a large store.
DEFAULT_LIMIT = 100


@click.command()
@click.argument("query")
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True, help="Turtle file to query.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable, e.g. --param min=10 (repeatable).")
@click.option("--store", "store_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Query this Oxigraph store instead of the Turtle file (built from -g GRAPH when missing).")
@click.option("--limit", type=click.IntRange(0), default=DEFAULT_LIMIT, show_default=True,
              help="At most this many rows: a page of the query's ordered rows; 0 for every row.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Skip this many rows first.")
def query(query: str, graph_path: Path, fmt: str, params: tuple[str, ...], store_dir: Path | None,
          limit: int | None, offset: int) -> None:
    """Run a SPARQL query: a .rq file, a name from the query library, or SPARQL text.

    \b
    The zg:, rdfs:, skos: and xsd: prefixes are predeclared; `kg queries` lists
    the library with each query's parameters.
    Examples:
      kg query projects-by-investment
      kg query indicator-series -p zone=济源高新区 -p metric=工业增加值
      kg query queries/honors-by-recipient.rq -f csv > honors.csv
      kg query "SELECT ?name WHERE { ?c a zg:Company ; rdfs:label ?name }"
      kg query evidence --store output/store --offset 100      (the second page)
      kg query evidence --store output/store --limit 0 -f csv  (every row)
    """
    from kg.api import ZoneGraph
    from kg.outputs.query import find_query, format_rows, load_graph

    bindings = _parse_params(params)
    named = find_query(query)
    named.check_params(bindings)
    if fmt == "json":
        click.echo(_json(named.paged(limit or None, offset), bindings, store_dir, graph_path), nl=False)
        return
    graph = (ZoneGraph(store=open_or_load_store(store_dir, graph_path), name=str(store_dir)) if store_dir is not None
             else ZoneGraph(graph=load_graph(graph_path), name=str(graph_path)))
    header, rows = graph.rows(named, limit or None, offset, **bindings)
    click.echo(format_rows(header, rows, fmt), nl=False)
    if limit and len(rows) == limit:
        click.echo(f"kg: rows {offset + 1}–{offset + limit} shown; the next page: --offset {offset + limit}; "
                   "every row: --limit 0", err=True)


def _json(named: NamedQuery, bindings: dict[str, str], store_dir: Path | None, graph_path: Path) -> str:
    """SPARQL JSON results of a query, from the store or the Turtle file."""
    from kg.outputs.query import format_result, load_graph, run

    if store_dir is not None:
        from kg.outputs.store import format_store_result

        return format_store_result(open_or_load_store(store_dir, graph_path), named.text, bindings, "json")
    return format_result(run(load_graph(graph_path), named, bindings), "json")


def open_or_load_store(store_dir: Path, graph_path: Path) -> pyoxigraph.Store:
    """Open the Oxigraph store in STORE_DIR, building it from GRAPH_PATH first when there is none."""
    from kg.outputs.store import is_store, load_store, open_store

    if not is_store(store_dir) and graph_path.is_file():
        count = load_store(store_dir, graph_path)
        click.echo(f"kg: no store in {store_dir}: built it from {graph_path} ({count} triples)", err=True)
    return open_store(store_dir)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            raise click.BadParameter(f"{item!r}: expected NAME=VALUE, e.g. min=10", param_hint="--param")
        out[name] = value
    return out


@click.command()
@click.option("-z", "--zone", help="Only this zone, by label, e.g. 许昌高新区.")
@click.option("-m", "--metric", help="Only this metric, as written or its normalised name, e.g. 工业增加值.")
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv"]), default="table",
              show_default=True)
def indicators(zone: str | None, metric: str | None, graph_path: Path, fmt: str) -> None:
    """One row per indicator observation, with its evidence: open the CSV in a spreadsheet.

    \b
    Columns: zone, change word (新增, 累计 …), metric as written, normalised
    metric, period, qualifier (over, nearly, about, more than), value and unit as
    written, value in base unit (CNY, USD, count, percent …), growth %, kind
    (actual, estimate, target, share), report, evidence sentence.
    Example:  kg indicators --zone 许昌高新区 --metric 工业增加值 -f csv > figures.csv
    """
    from kg.api import ZoneGraph
    from kg.outputs.query import format_rows, load_graph

    params = {name: value for name, value in (("zone", zone), ("metric", metric)) if value}
    graph = ZoneGraph(graph=load_graph(graph_path), name=str(graph_path))
    click.echo(format_rows(*graph.rows("indicators-table", **params), fmt), nl=False)


@click.command()
def queries() -> None:
    """List the query library: name and the question each query answers."""
    from kg.outputs.query import library

    for named in library():
        params = f"  [params: {', '.join(named.params)}]" if named.params else ""
        click.echo(f"{named.name:<28} {named.question}{params}")
