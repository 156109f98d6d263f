"""The ``kg`` command: thin wrappers that parse, call the library and print.

Results go to stdout, progress and summaries to stderr.  A user's mistake is a
one-line ``kg: error: …`` with exit code 1 or 2, never a traceback.  Heavy
modules (jieba, the extractor, pyvis) are imported inside the commands that
need them, so ``kg query`` starts fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import ZoneGraphError

DEFAULT_GRAPH = Path("output/graph.ttl")
EXPORT_FORMATS = ("turtle", "nt", "jsonld", "trig")


class Command(click.Group):
    """A click group that turns :class:`ZoneGraphError` into one clean line."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ZoneGraphError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; nothing was written", err=True)
            sys.exit(130)


@click.group(cls=Command, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """ZoneGraph: knowledge graphs from Chinese development-zone work reports.

    \b
    Typical session:
      kg build seeds/ -o output/          # reports -> output/graph.ttl + graph.html
      kg stats                            # what the graph holds
      kg queries                          # the query library, with questions
      kg query projects-by-investment     # run a library query
      kg query "SELECT ?z WHERE { ?z a zg:Zone }"
      kg export -f jsonld -o graph.jsonld
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path),
              default=Path("output"), show_default=True, help="Folder for graph.ttl and graph.html.")
@click.option("--aliases", type=click.Path(path_type=Path, dir_okay=False),
              help="TSV file of surface<TAB>class<TAB>canonical names that override resolution.")
@click.option("--strict", is_flag=True, help="Fail (and write nothing) if any file cannot be read.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes extracting reports in parallel; the output is the same for any number.")
@click.option("--no-cache", is_flag=True, help="Re-extract every report (the cache is OUTPUT/.cache).")
@click.option("--no-html", is_flag=True, help="Skip the HTML view.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(paths: tuple[Path, ...], out_dir: Path, aliases: Path | None, strict: bool, jobs: int, no_cache: bool,
          no_html: bool, quiet: bool) -> None:
    """Build the graph from report files or folders (default: seeds/).

    \b
    Writes OUTPUT/graph.ttl (Turtle, byte-identical for the same input),
    OUTPUT/graph.html (an interactive network) and OUTPUT/resolution.tsv (how
    each name in each report was resolved, to audit or override with --aliases),
    then prints a count per class.
    Example:  kg build seeds/ ../more-reports/2023/ -o output/ --aliases aliases.tsv
    """
    from kg.outputs.export import resolution_tsv, to_turtle, write_atomic
    from kg.outputs.stats import graph_stats
    from kg.outputs.validate import validate
    from kg.pipeline import build as run_build
    from kg.pipeline import count_files

    inputs = list(paths) or [Path("seeds")]
    total = count_files(inputs)
    show = not quiet and sys.stderr.isatty()
    with click.progressbar(length=total, label="extracting", file=sys.stderr,
                           hidden=not show) as bar:
        result = run_build(inputs, progress=lambda _name: bar.update(1), aliases=aliases, jobs=jobs,
                           cache=None if no_cache else out_dir / ".cache", strict=strict)
    for skipped in result.skipped:
        click.echo(f"kg: skipped {skipped.path}: {skipped.reason}", err=True)
    report = validate(result.graph)
    if not report.conforms:
        first = report.violations[0]
        raise ZoneGraphError(f"the graph breaks its shapes ({len(report.violations)} violations, first: "
                             f"{first.focus} {first.path}: {first.message}); nothing written — please report this")
    graph_path = out_dir / "graph.ttl"
    turtle, log = to_turtle(result.graph), resolution_tsv(result.resolution.log)
    write_atomic(graph_path, turtle)
    write_atomic(out_dir / "resolution.tsv", log)
    written = [str(graph_path), str(out_dir / "resolution.tsv")]
    if not no_html:
        from kg.outputs.view import render_html

        render_html(result.graph, out_dir / "graph.html", title="ZoneGraph")
        written.append(str(out_dir / "graph.html"))
    stats = graph_stats(result.graph)
    read = len(result.extractions)
    click.echo(f"{read} reports -> {stats.triples} triples: {', '.join(written)}", err=True)
    for name, count in stats.classes.items():
        click.echo(f"  {name:<16} {count:>6}", err=True)


@main.command()
@click.argument("query")
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True, help="Turtle file to query.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable, e.g. --param min=10 (repeatable).")
def query(query: str, graph_path: Path, fmt: str, params: tuple[str, ...]) -> None:
    """Run a SPARQL query: a .rq file, a name from the query library, or SPARQL text.

    \b
    The zg:, rdfs:, skos: and xsd: prefixes are predeclared.
    Examples:
      kg query projects-by-investment
      kg query queries/honors-by-recipient.rq -f csv > honors.csv
      kg query "SELECT ?name WHERE { ?c a zg:Company ; rdfs:label ?name }"
    """
    from kg.outputs.query import find_query, format_result, load_graph, run

    bindings = _parse_params(params)
    named = find_query(query)
    graph = load_graph(graph_path)
    result = run(graph, named, bindings)
    click.echo(format_result(result, fmt), nl=False)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            raise click.BadParameter(f"{item!r}: expected NAME=VALUE, e.g. min=10", param_hint="--param")
        out[name] = value
    return out


@main.command()
@click.option("-z", "--zone", help="Only this zone, by label, e.g. 许昌高新区.")
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv"]), default="table",
              show_default=True)
def indicators(zone: str | None, graph_path: Path, fmt: str) -> None:
    """One row per indicator observation, with its evidence: open the CSV in a spreadsheet.

    \b
    Columns: zone, metric as written, normalised metric, period, value and unit as
    written, value in base unit (CNY, USD, count, percent …), growth %, kind
    (actual, estimate, target, share), report, evidence sentence.
    Example:  kg indicators --zone 许昌高新区 -f csv > jiyuan.csv
    """
    from kg.outputs.query import find_query, format_result, load_graph, run

    result = run(load_graph(graph_path), find_query("indicators-table"), {"zone": zone} if zone else {})
    click.echo(format_result(result, fmt), nl=False)


@main.command()
def queries() -> None:
    """List the query library: name and the question each query answers."""
    from kg.outputs.query import library

    for named in library():
        click.echo(f"{named.name:<28} {named.question}")


@main.command()
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle",
              show_default=True, help="trig puts each report's facts in its own named graph.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), required=True,
              help="File to write.")
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True)
def export(fmt: str, out: Path, graph_path: Path) -> None:
    """Export the graph as Turtle, N-Triples, JSON-LD or TriG.

    Example:  kg export -f jsonld -o zonegraph.jsonld
    """
    from kg.outputs.export import serialize, write_atomic
    from kg.outputs.query import load_graph

    graph = load_graph(graph_path)
    write_atomic(out, serialize(graph, fmt))
    click.echo(f"{len(graph)} triples -> {out} ({fmt})", err=True)


@main.command()
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True)
def stats(graph_path: Path) -> None:
    """Show classes and properties of a graph with their counts."""
    from kg.outputs.query import load_graph
    from kg.outputs.stats import graph_stats

    result = graph_stats(load_graph(graph_path))
    click.echo(f"triples  {result.triples}")
    click.echo("classes")
    for name, count in result.classes.items():
        click.echo(f"  {name:<24} {count:>7}")
    click.echo("properties")
    for name, count in result.properties.items():
        click.echo(f"  {name:<24} {count:>7}")


@main.command(name="eval")
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path), default=Path("tests/gold"),
              show_default=True, help="Folder of gold JSON files, one per report.")
@click.option("--docs", "doc_dirs", type=click.Path(path_type=Path), multiple=True,
              help="Folders with the reports (repeatable). Default: seeds/ and ../shared/corpus/.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--details", type=int, default=10, show_default=True,
              help="Misses and false positives shown per class.")
def evaluate(gold_dir: Path, doc_dirs: tuple[Path, ...], fmt: str, details: int) -> None:
    """Score extraction against gold annotations: P/R/F1 per class and fact type.

    \b
    Example:  kg eval --gold tests/gold --docs seeds --docs ../shared/corpus
    """
    import json

    from kg.outputs.evaluate import evaluate as score
    from kg.outputs.evaluate import format_table, load_gold
    from kg.pipeline import build as run_build

    gold = load_gold(gold_dir)
    dirs = list(doc_dirs) or [d for d in (Path("seeds"), Path("../shared/corpus")) if d.is_dir()]
    report = score(run_build(dirs).extractions, gold)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report, details), nl=False)


@main.command(name="validate")
@click.argument("graph_path", required=False, type=click.Path(path_type=Path), default=DEFAULT_GRAPH)
def validate_command(graph_path: Path) -> None:
    """Check a graph against the SHACL shapes of ontology/shapes.ttl; list every violation.

    Exit code 0 when the graph conforms, 1 when it does not.
    """
    from kg.outputs.query import load_graph
    from kg.outputs.validate import validate

    report = validate(load_graph(graph_path))
    for v in report.violations:
        click.echo(f"{v.focus}\t{v.path}\t{v.message}")
    if not report.conforms:
        raise ZoneGraphError(f"{graph_path}: {len(report.violations)} violation(s) of ontology/shapes.ttl")
    click.echo(f"{graph_path}: conforms to ontology/shapes.ttl", err=True)


@main.command()
@click.argument("graph_path", required=False, type=click.Path(path_type=Path),
                default=DEFAULT_GRAPH)
@click.option("-o", "--output", "out", type=click.Path(path_type=Path),
              default=Path("output/graph.html"), show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser.")
@click.option("--screenshot", type=click.Path(path_type=Path, dir_okay=False),
              help="Also save a PNG of the page, taken by headless Chromium.")
def view(graph_path: Path, out: Path, open_browser: bool, screenshot: Path | None) -> None:
    """Render any Turtle graph with labels as an interactive HTML network.

    Example:  kg view output/graph.ttl -o output/graph.html --screenshot output/graph.png
    """
    from kg.outputs.query import load_graph
    from kg.outputs.view import render_html, screenshot_page

    summary = render_html(load_graph(graph_path), out)
    click.echo(f"{summary.nodes} nodes, {summary.edges} edges -> {out}", err=True)
    if screenshot:
        screenshot_page(out, screenshot)
        click.echo(f"screenshot -> {screenshot}", err=True)
    if open_browser:
        click.launch(str(out.resolve()))


if __name__ == "__main__":
    main()
