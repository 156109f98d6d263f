"""The ordered stages of a build; the only module that knows their order.

    read → normalise → extract (rules) → decide (learned recogniser) → learn names → recognise
    → resolve → RDF

>>> from pathlib import Path
>>> graph = build([Path("seeds")]).graph      # doctest: +SKIP
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rdflib import Graph

from kg.errors import BuildError, InputError
from kg.graph.resolve import Aliases, Resolution
from kg.text.read import Skipped
from kg.types import Document, Extraction, Failure, Kind

if TYPE_CHECKING:
    from kg.cache import ExtractionCache
    from kg.cluster import Pending
    from kg.extract import Lexicon
    from kg.graph.triples import Triples

Progress = Callable[[str], None]
T = TypeVar("T")
#: The recogniser shipped with ZoneGraph (see :func:`kg.learn.model.load`).
PACKAGED = "packaged"


@dataclass(frozen=True)
class BuildResult:
    """What a build produces: its triples, the extractions behind them, and how names were resolved.

    ``graph`` is made from the triples on first use: writing Turtle does not need it.
    """

    triples: Triples
    extractions: tuple[Extraction, ...]
    resolution: Resolution
    skipped: tuple[Skipped, ...] = ()
    failed: tuple[Failure, ...] = ()

    @cached_property
    def graph(self) -> Graph:
        """The triples as an rdflib graph with the project's prefixes (made once, on first use)."""
        from kg.graph.build import to_graph

        return to_graph(self.triples)


def extract_rules(document: Document) -> Extraction:
    """The rules' pass over one document: normalise its text, then extract."""
    from kg.extract import extract
    from kg.text.normalize import normalize

    return extract(document, normalize(document.text))


def extract_document(document: Document, recogniser: str = PACKAGED) -> Extraction:
    """First pass over one document: the rules propose, the learned recogniser decides.

    ``recogniser`` is "packaged" (the model shipped in kg/resources), "none" (the rules alone)
    or the path of a model file.
    """
    from kg.learn.model import decide, load

    return decide(extract_rules(document), load(recogniser))


def failure(stage: str, document: Document, exc: BaseException) -> Failure:
    """A :class:`Failure` of ``stage`` on ``document``, with the traceback of ``exc``."""
    return Failure.of(stage, document.name, document.path, exc)


def extract_safely(document: Document, recogniser: str = PACKAGED) -> Extraction | Failure:
    """:func:`extract_document`, or the :class:`Failure` of a report the extractor breaks on.

    A fault boundary: an unexpected error on one report must not stop the build of the others.
    """
    try:
        return extract_document(document, recogniser)
    except Exception as exc:
        return failure("extract", document, exc)


@dataclass(frozen=True)
class WithNames:
    """An extraction and the names it teaches, found where it was extracted (see :func:`kg.extract.learnable`)."""

    extraction: Extraction
    names: tuple[tuple[str, Kind], ...]


def extract_with_names(document: Document, recogniser: str = PACKAGED) -> WithNames | Failure:
    """:func:`extract_safely`, and the names the extraction teaches (a streaming build's first pass)."""
    from kg.extract import learnable

    result = extract_safely(document, recogniser)
    if isinstance(result, Failure):
        return result
    try:
        return WithNames(result, learnable(result))
    except Exception as exc:
        return failure("learn", document, exc)


@dataclass(frozen=True)
class Options:
    """How to run a build: parallel processes, an extraction cache, user aliases, strictness."""

    jobs: int = 1
    cache: Path | None = None
    aliases: Aliases | None = None
    strict: bool = False
    recogniser: str = PACKAGED
    scheduler: str | None = None


