"""Read report files from disk into :class:`~kg.types.Document` values.

This is the pipeline's input edge: the only module of the text phase that
touches the file system.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.types import Document

SUFFIXES = (".txt", ".md")
ENCODINGS = ("utf-8-sig", "gb18030")


def find_files(paths: Iterable[Path]) -> list[Path]:
    """List the report files named by ``paths`` (files, or folders walked recursively).

    Hidden files and unsupported suffixes inside folders are skipped; the result
    is sorted so that builds are deterministic.
    """
    found: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError(f"input not found: {path} (give a report file or a folder of them)")
        if path.is_file():
            found.add(path)
            continue
        for child in path.rglob("*"):
            rel = child.relative_to(path)
            if child.is_file() and child.suffix.lower() in SUFFIXES and not any(
                part.startswith(".") for part in rel.parts
            ):
                found.add(child)
    if not found:
        names = ", ".join(str(p) for p in paths)
        raise InputError(f"no report files (.txt, .md) found in {names}")
    return sorted(found, key=lambda p: (p.name, str(p)))


def decode(data: bytes, name: str) -> str:
    """Decode report bytes: UTF-8 (with or without BOM), else GB18030."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"cannot decode {name}: not UTF-8 or GB18030 text")


def read_document(path: Path) -> Document:
    """Read one report file into a :class:`Document`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    text = decode(data, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(data).hexdigest()
    return Document(name=path.name, text=text, sha256=digest, path=str(path))


def read_documents(paths: Iterable[Path]) -> Iterator[Document]:
    """Read every report under ``paths`` in a stable order."""
    for path in find_files(list(paths)):
        yield read_document(path)
