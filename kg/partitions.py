"""The map steps of a streaming build over one Parquet partition: what a worker does with it.

Each reads its partition from disk (the workers must see ``OUTPUT/extractions``: the same
machine, or a shared file system on a cluster), works on its reports in order, and returns
compact results for the driver to fold in partition order: the resolution tables' inputs
(:func:`recognise_partition`), or rendered lines of triples and logs (:func:`resolve_partition`).
A report that a stage fails on becomes a :class:`~kg.types.Failure` and adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.graph.resolve import Decision, Resolver
from kg.pipeline import failure
from kg.types import Extraction, Failure, Kind

if TYPE_CHECKING:
    from kg.extract import Lexicon

#: What :class:`~kg.graph.resolve.Tables` takes from one report: its scope, aliases, companies and parks.
TableNames = tuple[str, tuple[tuple[Kind, str, str], ...], tuple[str, ...], tuple[str, ...]]
#: Fields of a figure's row in the groups: zone, metric, period, change word (the key), kind, node.
FIGURE_KEY = 4


@dataclass(frozen=True)
class Part:
    """One partition to work on: its folder, the reports an earlier stage failed on, and the bucket counts."""

    folder: Path
    bad: frozenset[str] = frozenset()
    buckets: int = 1
    groups: int = 1


@dataclass(frozen=True)
class Recognised:
    """What the recognising pass makes of a partition: each report's table names, and its failures."""

    names: tuple[TableNames, ...]
    failed: tuple[Failure, ...]


@dataclass(frozen=True)
class Resolved:
    """What the resolving pass makes of a partition, for the driver to append and fold."""

    buckets: dict[int, str]
    groups: dict[int, str]
    log: str
    left_out: str
    decisions: tuple[tuple[Decision, str | None], ...]
    prefixes: frozenset[str]
    failed: tuple[Failure, ...]


def _extractions(part: Part) -> list[Extraction]:
    from kg.columnar import read_partition

    return [e for e in read_partition(part.folder) if e.document.name not in part.bad]


def recognise_partition(part: Part, lexicon: Lexicon) -> Recognised:
    """Find the learned names in a partition's reports, write what that adds beside the partition,
    and return what the resolution tables take from each report."""
    from kg.columnar import write_added
    from kg.extract import recognise
    from kg.graph.resolve import report_scope, table_names

    names: list[TableNames] = []
    failed: list[Failure] = []
    added = []
    for extraction in _extractions(part):
        try:
            recognised = recognise(extraction, lexicon)
            names.append((report_scope(recognised)[2], *table_names(recognised)))
        except Exception as exc:
            failed.append(failure("recognise", extraction.document, exc))
            recognised = extraction
        added.append(recognised.mentions[len(extraction.mentions):])
    write_added(added, part.folder)
    return Recognised(tuple(names), tuple(failed))


def resolve_partition(part: Part, resolver: Resolver) -> Resolved:
    """Resolve a partition's reports and render their triples, figures and log rows."""
    from kg.graph.build import forget_terms, report_triples
    from kg.graph.resolve import report_scope, resolve_report
    from kg.outputs.export import left_out_rows, resolution_rows
    from kg.outputs.spill import Renderer, group_line

    forget_terms()
    renderer = Renderer(part.buckets)
    buckets: dict[int, list[str]] = {}
    groups: dict[int, list[str]] = {}
    log: list[str] = []
    left: list[str] = []
    decisions: list[tuple[Decision, str | None]] = []
    failed: list[Failure] = []
    for extraction in _extractions(part):
        stage = "resolve"
        try:
            found = resolve_report(extraction, resolver)
            stage = "rdf"
            keys = {(extraction.document.name, d.kind, d.surface): d.key for d, _ in found}
            triples, figures = report_triples(extraction, keys, report_scope(extraction)[0])
        except Exception as exc:
            failed.append(failure(stage, extraction.document, exc))
            continue
        decisions += found
        log.append(resolution_rows(d for d, _ in found))
        left.append(left_out_rows(extraction))
        for bucket, lines in renderer.lines(triples).items():
            buckets.setdefault(bucket, []).extend(lines)
        for (zone, metric, period, change), nodes in figures.items():
            for kind, node in nodes:
                group, line = group_line((str(zone), metric, period, change, kind, str(node)), FIGURE_KEY, part.groups)
                groups.setdefault(group, []).append(line)
    forget_terms()
    return Resolved({b: "".join(lines) for b, lines in buckets.items()},
                    {g: "".join(lines) for g, lines in groups.items()}, "".join(log), "".join(left),
                    tuple(decisions), frozenset(renderer.prefixes), tuple(failed))
