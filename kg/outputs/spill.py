"""Triples of a corpus too large for memory: rendered into hash buckets on disk, sorted, merged.

A streaming build renders each report's triples as they are made (the Turtle text and sort
key of every term, as :func:`kg.outputs.export.to_turtle` makes them) and appends them to one
of ``buckets`` files chosen by a hash of the subject.  At the end each bucket is sorted and
deduplicated alone, and the sorted buckets are merged, so a subject's triples arrive
together and in Turtle's order: the Turtle written is byte for byte the one the in-memory
build writes, and the N-Triples shards are those of ``kg build --shards``.  Memory: one
bucket while it is sorted, and one subject's triples while they are merged.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import groupby
from pathlib import Path

from rdflib import RDF

from kg.graph.build import new_graph
from kg.graph.triples import Triples, objects
from kg.outputs.export import INDENT, _Terms, open_atomic
from kg.outputs.shards import ShardWriter, nt_term
from kg.outputs.stats import ZG_PREFIX, Stats

SEP = "\x00"
#: How a function is mapped over bucket files: ``map``, or a map over processes.
Mapper = Callable[[Callable[[Path], Path], list[Path]], Iterable[Path]]
#: Characters buffered in memory across all buckets before they are appended to their files.
BUFFERED = 16_000_000
TYPE_NT = f"<{RDF.type}>"


#: Characters a line of a bucket cannot hold as they are: the separator and the line break (and those between,
#: so that escaped texts sort as the texts do).
CONTROL = re.compile("[\x00-\x0a]")
ESCAPED = re.compile("\x01(.)")


def _escape(text: str) -> str:
    """``text`` with no NUL (the field separator) and no line break, in the same sort order as ``text``.

    Each character from U+0000 to U+000A becomes U+0001 and a letter after it: U+0001 sorts below every
    character left as it is, and the letters keep the order of the characters they stand for.
    """
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(lambda m: "\x01" + chr(0x40 + ord(m.group())), text)


def _unescape(text: str) -> str:
    if "\x01" not in text:
        return text
    return ESCAPED.sub(lambda m: chr(ord(m.group(1)) - 0x40), text)


def bucket_of(key: str, buckets: int) -> int:
    """The bucket of a key: the same in every process (a CRC, not Python's salted hash)."""
    return zlib.crc32(key.encode("utf-8")) % max(1, buckets)


class Renderer:
    """Renders triples into bucket lines, as a streaming build's workers do (no file is touched).

    Keeps each term's rendering while it lives; make a new one per partition.
    """

    def __init__(self, buckets: int) -> None:
        self.buckets = max(1, buckets)
        self.terms = _Terms(new_graph().namespace_manager)

    @property
    def prefixes(self) -> set[str]:
        """The prefixes the rendered terms use (for the Turtle header)."""
        return self.terms.prefixes

    def lines(self, triples: Triples) -> dict[int, list[str]]:
        """``triples`` as lines of their subjects' buckets."""
        info, predicate = self.terms.info, self.terms.predicate
        out: dict[int, list[str]] = {}
        for s, preds in triples.subjects.items():
            skey, stext = info(s)
            bucket = out.setdefault(bucket_of(skey, self.buckets), [])
            for p, objs in preds.items():
                pkey, ptext = predicate(p)
                head = f"{skey}{SEP}{pkey}{SEP}"
                tail = f"{SEP}{stext}{SEP}{ptext}\n"
                for o in objects(objs):
                    okey, otext = info(o)
                    nt = _escape(nt_term(o)) if okey.startswith('1"""') else ""  # N3 long quotes: not N-Triples
                    bucket.append(f"{head}{_escape(okey)}{SEP}{_escape(otext)}{SEP}{nt}{tail}")
        return out


def group_line(row: tuple[str, ...], key_size: int, buckets: int) -> tuple[int, str]:
    """A row of :class:`Groups` as its bucket and line (its key is its first ``key_size`` fields)."""
    fields = list(map(_escape, row))
    return bucket_of(SEP.join(fields[:key_size]), buckets), SEP.join(fields) + "\n"


def sort_bucket(path: Path) -> Path:
    """Sort and deduplicate the lines of one bucket file in place."""
    with path.open(encoding="utf-8", newline="\n") as handle:
        lines = sorted(set(handle))
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(lines)
    return path


class _Buckets:
    """Text appended to ``buckets`` files, buffered in memory between appends."""

    def __init__(self, folder: Path, buckets: int, stem: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.paths = [folder / f"{stem}-{n:05d}.txt" for n in range(max(1, buckets))]
        for path in self.paths:
            path.write_text("", encoding="utf-8")
        self.buffers: list[list[str]] = [[] for _ in self.paths]
        self.buffered = 0

    def append(self, bucket: int, text: str) -> None:
        """Queue whole lines for one bucket."""
        self.buffers[bucket].append(text)
        self.buffered += len(text)
        if self.buffered >= BUFFERED:
            self.flush()

    def flush(self) -> None:
        """Append the queued lines to their bucket files."""
        for path, buffer in zip(self.paths, self.buffers, strict=True):
            if buffer:
                with path.open("a", encoding="utf-8", newline="\n") as handle:
                    handle.writelines(buffer)
                buffer.clear()
        self.buffered = 0


class Spill(_Buckets):
    """Rendered triples in ``buckets`` files under ``folder``, to be merged by :func:`write_sorted`."""

    def __init__(self, folder: Path, buckets: int) -> None:
        super().__init__(folder, buckets, "bucket")
        self.prefixes: set[str] = set()
        self.namespaces = dict(new_graph().namespace_manager.namespaces())
        self.renderer = Renderer(buckets)

    def add(self, triples: Triples) -> None:
        """Render ``triples`` and queue them for their subjects' buckets."""
        for bucket, lines in self.renderer.lines(triples).items():
            self.append(bucket, "".join(lines))

    def forget(self) -> None:
        """Drop the rendered terms kept so far (call between partitions: they are not needed again)."""
        self.prefixes |= self.renderer.prefixes
        self.renderer = Renderer(len(self.paths))

    def sort(self, step: Callable[[], None] | None = None, each: Mapper = map) -> list[Path]:
        """Sort and deduplicate each bucket on its own (``each`` maps :func:`sort_bucket` over them, in
        processes for a streaming build; ``step`` after each); the sorted files, in bucket order."""
        self.flush()
        self.forget()
        for _ in each(sort_bucket, self.paths):
            if step:
                step()
        return self.paths


def _groups(paths: list[Path], stack: ExitStack) -> Iterator[tuple[str, list[list[str]]]]:
    """(subject text, its triples' fields) in sorted order, merged from sorted bucket files."""
    files = [stack.enter_context(path.open(encoding="utf-8", newline="\n")) for path in paths]
    rows = (line[:-1].split(SEP) for line in heapq.merge(*files))
    for _, group in groupby(rows, key=lambda row: row[0]):
        fields = list(group)
        yield fields[0][5], fields


def write_sorted(spill: Spill, turtle: Path, shards: ShardWriter | None = None,
                 step: Callable[[], None] | None = None, each: Mapper = map) -> Stats:
    """Merge the spilled triples into ``turtle`` (written whole, then renamed) and the ``shards``; count them.

    The buckets are sorted first, by ``each`` (see :meth:`Spill.sort`)."""
    paths = spill.sort(step, each)
    header = "".join(f"@prefix {p}: <{spill.namespaces[p]}> .\n" for p in sorted(spill.prefixes))
    predicates: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    try:
        with ExitStack() as stack, open_atomic(turtle) as out:
            out.write(header + "\n")
            first = True
            for stext, rows in _groups(paths, stack):
                out.write(("" if first else "\n") + _block(stext, rows))
                first = False
                nts = []
                for skey, pkey, okey, _, nt, _, _ in rows:
                    pnt = pkey[1:] if pkey else TYPE_NT
                    predicates[pnt] += 1
                    if not pkey and okey.startswith("0<" + ZG_PREFIX):
                        classes["zg:" + okey[2 + len(ZG_PREFIX):-1]] += 1
                    nts.append(f"{skey[1:]} {pnt} {_unescape(nt) if nt else _unescape(okey)[1:]} .")
                if shards:
                    for line in sorted(nts):
                        shards.write(line)
    except BaseException:
        if shards:
            shards.abort()
        raise
    if shards:
        shards.finish()
    return _stats(predicates, classes)


def _block(stext: str, rows: list[list[str]]) -> str:
    """One subject's Turtle block: predicates in order, each with its objects."""
    parts = []
    for _, same in groupby(rows, key=lambda row: row[1]):
        items = list(same)
        parts.append(items[0][6] + " " + ", ".join(_unescape(row[3]) for row in items))
    return stext + "\n" + INDENT + (" ;\n" + INDENT).join(parts) + " .\n"


def _stats(predicates: Counter[str], classes: Counter[str]) -> Stats:
    nm = new_graph().namespace_manager
    from rdflib import URIRef

    properties = {nm.normalizeUri(URIRef(p[1:-1])): n for p, n in predicates.items()}
    return Stats(triples=sum(predicates.values()), classes=dict(sorted(classes.items())),
                 properties=dict(sorted(properties.items())))


class Groups(_Buckets):
    """Rows grouped by their first ``key_size`` fields on disk, read back one bucket at a time."""

    def __init__(self, folder: Path, buckets: int, key_size: int) -> None:
        super().__init__(folder, buckets, "group")
        self.key_size = key_size

    def add(self, row: tuple[str, ...]) -> None:
        """Queue one row (its key first)."""
        self.append(*group_line(row, self.key_size, len(self.paths)))

    def groups(self) -> Iterator[dict[tuple[str, ...], list[tuple[str, ...]]]]:
        """Each bucket's rows by key, one bucket at a time (keys in no particular order)."""
        self.flush()
        for path in self.paths:
            grouped: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
            with path.open(encoding="utf-8", newline="\n") as handle:
                for line in handle:
                    fields = tuple(map(_unescape, line[:-1].split(SEP)))
                    grouped.setdefault(fields[:self.key_size], []).append(fields[self.key_size:])
            yield grouped
