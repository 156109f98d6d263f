"""The ordered stages of a build; the only module that knows their order.

    read → normalise → extract → learn names → recognise → resolve → RDF

>>> from pathlib import Path
>>> graph = build([Path("seeds")]).graph      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError
from kg.graph.resolve import Aliases, Resolution
from kg.text.read import Skipped
from kg.types import Document, Extraction

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build produces: the graph, the extractions behind it, and how names were resolved."""

    graph: Graph
    extractions: tuple[Extraction, ...]
    resolution: Resolution
    skipped: tuple[Skipped, ...] = ()


def extract_document(document: Document) -> Extraction:
    """First pass over one document: normalise its text, then extract."""
    from kg.extract import extract
    from kg.text.normalize import normalize

    return extract(document, normalize(document.text))


def build_documents(
    documents: Iterable[Document], progress: Progress | None = None, aliases: Aliases | None = None
) -> BuildResult:
    """Run every stage after reading on already-read documents."""
    from kg.extract import learned_names, recognise
    from kg.graph.build import to_rdf
    from kg.graph.resolve import resolve

    first: list[Extraction] = []
    for document in documents:
        first.append(extract_document(document))
        if progress:
            progress(document.name)
    names = learned_names(first)
    extractions = tuple(recognise(extraction, names) for extraction in first)
    resolution = resolve(extractions, aliases)
    return BuildResult(graph=to_rdf(resolution), extractions=extractions, resolution=resolution)


def build(
    paths: Iterable[Path], progress: Progress | None = None, aliases: Path | None = None
) -> BuildResult:
    """Build the knowledge graph of the reports under ``paths`` (with an optional alias file).

    Files that cannot be read are left out and listed in ``BuildResult.skipped``;
    when no file at all can be read, that is an error.
    """
    from kg.text.read import read_aliases, read_documents

    user_aliases = read_aliases(aliases) if aliases else None
    skipped: list[Skipped] = []

    def documents() -> Iterator[Document]:
        for item in read_documents(paths):
            if isinstance(item, Skipped):
                skipped.append(item)
                if progress and not item.reason.startswith("unsupported"):
                    progress(item.path)
            else:
                yield item

    result = build_documents(documents(), progress, user_aliases)
    if not result.extractions:
        first = f": {skipped[0].path}: {skipped[0].reason}" if skipped else ""
        raise InputError(f"nothing could be read ({len(skipped)} file(s) skipped{first})")
    return replace(result, skipped=tuple(skipped))


def count_files(paths: Iterable[Path]) -> int:
    """How many report files a build over ``paths`` will read (for progress bars)."""
    from kg.text.read import find_files

    return len(find_files(list(paths)))
