"""A streaming build: the stages of :mod:`kg.pipeline` over Parquet partitions, in bounded memory.

For corpora too large to hold (``kg build --stream``).  The stages and their order are the
in-memory build's, and so is every byte of the output; what changes is where a report's
data waits between stages.  Each pass maps over reports or partitions (in processes, or on
the Dask cluster) and the driver folds the results in input order:

1. **extract** and find the names each report teaches (map over reports) → Parquet
   partitions of ``partition`` reports under ``OUTPUT/extractions/``; the driver folds the
   **learned names**;
2. **recognise** learned names (map over partitions, :func:`kg.partitions.recognise_partition`)
   → the mentions it adds, beside each partition; the driver folds the **resolution tables**
   (aliases in text, short names, parks);
3. **resolve and make RDF** (map over partitions, :func:`kg.partitions.resolve_partition`) →
   rendered triples, which the driver appends to hash buckets on disk, figures to groups by
   zone, metric and period, and log rows; the driver folds the **entities' forms**;
4. **entities and outcome links** from the folded forms and the figure groups; then the
   buckets are sorted one at a time and merged into ``graph.ttl`` and the N-Triples shards.

What the driver keeps for the whole corpus is the name tables (learned names, resolution
tables, each entity's forms), which grow with the number of distinct names, not with the
reports; beside them it holds a few partitions' results, one bucket, or one node's triples at
a time.  A report that a stage fails on is left out of the later stages and listed, as in the
in-memory build.  On a cluster the workers read the partitions: ``OUTPUT`` must be on a file
system they share.
"""

from __future__ import annotations

import gc
import shutil
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kg.cluster import NOTHING
from kg.errors import BuildError, InputError
from kg.outputs.stats import Stats
from kg.partitions import FIGURE_KEY, Part
from kg.pipeline import (
    Options,
    Progress,
    WithNames,
    _check_strict,
    extract_with_names,
    failure,
    first_pass,
)
from kg.text.read import Skipped
from kg.types import Document, Extraction, Failure

if TYPE_CHECKING:
    from kg.cluster import Pending
    from kg.extract import Lexicon
    from kg.graph.resolve import Resolver
    from kg.outputs.spill import Groups, Spill

T = TypeVar("T")

#: Reports per Parquet partition: what one pass holds in memory at a time.
PARTITION = 500
#: Reports per bucket of spilled triples (about 70,000 triples): what the final sort holds at a time.
REPORTS_PER_BUCKET = 500
#: Partitions whose results may wait in the driver's memory when a cluster works on them.
CLUSTER_WINDOW = 4
#: Entities made into triples at a time, once every report is resolved.
ENTITY_CHUNK = 10_000
EXTRACTIONS = "extractions"
SPILL = ".spill"

#: Starts a phase of the build: ``phase(label, steps)`` returns what to call after each step.
Phase = Callable[[str, int], Callable[[], None]]


@dataclass(frozen=True)
class StreamResult:
    """What a streaming build wrote and counted: reports built, triples, the size of its name tables."""

    reports: int
    partitions: int
    stats: Stats
    learned_names: int
    entities: int
    failed: tuple[Failure, ...]


