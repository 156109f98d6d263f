"""``kg build --stream``: the streaming build's progress and summary (see :mod:`kg.pipeline_stream`)."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

import click

from kg.errors import InputError


def build_streaming(inputs: list[Path], out_dir: Path, total: int, show: bool, *, aliases: Path | None, jobs: int,
                    cache: bool, strict: bool, recogniser: str, scheduler: str | None, shards: int | None,
                    validate: bool) -> None:
    """Run a streaming build, show its progress, print what it wrote and its peak memory."""
    from kg.cli import summarise
    from kg.pipeline import Options
    from kg.pipeline_stream import EXTRACTIONS, stream
    from kg.text.read import read_aliases

    if validate:
        raise InputError("--validate needs the whole graph in memory, which --stream avoids; "
                         "run kg validate -g OUTPUT/graph.ttl after the build instead")
    options = Options(jobs=jobs, cache=out_dir / ".cache" if cache else None,
                      aliases=read_aliases(aliases) if aliases else None, strict=strict, recogniser=recogniser,
                      scheduler=scheduler)

    def phase(text: str) -> None:
        if show:
            click.echo(f"kg: {text}", err=True)

    with click.progressbar(length=total, label="extracting", file=sys.stderr, hidden=not show) as bar:
        result, skipped = stream(inputs, out_dir, options, progress=lambda _name: bar.update(1), shards=shards,
                                 phase=phase)
    for item in skipped:
        click.echo(f"kg: skipped {item.path}: {item.reason}", err=True)
    written = [str(out_dir / "graph.ttl"), str(out_dir / "resolution.tsv"), str(out_dir / EXTRACTIONS)]
    if shards:
        written.append(str(out_dir / "shards" / "manifest.json"))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    click.echo(f"peak memory: {own} MiB in this process, {workers} MiB in the largest local worker; "
               f"name tables: {result.learned_names} learned names, {result.entities} entities; "
               f"{result.partitions} partition(s)", err=True)
    summarise(out_dir, result.reports, result.stats, written, skipped, result.failed)