def first_pass(
    documents: Iterable[Document], options: Options, progress: Progress | None,
    task: Callable[..., Extraction | WithNames | Failure] = extract_safely,
) -> Iterator[Extraction | WithNames | Failure]:
    """Extract every document with ``task``, from the cache where it has them, in input order.

    Lazy: a bounded window of documents is in flight (in ``options.jobs`` processes, or on the
    Dask cluster at ``options.scheduler``), so a corpus of any size streams through.  A cache
    hit is the cached :class:`Extraction` whatever the ``task``.
    """
    from kg.cache import ExtractionCache
    from kg.cluster import Done

    cache = ExtractionCache(options.cache, options.recogniser) if options.cache else None
    documents = iter(documents)
    head = list(islice(documents, 2 * options.jobs))
    if len(head) < 2 * options.jobs:  # too few to pay for starting processes
        options = replace(options, jobs=1)
    documents = chain(head, documents)
    with _submitter(options, task) as (submit, window):
        pending: deque[tuple[Document, Pending[Extraction | WithNames | Failure], bool]] = deque()
        for document in documents:
            hit = cache.get(document.sha256, document.name) if cache else None
            pending.append((document, Done(hit), False) if hit is not None else (document, submit(document), True))
            if len(pending) >= window:
                yield _take(pending, cache, progress)
        while pending:
            yield _take(pending, cache, progress)


def _take(pending: deque[tuple[Document, Pending[Extraction | WithNames | Failure], bool]],
          cache: ExtractionCache | None, progress: Progress | None) -> Extraction | WithNames | Failure:
    document, future, fresh = pending.popleft()
    result = future.result()
    extraction = result.extraction if isinstance(result, WithNames) else result
    if fresh and cache and isinstance(extraction, Extraction):
        cache.put(extraction)
    if progress:
        progress(document.name)
    return result


@contextmanager
def _submitter(options: Options, task: Callable[..., T]) -> Iterator[tuple[Callable[[Document], Pending[T]], int]]:
    """``(submit, window)`` of ``task``: on a Dask cluster when there is a scheduler, else in ``jobs`` processes."""
    from functools import partial

    from kg.cluster import parallel

    with parallel(partial(task, recogniser=options.recogniser), options.jobs, options.scheduler,
                  on_error=lambda document, exc: failure("extract", document, exc)) as found:
        yield found


