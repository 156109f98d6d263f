"""Sharded N-Triples: the graph as sorted N-Triples files of a fixed size, and a manifest.

Stores that serve billions of triples bulk-load N-Triples files in parallel (QLever,
Jena's tdb2.tdbloader, Oxigraph).  The lines are sorted, so the shards of one input are
the same bytes on every run, and their concatenation is the canonical N-Triples of the
graph ``kg build`` writes as Turtle.  ``manifest.json`` lists each shard with its number
of triples and its SHA-256, so a loader can check it has them all.

>>> from rdflib import Literal, URIRef
>>> nt_line((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("甲", lang="zh")))
'<https://example.org/a> <https://example.org/p> "甲"@zh .'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from rdflib.term import Node

from kg.errors import GraphFileError

MANIFEST = "manifest.json"
SHARD_NAME = "graph-{:05d}.nt"


def nt_line(triple: tuple[Node, Node, Node]) -> str:
    """One triple as an N-Triples line (UTF-8, no prefixes)."""
    return " ".join(term.n3() for term in triple) + " ."


def shard_texts(triples: Iterable[tuple[Node, Node, Node]], per_shard: int) -> list[str]:
    """The sorted N-Triples lines cut into texts of at most ``per_shard`` lines each."""
    lines = sorted(nt_line(t) for t in triples)
    return ["".join(f"{line}\n" for line in lines[start:start + per_shard])
            for start in range(0, len(lines), max(1, per_shard))]


def write_shards(triples: Iterable[tuple[Node, Node, Node]], folder: Path, per_shard: int) -> dict[str, object]:
    """Write the shards and their manifest into ``folder`` (each file atomically); return the manifest."""
    from kg.outputs.export import write_atomic

    shards = []
    for n, text in enumerate(shard_texts(triples, per_shard)):
        name = SHARD_NAME.format(n)
        write_atomic(folder / name, text)
        shards.append({"file": name, "triples": text.count("\n"),
                       "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()})
    kept = {s["file"] for s in shards}
    for stale in sorted(folder.glob("graph-*.nt")):
        if stale.name not in kept:
            stale.unlink()
    manifest = {"format": "application/n-triples", "sorted": True,
                "triples": sum(int(s["triples"]) for s in shards), "shards": shards}  # type: ignore[call-overload]
    write_atomic(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


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
