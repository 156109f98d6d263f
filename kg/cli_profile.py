"""The command that writes zone profile pages: ``kg profile``.

Thin like the rest of the CLI: parse, call :mod:`kg.outputs.profile` and
:mod:`kg.outputs.profile_page`, write the pages (each atomically), print a summary to stderr.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli_query import DEFAULT_GRAPH
from kg.errors import InputError

DEFAULT_DIR = Path("output/profiles")


@click.command()
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True, help="The built graph to read.")
@click.option("-z", "--zone", help="Only this zone's page (by label, e.g. 济源高新区); the index lists it alone.")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=DEFAULT_DIR, show_default=True, help="Folder for index.html and one page per zone.")
def profile(graph_path: Path, zone: str | None, out_dir: Path) -> None:
    """Write one offline HTML page per zone, and an index comparing the zones.

    \b
    A zone's page: its reports and periods; a chart per metric over time (actual,
    estimate and target told apart, growth beside each value, units on the axis);
    tables of projects (investment, investor, the status each report states),
    honors by year and level, parks, companies and rankings; every fact with its
    sentence and report as a numbered footnote (hover a mark or a point to read it).
    The pages need no network and run no script; they print cleanly.
    Examples:
      kg profile                                   # output/profiles/index.html
      kg profile --zone 济源高新区 -o profiles/
    """
    from kg.outputs.export import write_atomic
    from kg.outputs.profile import zone_profiles
    from kg.outputs.profile_page import render_pages
    from kg.outputs.query import load_graph

    profiles = zone_profiles(load_graph(graph_path), zone)
    if zone is not None and not profiles:
        raise InputError(f"no zone labelled {zone!r} in {graph_path}: 'kg query zone-overview' lists the zones")
    pages = render_pages(profiles)
    for name, text in sorted(pages.items()):
        write_atomic(out_dir / name, text)
    count = len(profiles)
    click.echo(f"kg: {count} zone page{'' if count == 1 else 's'} and index.html -> {out_dir}", err=True)
