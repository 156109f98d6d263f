"""The command that analyses the network of entities: ``kg analyze``.

Thin like the rest of the CLI: parse, call :mod:`kg.outputs.network`, print.  networkx is
imported only when the command runs, so other commands start as fast as before.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from kg.cli_query import DEFAULT_GRAPH
from kg.errors import InputError

ANALYSES = ("centrality", "components", "communities", "zones")
#: List cells of the table (not of CSV or JSON) show this many items, then how many more.
TABLE_ITEMS = 8


@click.command()
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True)
@click.option("--what", type=click.Choice([*ANALYSES, "all"]), default="all", show_default=True,
              help="Which analysis to run.")
@click.option("--top", type=click.IntRange(0), default=20, show_default=True,
              help="Rows per analysis, first ones first (0: all).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="csv holds one analysis; json with --what all is an object of them.")
def analyze(graph_path: Path, what: str, top: int, fmt: str) -> None:
    """Analyse the network of entities: brokers, islands, communities, zones sharing firms.

    \b
    The network is the one kg view draws and kg export -f graphml writes: zones,
    parks, projects, companies, people, organisations, honours and clusters
    (not indicators or rankings), linked by locatedIn, investor, awardedTo,
    affiliation.
      centrality   companies and parks by betweenness (how often they lie on the
                   shortest paths between others; sampled above 5,000 nodes) and degree
      components   groups of entities with no link to one another, largest first
      communities  densely linked groups (Louvain, fixed seed), largest first
      zones        pairs of zones sharing firms: a firm located in both, or
                   investing in projects located in both
    Results go to stdout; a one-line summary (nodes, edges, components) to stderr.
    \b
    Examples:
      kg analyze                                   # all four, 20 rows each
      kg analyze --what centrality --top 10
      kg analyze --what zones --top 0 -f csv > zone-links.csv
      kg analyze -g big/graph.ttl --what communities -f json | jq '.[0]'
    """
    from kg.outputs import network
    from kg.outputs.query import load_graph

    if fmt == "csv" and what == "all":
        raise InputError("csv holds one analysis: choose one with --what (centrality, components, "
                         "communities or zones)")
    graph = network.to_networkx(load_graph(graph_path))
    size = network.summarize(graph)
    click.echo(f"kg: {size.nodes} nodes, {size.edges} edges, {size.components} components ({graph_path})",
               err=True)
    run = {"centrality": network.centrality, "components": network.components,
           "communities": network.communities, "zones": network.zone_links}
    row_type = {"centrality": network.Centrality, "components": network.Group, "communities": network.Group,
                "zones": network.ZoneLink}
    names = ANALYSES if what == "all" else (what,)
    results = {name: (row_type[name], run[name](graph)) for name in names}
    click.echo(_render(results, top or None, fmt), nl=False)


def _header(row_type: type) -> list[str]:
    return [field.name.rstrip("_") for field in dataclasses.fields(row_type)]


def _cell(value: object, table: bool) -> str:
    if isinstance(value, tuple):
        items = list(value[:TABLE_ITEMS]) if table else list(value)
        more = len(value) - len(items)
        return "; ".join(items) + (f"; … (+{more})" if more else "")
    return f"{value:.6f}" if isinstance(value, float) else str(value)


def _render(results: dict[str, tuple[type, list[object]]], top: int | None, fmt: str) -> str:
    """The analyses as aligned tables (each under a title line), one CSV table, or JSON."""
    from kg.outputs.query import format_rows

    if fmt == "json":
        data = {name: [{key.rstrip("_"): value for key, value in dataclasses.asdict(row).items()}
                       for row in rows[:top]] for name, (_, rows) in results.items()}
        return json.dumps(data if len(data) > 1 else next(iter(data.values())), ensure_ascii=False, indent=2) + "\n"
    blocks = []
    for name, (row_type, rows) in results.items():
        body = [[_cell(getattr(row, f.name), fmt == "table") for f in dataclasses.fields(row_type)]
                for row in rows[:top]]
        text = format_rows(_header(row_type), body, fmt)
        blocks.append(text if fmt == "csv" else f"== {name}: {len(body)} of {len(rows)}\n{text}")
    return "\n".join(blocks)
