"""A streaming build: the stages of :mod:`kg.pipeline` over Parquet partitions, in bounded memory.

For corpora too large to hold (``kg build --stream``).  The stages and their order are the
in-memory build's, and so is every byte of the output; what changes is where a report's
data waits between stages:

1. **extract** (map, in processes or on a Dask cluster) → Parquet partitions of
   ``partition`` reports under ``OUTPUT/extractions/``; **learn names** folds over the
   results as they arrive;
2. **recognise** (map over partitions) → the mentions it adds, beside each partition;
   **resolution tables** (aliases in text, short names, parks) fold over the results;
3. **resolve and make RDF** (map over partitions) → each report's triples, rendered and
   spilled to hash buckets on disk; its figures to groups by zone, metric and period;
   **entity forms** fold over the resolved mentions;
4. **entities and outcome links** from the folded tables and the figure groups; then the
   buckets are sorted and merged into ``graph.ttl`` and the N-Triples shards.

What stays in memory is the name tables (learned names, resolution tables, the forms of
each entity), which grow with the number of distinct names, plus one partition, one bucket,
or one subject's triples at a time; never the corpus.  A report that a stage fails on is
left out of the later stages and listed, as in the in-memory build.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import TextIO

from kg.errors import BuildError, InputError
from kg.outputs.stats import Stats
from kg.pipeline import Options, Progress, WithNames, _check_strict, extract_with_names, failure, first_pass
from kg.text.read import Skipped
from kg.types import Document, Extraction, Failure

#: Reports per Parquet partition: what one pass holds in memory at a time.
PARTITION = 500
#: Reports per bucket of spilled triples (about 70,000 triples): what the final sort holds at a time.
REPORTS_PER_BUCKET = 500
#: Entities made into triples at a time, once every report is resolved.
ENTITY_CHUNK = 10_000
EXTRACTIONS = "extractions"
SPILL = ".spill"

Phase = Callable[[str], None]


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

    say = phase or (lambda _text: None)
    work, spill_dir = out_dir / EXTRACTIONS, out_dir / SPILL
    for folder in (work, spill_dir):
        shutil.rmtree(folder, ignore_errors=True)
    failed: list[Failure] = []
    try:
        parts, lexicon = _extract(documents, work, options, progress, partition, failed)
        if not parts and failed:
            raise BuildError(f"no report could be built ({len(failed)} failed; first: {failed[0].line()})")
        if not parts:
            raise _NothingRead("nothing could be read")
        say(f"recognising learned names in {len(parts)} partition(s)")
        resolver = _recognise(parts, lexicon, options, failed)
        reports = sum(count for _, count in parts)
        spill = Spill(spill_dir, -(-reports // REPORTS_PER_BUCKET))
        figures = Groups(spill_dir, -(-reports // REPORTS_PER_BUCKET), key_size=4)
        say("resolving names and making triples")
        entities = _resolve(parts, resolver, spill, figures, out_dir, options, failed)
        say("linking targets to outcomes; sorting and writing the graph")
        _link(figures, spill)
        writer = ShardWriter(out_dir / "shards", shards) if shards else None
        stats = write_sorted(spill, out_dir / "graph.ttl", writer)
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
    documents = read_inputs(paths, options, progress, skipped, unread)
    try:
        result = build_stream(documents, out_dir, options, progress, shards, phase=phase)
    except _NothingRead:
        first = f": {skipped[0].path}: {skipped[0].reason}" if skipped else ""
        raise InputError(f"nothing could be read ({len(skipped)} file(s) skipped{first})") from None
    return replace(result, failed=(*unread, *result.failed)), tuple(skipped)


class _NothingRead(InputError):
    """No report at all reached the first pass."""


Part = tuple[Path, int]


def _extract(documents: Iterable[Document], work: Path, options: Options, progress: Progress | None, size: int,
             failed: list[Failure]):  # type: ignore[no-untyped-def]
    """Pass 1: extract, write partitions, fold the learned names; the partitions and the lexicon."""
    from kg.columnar import write_partition
    from kg.extract import LearnedNames

    names = LearnedNames()
    parts: list[Part] = []
    batch: list[Extraction] = []

    def write() -> None:
        folder = work / f"part-{len(parts):05d}"
        write_partition(batch, folder)
        parts.append((folder, len(batch)))
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
    return parts, names.lexicon()


def _partitions(parts: list[Part], bad: set[str]) -> Iterator[tuple[Path, list[Extraction]]]:
    """Each partition's extractions (the reports no stage has failed on), one partition at a time."""
    from kg.columnar import read_partition

    for folder, _ in parts:
        yield folder, [e for e in read_partition(folder) if e.document.name not in bad]
        gc.collect(1)


