"""Read report files from disk into :class:`~kg.types.Document` values.

This is the pipeline's input edge: the only module of the text phase that
touches the file system.  Metadata comes from ``# key: value`` lines at the top
of a file and from an optional ``metadata.csv`` beside the files, with columns
``file,zone,period,source`` (the file header wins).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.types import Document, Kind

SUFFIXES = (".txt", ".md")
ENCODINGS = ("utf-8-sig", "gb18030")
METADATA_FILE = "metadata.csv"
META_KEYS = ("zone", "period", "source")
HEADER = re.compile(r"^#\s*([\w-]+)\s*[:：]\s*(.*?)\s*$")


def find_files(paths: Iterable[Path]) -> list[Path]:
    """List the report files named by ``paths`` (files, or folders walked recursively).

    Hidden files, unsupported suffixes and ``INDEX.md``/``README.md`` inside
    folders are skipped; the result is sorted so that builds are deterministic.
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
            if (
                child.is_file()
                and child.suffix.lower() in SUFFIXES
                and child.name.upper() not in ("INDEX.MD", "README.MD")
                and not any(part.startswith(".") for part in rel.parts)
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


def header_meta(text: str) -> dict[str, str]:
    """``# key: value`` lines at the top of a report."""
    meta: dict[str, str] = {}
    for line in text.splitlines():
        match = HEADER.match(line)
        if not match:
            break
        if match.group(1).lower() in META_KEYS and match.group(2):
            meta[match.group(1).lower()] = match.group(2)
    return meta


@lru_cache(maxsize=64)
def folder_meta(folder: Path) -> dict[str, dict[str, str]]:
    """Rows of ``metadata.csv`` in ``folder``, keyed by file name."""
    path = folder / METADATA_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if rows and "file" not in rows[0]:
        raise InputError(f"{path}: the first line must name the columns file,zone,period,source")
    return {row["file"]: {k: v for k, v in row.items() if k in META_KEYS and v} for row in rows}


def read_document(path: Path) -> Document:
    """Read one report file into a :class:`Document`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    text = decode(data, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    meta = {**folder_meta(path.parent).get(path.name, {}), **header_meta(text)}
    digest = hashlib.sha256(data).hexdigest()
    return Document(name=path.name, text=text, sha256=digest, path=str(path),
                    meta=tuple(sorted(meta.items())))


def read_aliases(path: Path) -> dict[tuple[Kind, str], str]:
    """Read a user alias file: ``surface<TAB>class<TAB>canonical`` per line, ``#`` comments.

    Example line: ``金源氢化\tCompany\t河南金源氢化化工股份有限公司``.
    """
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read alias file {path}: {exc.strerror}") from exc
    aliases: dict[tuple[Kind, str], str] = {}
    classes = ", ".join(k.value for k in Kind)
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) != 3 or not all(parts):
            raise InputError(f"{path}:{number}: expected surface<TAB>class<TAB>canonical, got {line!r}")
        try:
            kind = Kind(parts[1])
        except ValueError:
            raise InputError(f"{path}:{number}: unknown class {parts[1]!r} (one of {classes})") from None
        aliases[(kind, parts[0])] = parts[2]
    return aliases


def read_documents(paths: Iterable[Path]) -> Iterator[Document]:
    """Read every report under ``paths`` in a stable order."""
    for path in find_files(list(paths)):
        yield read_document(path)
