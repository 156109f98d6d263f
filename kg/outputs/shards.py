"""Sharded N-Triples: the graph as sorted N-Triples files of a fixed size, and a manifest.

Stores that serve billions of triples bulk-load N-Triples files in parallel (QLever,
Jena's tdb2.tdbloader, Oxigraph).  The lines are sorted, so the shards of one input are
the same bytes on every run, and their concatenation is the canonical N-Triples of the
graph ``kg build`` writes as Turtle.  ``manifest.json`` lists each shard with its number
of triples and its SHA-256, so a loader can check it has them all.

>>> from rdflib import URIRef
>>> nt_line((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("甲", lang="zh")))
'<https://example.org/a> <https://example.org/p> "甲"@zh .'
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from rdflib.term import Literal, Node

from kg.errors import GraphFileError

MANIFEST = "manifest.json"
SHARD_NAME = "graph-{:05d}.nt"


def nt_line(triple: tuple[Node, Node, Node]) -> str:
    """One triple as an N-Triples line (UTF-8, no prefixes)."""
    return " ".join(map(nt_term, triple)) + " ."


def nt_term(term: Node) -> str:
    r"""A term as N-Triples writes it: as in N3, except that a line break in a literal is escaped.

    >>> print(nt_term(Literal("甲\n乙", lang="zh")))
    "甲\n乙"@zh
    """
    if isinstance(term, Literal) and "\n" in term:
        text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        text = f'"{text}"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^<{term.datatype}>" if term.datatype else text
    return term.n3()


class ShardWriter:
    """Writes N-Triples lines, already in sorted order, into shards of ``per_shard`` lines and a manifest.

    Lines stream through: a shard is made whole under a temporary name and renamed, so the
    memory a corpus of any size needs is one line.
    """

    def __init__(self, folder: Path, per_shard: int) -> None:
        self.folder, self.per_shard = folder, max(1, per_shard)
        self.shards: list[dict[str, object]] = []
        self._handle: IO[bytes] | None = None
        self._lines = 0
        self._hash = hashlib.sha256()
        folder.mkdir(parents=True, exist_ok=True)

    def write(self, line: str) -> None:
        """Add one N-Triples line (without its newline)."""
        if self._handle is None:
            self._handle = open(self._tmp(), "wb")  # closed in _close
        data = (line + "\n").encode("utf-8")
        self._handle.write(data)
        self._hash.update(data)
        self._lines += 1
        if self._lines == self.per_shard:
            self._close()

    def _tmp(self) -> Path:
        return self.folder / f".{SHARD_NAME.format(len(self.shards))}.tmp"

    def _close(self) -> None:
        if self._handle is None:
            return
        self._handle.close()
        name = SHARD_NAME.format(len(self.shards))
        os.replace(self._tmp(), self.folder / name)
        self.shards.append({"file": name, "triples": self._lines, "sha256": self._hash.hexdigest()})
        self._handle, self._lines, self._hash = None, 0, hashlib.sha256()

    def finish(self) -> dict[str, object]:
        """Close the last shard, remove shards of an earlier build, write the manifest; return it."""
        from kg.outputs.export import write_atomic

        self._close()
        kept = {s["file"] for s in self.shards}
        for stale in sorted(self.folder.glob("graph-*.nt")):
            if stale.name not in kept:
                stale.unlink()
        manifest = {"format": "application/n-triples", "sorted": True,
                    "triples": sum(int(s["triples"]) for s in self.shards),  # type: ignore[call-overload]
                    "shards": self.shards}
        write_atomic(self.folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        return manifest

    def abort(self) -> None:
        """Drop the shard being written (the build failed): no half shard is left."""
        if self._handle is not None:
            self._handle.close()
            self._tmp().unlink(missing_ok=True)
            self._handle = None


def write_shards(triples: Iterable[tuple[Node, Node, Node]], folder: Path, per_shard: int) -> dict[str, object]:
    """Write the sorted shards of ``triples`` and their manifest into ``folder``; return the manifest."""
    writer = ShardWriter(folder, per_shard)
    try:
        for line in sorted(nt_line(t) for t in triples):
            writer.write(line)
    except BaseException:
        writer.abort()
        raise
    return writer.finish()


def shard_files(manifest_path: Path) -> list[Path]:
    """The shard files a manifest lists, each checked to be there and whole."""
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        entries = manifest["shards"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GraphFileError(f"{manifest_path} is not a shard manifest ({exc}); "
                             "kg build --shards N writes one") from exc
    files = []
    for entry in entries:
        path = manifest_path.parent / entry["file"]
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            raise GraphFileError(f"shard {path} is missing or not the one {manifest_path.name} lists; "
                                 "build the shards again")
        files.append(path)
    return files
