"""The ordered stages of a build; the only module that knows their order.

    read → normalise → extract → learn names → recognise → resolve → RDF

>>> from pathlib import Path
>>> graph = build([Path("seeds")]).graph      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.errors import InputError
from kg.graph.resolve import Aliases, Resolution
from kg.text.read import Skipped
from kg.types import Document, Extraction

if TYPE_CHECKING:
    from kg.graph.triples import Triples

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build produces: its triples, the extractions behind them, and how names were resolved.

    ``graph`` is made from the triples on first use: writing Turtle does not need it.
    """

    triples: Triples
    extractions: tuple[Extraction, ...]
    resolution: Resolution
    skipped: tuple[Skipped, ...] = ()

    @cached_property
    def graph(self) -> Graph:
        """The triples as an rdflib graph with the project's prefixes (made once, on first use)."""
        from kg.graph.build import to_graph

        return to_graph(self.triples)


def extract_document(document: Document) -> Extraction:
    """First pass over one document: normalise its text, then extract."""
    from kg.extract import extract
    from kg.text.normalize import normalize

    return extract(document, normalize(document.text))


@dataclass(frozen=True)
class Options:
    """How to run a build: parallel processes, an extraction cache, user aliases."""

    jobs: int = 1
    cache: Path | None = None
    aliases: Aliases | None = None


def first_pass(documents: Iterable[Document], options: Options, progress: Progress | None) -> list[Extraction]:
    """Extract every document, from the cache where it has them, in ``options.jobs`` processes."""
    from kg.cache import ExtractionCache

    cache = ExtractionCache(options.cache) if options.cache else None
    docs = list(documents)
    done: dict[int, Extraction] = {}
    todo: list[int] = []
    for n, document in enumerate(docs):
        hit = cache.get(document.sha256, document.name) if cache else None
        if hit is not None:
            done[n] = hit
            if progress:
                progress(document.name)
        else:
            todo.append(n)
    for n, extraction in zip(todo, _extract_all([docs[n] for n in todo], options.jobs), strict=True):
        done[n] = extraction
        if cache:
            cache.put(extraction)
        if progress:
            progress(extraction.document.name)
    return [done[n] for n in range(len(docs))]


def _extract_all(documents: list[Document], jobs: int) -> Iterator[Extraction]:
    """Extractions in input order; several processes when ``jobs`` > 1 and there is work for them."""
    if jobs <= 1 or len(documents) < 2 * jobs:
        yield from map(extract_document, documents)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(extract_document, documents, chunksize=max(1, len(documents) // (jobs * 8)))


def build_documents(
    documents: Iterable[Document], progress: Progress | None = None, options: Options | None = None
) -> BuildResult:
    """Run every stage after reading on already-read documents."""
    from kg.extract import learned_names, recognise
    from kg.graph.build import to_triples
    from kg.graph.resolve import resolve

    options = options or Options()
    first = first_pass(documents, options, progress)
    names = learned_names(first)
    extractions = tuple(recognise(extraction, names) for extraction in first)
    resolution = resolve(extractions, options.aliases)
    return BuildResult(triples=to_triples(resolution), extractions=extractions, resolution=resolution)


def build(
    paths: Iterable[Path],
    progress: Progress | None = None,
    aliases: Path | None = None,
    jobs: int = 1,
    cache: Path | None = None,
    strict: bool = False,
) -> BuildResult:
    """Build the knowledge graph of the reports under ``paths``.

    ``aliases`` is a user alias file, ``jobs`` the number of extracting processes,
    ``cache`` a folder for per-document extraction results.  Files that cannot be
    read are left out and listed in ``BuildResult.skipped``; when no file at all can
    be read, that is an error, and so is any unreadable file when ``strict`` (then all
    files are read before anything is extracted or cached).
    """
    from kg.text.read import read_aliases, read_documents

    options = Options(jobs=jobs, cache=cache, aliases=read_aliases(aliases) if aliases else None)
    skipped: list[Skipped] = []

    def documents() -> Iterator[Document]:
        for item in read_documents(paths):
            if isinstance(item, Skipped):
                skipped.append(item)
                if progress and not item.reason.startswith("unsupported"):
                    progress(item.path)
            else:
                yield item

    docs: Iterable[Document] = documents()
    if strict:
        docs = list(docs)
        if skipped:
            first = skipped[0]
            raise InputError(f"{len(skipped)} file(s) could not be read and --strict is set; nothing written "
                             f"(first: {first.path}: {first.reason})")
    result = build_documents(docs, progress, options)
    if not result.extractions:
        first = f": {skipped[0].path}: {skipped[0].reason}" if skipped else ""
        raise InputError(f"nothing could be read ({len(skipped)} file(s) skipped{first})")
    return replace(result, skipped=tuple(skipped))


def count_files(paths: Iterable[Path]) -> int:
    """How many report files a build over ``paths`` will read (for progress bars)."""
    from kg.text.read import find_files

    return len(find_files(list(paths)))