def build_stream(documents: Iterable[Document], out_dir: Path, options: Options, progress: Progress | None = None,
                 shards: int | None = None, partition: int = PARTITION, phase: Phase | None = None) -> StreamResult:
    """Build ``out_dir``/graph.ttl (and shards) from ``documents``, holding one partition at a time."""
    from kg.outputs.shards import ShardWriter
    from kg.outputs.spill import Groups, Spill, write_sorted

    say = phase or (lambda _label, _steps: lambda: None)
    work, spill_dir = out_dir / EXTRACTIONS, out_dir / SPILL
    for folder in (work, spill_dir):
        shutil.rmtree(folder, ignore_errors=True)
    failed: list[Failure] = []
    try:
        parts, reports, lexicon = _extract(documents, work, options, progress, partition, failed)
        if not parts and failed:
            raise BuildError(f"no report could be built ({len(failed)} failed; first: {failed[0].line()})")
        if not parts:
            raise _NothingRead("nothing could be read")
        resolver = _recognise(parts, lexicon, options, failed, say("recognising", len(parts)))
        spill = Spill(spill_dir, -(-reports // REPORTS_PER_BUCKET))
        figures = Groups(spill_dir, -(-reports // REPORTS_PER_BUCKET), key_size=FIGURE_KEY)
        entities = _resolve(parts, resolver, spill, figures, out_dir, options, failed, say("resolving", len(parts)))
        _link(figures, spill, say("linking", len(figures.paths)))
        writer = ShardWriter(out_dir / "shards", shards) if shards else None
        stats = write_sorted(spill, out_dir / "graph.ttl", writer, say("sorting", len(spill.paths)),
                             each=lambda func, paths: _map(func, paths, NOTHING, options))
    finally:
        shutil.rmtree(spill_dir, ignore_errors=True)
    built = reports - sum(f.stage in ("recognise", "resolve", "rdf") for f in failed)
    return StreamResult(built, len(parts), stats, len(lexicon.names), entities, tuple(failed))


def stream(paths: Iterable[Path], out_dir: Path, options: Options, progress: Progress | None = None,
           shards: int | None = None, phase: Phase | None = None) -> tuple[StreamResult, tuple[Skipped, ...]]:
    """:func:`build_stream` over the report files under ``paths``; also the files passed over.

    Errors as :func:`kg.pipeline.build`: nothing readable, or (with ``strict``) anything unreadable.
    """
    from kg.learn.model import load
    from kg.pipeline import read_inputs

    load(options.recogniser)
    skipped: list[Skipped] = []
    unread: list[Failure] = []
    documents = read_inputs(paths, options, progress, skipped, unread, eager=False)
    try:
        result = build_stream(documents, out_dir, options, progress, shards, phase=phase)
    except _NothingRead:
        first = f": {skipped[0].path}: {skipped[0].reason}" if skipped else ""
        raise InputError(f"nothing could be read ({len(skipped)} file(s) skipped{first})") from None
    return replace(result, failed=(*unread, *result.failed)), tuple(skipped)


class _NothingRead(InputError):
    """No report at all reached the first pass."""


def _extract(documents: Iterable[Document], work: Path, options: Options, progress: Progress | None, size: int,
             failed: list[Failure]) -> tuple[list[Part], int, Lexicon]:
    """Pass 1: extract, write partitions, fold the learned names; the partitions, their reports and the lexicon."""
    from kg.columnar import write_partition
    from kg.extract import LearnedNames

    names = LearnedNames()
    parts: list[Part] = []
    batch: list[Extraction] = []
    reports = 0

    def write() -> None:
        nonlocal reports
        folder = work / f"part-{len(parts):05d}"
        write_partition(batch, folder)
        parts.append(Part(folder))
        reports += len(batch)
        batch.clear()
        gc.collect(1)

    for result in first_pass(documents, options, progress, task=extract_with_names):
        if isinstance(result, Failure):
            failed.append(result)
            _check_strict(failed, options)
            continue
        extraction = result.extraction if isinstance(result, WithNames) else result
        try:  # the names were found where the report was extracted, unless it came from the cache
            if isinstance(result, WithNames):
                names.add_names(result.names)
            else:
                names.add(extraction)
        except Exception as exc:
            failed.append(failure("learn", extraction.document, exc))
            _check_strict(failed, options)
            continue
        batch.append(extraction)
        if len(batch) >= size:
            write()
    if batch:
        write()
    return parts, reports, names.lexicon()


def _map(func: Callable[..., T], parts: Iterable[object], shared: object, options: Options) -> Iterator[T]:
    """``func(part, shared)`` (``func(part)`` when nothing is shared) over partitions or bucket files, in
    processes or on the cluster; results in input order.

    At most ``2 × jobs`` (on a cluster: ``CLUSTER_WINDOW``) results wait in memory.
    """
    from kg.cluster import parallel

    def lost(part: object, exc: BaseException) -> T:
        raise BuildError(f"the cluster lost the task of {part} ({type(exc).__name__}: {exc}); build again") from exc

    with parallel(func, options.jobs, options.scheduler, on_error=lost, shared=shared,
                  per_process=2) as (submit, window):
        window = min(window, CLUSTER_WINDOW) if options.scheduler else window
        pending: deque[Pending[T]] = deque()
        for part in parts:
            pending.append(submit(part))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _recognise(parts: list[Part], lexicon: Lexicon, options: Options, failed: list[Failure],
               step: Callable[[], None]) -> Resolver:
    """Pass 2: recognise learned names in each partition (mapped), fold the resolution tables; the resolver."""
    from kg.graph.resolve import Resolver, Tables
    from kg.partitions import recognise_partition

    tables = Tables()
    bad = frozenset(f.document for f in failed)
    for recognised in _map(recognise_partition, [replace(p, bad=bad) for p in parts], lexicon, options):
        for names in recognised.names:
            tables.add_names(*names)
        _fail(failed, recognised.failed, options)
        step()
    return Resolver(tables, options.aliases or {})


def _resolve(parts: list[Part], resolver: Resolver, spill: Spill, figures: Groups, out_dir: Path,
             options: Options, failed: list[Failure], step: Callable[[], None]) -> int:
    """Pass 3: resolve each partition (mapped); append its triples and figures, write the logs, fold the
    entities' forms; then the entities' triples.  The number of entities."""
    from kg.graph.build import add_entities, forget_terms
    from kg.graph.resolve import Forms
    from kg.graph.triples import Triples
    from kg.outputs.export import LEFT_OUT_HEADER, RESOLUTION_HEADER, open_atomic
    from kg.partitions import resolve_partition

    forms = Forms(documents=False)
    bad = frozenset(f.document for f in failed)
    todo = [replace(p, bad=bad, buckets=len(spill.paths), groups=len(figures.paths)) for p in parts]
    with open_atomic(out_dir / "resolution.tsv") as log, open_atomic(out_dir / "figures-left-out.tsv") as left:
        log.write(RESOLUTION_HEADER)
        left.write(LEFT_OUT_HEADER)
        for resolved in _map(resolve_partition, todo, resolver, options):
            for bucket, text in resolved.buckets.items():
                spill.append(bucket, text)
            for group, text in resolved.groups.items():
                figures.append(group, text)
            spill.prefixes |= resolved.prefixes
            log.write(resolved.log)
            left.write(resolved.left_out)
            forms.add(resolved.decisions)
            _fail(failed, resolved.failed, options)
            gc.collect(1)
            step()
        entities = iter(forms.entities())
        while chunk := list(islice(entities, ENTITY_CHUNK)):
            forget_terms()
            triples = Triples()
            add_entities(triples, chunk)
            spill.add(triples)
            spill.forget()
    return len(forms)


def _fail(failed: list[Failure], more: Iterable[Failure], options: Options) -> None:
    failed.extend(more)
    _check_strict(failed, options)


def _link(figures: Groups, spill: Spill, step: Callable[[], None]) -> None:
    """Pass 4: pair targets with outcomes, one group of figures at a time."""
    from rdflib import URIRef

    from kg.graph.build import link_outcomes
    from kg.graph.triples import Triples

    for grouped in figures.groups():
        out = Triples()
        link_outcomes(out, {(URIRef(k[0]), k[1], k[2], k[3]): [(kind, URIRef(node)) for kind, node in rows]
                            for k, rows in grouped.items()})
        spill.add(out)
        spill.forget()
        step()
