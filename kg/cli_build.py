"""What ``kg build`` tells when it is done, and its streaming variant (see :mod:`kg.pipeline_stream`)."""

from __future__ import annotations

import resource
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.errors import EXIT_PARTIAL, InputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from click._termui_impl import ProgressBar

    from kg.outputs.stats import Stats
    from kg.text.read import Skipped
    from kg.types import Failure

#: The file beside the output that keeps the tracebacks of reports a build left out.
ERROR_LOG = "build-errors.log"


def build_streaming(inputs: list[Path], out_dir: Path, total: int, show: bool, *, aliases: Path | None, jobs: int,
                    cache: bool, strict: bool, recogniser: str, scheduler: str | None, shards: int | None,
                    validate: bool) -> None:
    """Run a streaming build, show its progress, print what it wrote and its peak memory."""
    from kg.pipeline import Options
    from kg.pipeline_stream import EXTRACTIONS, stream
    from kg.text.read import read_aliases

    if validate:
        raise InputError("--validate needs the whole graph in memory, which --stream avoids; "
                         "run kg validate -g OUTPUT/graph.ttl after the build instead")
    options = Options(jobs=jobs, cache=out_dir / ".cache" if cache else None,
                      aliases=read_aliases(aliases) if aliases else None, strict=strict, recogniser=recogniser,
                      scheduler=scheduler)

    bars = _Bars(show)
    extracted = bars("extracting", total)
    try:
        result, skipped = stream(inputs, out_dir, options, progress=lambda _name: extracted(), shards=shards,
                                 phase=bars)
    finally:
        bars.close()
    tell_skipped(out_dir, skipped, result.failed)
    written = [str(out_dir / "graph.ttl"), str(out_dir / "resolution.tsv"), str(out_dir / EXTRACTIONS)]
    if shards:
        written.append(str(out_dir / "shards" / "manifest.json"))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    click.echo(f"peak memory: {own} MiB in this process, {workers} MiB in the largest local worker; "
               f"name tables: {result.learned_names} learned names, {result.entities} entities; "
               f"{result.partitions} partition(s)", err=True)
    summarise(out_dir, result.reports, result.stats, written, skipped, result.failed)


class _Bars:
    """One progress bar per phase of a streaming build, each closed when the next one starts."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.bar: ProgressBar[int] | None = None

    def __call__(self, label: str, steps: int) -> Callable[[], None]:
        self.close()
        bar = self.bar = click.progressbar(length=steps, label=f"{label:<11}", file=sys.stderr, hidden=not self.show)
        bar.__enter__()
        return lambda: bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def tell_skipped(out_dir: Path, skipped: tuple[Skipped, ...], failed: tuple[Failure, ...]) -> None:
    for item in skipped:
        click.echo(f"kg: skipped {item.path}: {item.reason}", err=True)
    for failure in failed:
        click.echo(f"kg: {failure.line()} (traceback in {out_dir / ERROR_LOG})", err=True)


def summarise(out_dir: Path, read: int, stats: Stats, written: list[str], skipped: tuple[Skipped, ...],
              failed: tuple[Failure, ...]) -> None:
    """Print what a build wrote and counted; exit with EXIT_PARTIAL when it left reports out."""
    write_error_log(out_dir / ERROR_LOG, failed)
    click.echo(f"{read} reports -> {stats.triples} triples: {', '.join(written)}", err=True)
    for name, count in stats.classes.items():
        click.echo(f"  {name:<16} {count:>6}", err=True)
    left_out = len(failed) + sum(not s.reason.startswith("unsupported") for s in skipped)
    if left_out:
        click.echo(f"kg: built, with {left_out} report(s) skipped (exit code {EXIT_PARTIAL})", err=True)
        sys.exit(EXIT_PARTIAL)


def write_error_log(path: Path, failures: tuple[Failure, ...]) -> None:
    """The tracebacks of the reports a build left out, for a bug report; no file when there are none."""
    from kg.outputs.export import write_atomic

    if not failures:
        path.unlink(missing_ok=True)
        return
    blocks = [f"== {f.path or f.document}\nstage: {f.stage}\nerror: {f.error}: {f.message}\n\n{f.trace}"
              for f in failures]
    write_atomic(path, "\n".join(blocks))