class _StageFailed(Exception):
    """An error inside a corpus-wide stage, tagged with the stage's name."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(stage, error)
        self.stage, self.error = stage, error


def _stage(name: str, step: Callable[..., T], *args: object) -> T:
    try:
        return step(*args)
    except Exception as exc:
        raise _StageFailed(name, exc) from exc


def _isolating(
    extractions: tuple[Extraction, ...], run: Callable[[tuple[Extraction, ...]], T]
) -> tuple[T, list[Failure]]:
    """Run a corpus-wide step; when it fails, leave out the reports it fails on alone and run again.

    Finding the culprits costs one run per report, and only when the step has failed.  A step
    that fails on the corpus but on no report alone is a bug of the step itself and is raised.
    """
    try:
        return run(extractions), []
    except _StageFailed as whole:
        failures: list[Failure] = []
        for extraction in extractions:
            try:
                run((extraction,))
            except _StageFailed as alone:
                failures.append(failure(alone.stage, extraction.document, alone.error))
        if not failures:
            raise whole.error from whole
        bad = {f.document for f in failures}
        return run(tuple(e for e in extractions if e.document.name not in bad)), failures


def _recognise_safely(extraction: Extraction, names: Lexicon) -> Extraction | Failure:
    from kg.extract import recognise

    try:
        return recognise(extraction, names)
    except Exception as exc:
        return failure("recognise", extraction.document, exc)


def _split(results: Iterable[Extraction | Failure]) -> tuple[tuple[Extraction, ...], list[Failure]]:
    items = list(results)
    return (tuple(x for x in items if isinstance(x, Extraction)),
            [x for x in items if isinstance(x, Failure)])


def build_documents(
    documents: Iterable[Document], progress: Progress | None = None, options: Options | None = None
) -> BuildResult:
    """Run every stage after reading on already-read documents.

    A report that a stage fails on is left out and listed in ``BuildResult.failed``; with
    ``options.strict`` the first such failure ends the build (:class:`~kg.errors.BuildError`).
    """
    from kg.extract import learned_names
    from kg.graph.build import to_triples
    from kg.graph.resolve import resolve

    options = options or Options()
    first, failed = _split(first_pass(documents, options, progress))
    _check_strict(failed, options)
    names, more = _isolating(first, lambda ex: _stage("learn", learned_names, ex))
    failed += more
    kept = {e.document.name for e in first} - {f.document for f in more}
    extractions, more = _split(_recognise_safely(e, names) for e in first if e.document.name in kept)
    failed += more
    _check_strict(failed, options)

    def to_rdf(subset: tuple[Extraction, ...]) -> tuple[Resolution, Triples]:
        resolution = _stage("resolve", resolve, subset, options.aliases)
        return resolution, _stage("rdf", to_triples, resolution)

    (resolution, triples), more = _isolating(extractions, to_rdf)
    failed += more
    _check_strict(failed, options)
    return BuildResult(triples=triples, extractions=resolution.extractions, resolution=resolution,
                       failed=tuple(failed))


def _check_strict(failed: list[Failure], options: Options) -> None:
    if failed and options.strict:
        first = failed[0]
        raise BuildError(f"{first.line()}; --strict is set, so nothing was written "
                         f"(without --strict the other reports are built and the traceback is logged)")


def build(
    paths: Iterable[Path],
    progress: Progress | None = None,
    aliases: Path | None = None,
    jobs: int = 1,
    cache: Path | None = None,
    strict: bool = False,
    recogniser: str = PACKAGED,
    scheduler: str | None = None,
) -> BuildResult:
    """Build the knowledge graph of the reports under ``paths``.

    ``aliases`` is a user alias file, ``jobs`` the number of extracting processes (or ``scheduler``
    the address of a Dask cluster to extract on),
    ``cache`` a folder for per-document extraction results.  Files that cannot be
    read are left out and listed in ``BuildResult.skipped``; when no file at all can
    be read, that is an error, and so is any unreadable file when ``strict`` (then all
    files are read before anything is extracted or cached).
    """
    from kg.learn.model import load
    from kg.text.read import read_aliases

    load(recogniser)  # a model file that cannot be read is the user's mistake: said once, up front
    options = Options(jobs=jobs, cache=cache, aliases=read_aliases(aliases) if aliases else None, strict=strict,
                      recogniser=recogniser, scheduler=scheduler)
    skipped: list[Skipped] = []
    unread: list[Failure] = []
    docs = read_inputs(paths, options, progress, skipped, unread)
    result = build_documents(docs, progress, options)
    result = replace(result, failed=(*unread, *result.failed))
    if not result.extractions and result.failed:
        raise BuildError(f"no report could be built ({len(result.failed)} failed; first: {result.failed[0].line()})")
    if not result.extractions:
        first = f": {skipped[0].path}: {skipped[0].reason}" if skipped else ""
        raise InputError(f"nothing could be read ({len(skipped)} file(s) skipped{first})")
    return replace(result, skipped=tuple(skipped))


def read_inputs(paths: Iterable[Path], options: Options, progress: Progress | None,
                skipped: list[Skipped], unread: list[Failure], eager: bool = True) -> Iterable[Document]:
    """The documents under ``paths``; files passed over are added to ``skipped`` and ``unread``.

    With ``options.strict`` any file that cannot be read is an error: before anything is
    extracted when ``eager`` (all files are read first), else when the reading reaches it
    (a streaming build, which writes its graph only at the end, holds no texts for it).
    """
    from kg.text.read import read_documents

    def documents() -> Iterator[Document]:
        for item in read_documents(paths):
            if isinstance(item, Failure):
                unread.append(item)
                _check_strict(unread, options)
            elif isinstance(item, Skipped):
                skipped.append(item)
                if options.strict and not eager:
                    _refuse(skipped)
                if progress and not item.reason.startswith("unsupported"):
                    progress(item.path)
            else:
                yield item

    if not options.strict or not eager:
        return documents()
    docs = list(documents())
    if skipped:
        _refuse(skipped)
    return docs


def _refuse(skipped: list[Skipped]) -> None:
    first = skipped[0]
    raise InputError(f"{len(skipped)} file(s) could not be read and --strict is set; nothing written "
                     f"(first: {first.path}: {first.reason})")


def count_files(paths: Iterable[Path]) -> int:
    """How many report files a build over ``paths`` will read (for progress bars)."""
    from kg.text.read import find_files

    return len(find_files(list(paths)))