def _recognise(parts: list[Part], lexicon, options: Options, failed: list[Failure]):  # type: ignore[no-untyped-def]
    """Pass 2: recognise learned names, write what it adds, fold the resolution tables; the resolver."""
    from kg.columnar import write_added
    from kg.extract import recognise
    from kg.graph.resolve import Resolver, Tables, report_scope

    tables = Tables()
    bad = {f.document for f in failed}
    for folder, extractions in _partitions(parts, bad):
        added = []
        for extraction in extractions:
            try:
                recognised = recognise(extraction, lexicon)
                tables.add(recognised, report_scope(recognised)[2])
            except Exception as exc:
                failed.append(failure("recognise", extraction.document, exc))
                _check_strict(failed, options)
                recognised = extraction
            added.append(recognised.mentions[len(extraction.mentions):])
        write_added(added, folder)
    return Resolver(tables, options.aliases or {})


def _resolve(parts: list[Part], resolver, spill, figures, out_dir: Path,  # type: ignore[no-untyped-def]
             options: Options, failed: list[Failure]) -> int:
    """Pass 3: resolve each report, spill its triples and figures, write the logs; the number of entities."""
    from kg.graph.build import add_entities, forget_terms
    from kg.graph.resolve import Forms
    from kg.graph.triples import Triples
    from kg.outputs.export import LEFT_OUT_HEADER, RESOLUTION_HEADER, open_atomic

    forms = Forms(documents=False)
    bad = {f.document for f in failed}
    with open_atomic(out_dir / "resolution.tsv") as log, open_atomic(out_dir / "figures-left-out.tsv") as left:
        log.write(RESOLUTION_HEADER)
        left.write(LEFT_OUT_HEADER)
        for _, extractions in _partitions(parts, bad):
            forget_terms()
            for extraction in extractions:
                _one(extraction, resolver, spill, figures, forms, log, left, options, failed)
            spill.forget()
        entities = iter(forms.entities())
        while chunk := list(islice(entities, ENTITY_CHUNK)):
            forget_terms()
            triples = Triples()
            add_entities(triples, chunk)
            spill.add(triples)
            spill.forget()
    return len(forms)


def _one(extraction: Extraction, resolver, spill, figures, forms, log: TextIO, left: TextIO,  # type: ignore[no-untyped-def]
         options: Options, failed: list[Failure]) -> None:
    """Resolve one report and spill what it adds to the graph (nothing, when a stage fails on it)."""
    from kg.graph.build import report_triples
    from kg.graph.resolve import report_scope, resolve_report
    from kg.outputs.export import left_out_rows, resolution_rows

    try:
        decisions = resolve_report(extraction, resolver)
    except Exception as exc:
        failed.append(failure("resolve", extraction.document, exc))
        _check_strict(failed, options)
        return
    name = extraction.document.name
    keys = {(name, d.kind, d.surface): d.key for d, _ in decisions}
    try:
        triples, found = report_triples(extraction, keys, report_scope(extraction)[0])
    except Exception as exc:
        failed.append(failure("rdf", extraction.document, exc))
        _check_strict(failed, options)
        return
    forms.add(decisions)
    log.write(resolution_rows(d for d, _ in decisions))
    left.write(left_out_rows(extraction))
    spill.add(triples)
    for (zone, metric, period, change), nodes in found.items():
        for kind, node in nodes:
            figures.add((str(zone), metric, period, change, kind, str(node)))


def _link(figures, spill) -> None:  # type: ignore[no-untyped-def]
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
