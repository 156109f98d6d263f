"""Read report files from disk into :class:`~kg.types.Document` values.

This is the pipeline's input edge: the only module of the text phase that
touches the file system.  A file that cannot be read becomes a
:class:`Skipped` note with a one-line reason, and the build goes on.  Metadata
comes from ``# key: value`` lines at the top of a file and from an optional
``metadata.csv`` beside the files, with columns ``file,zone,period,source``
(the file header wins).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError, UnreadableFile
from kg.text.formats import READERS
from kg.types import Document, Failure, Kind

MAX_BYTES = 50 * 1024 * 1024
METADATA_FILE = "metadata.csv"
META_KEYS = ("zone", "period", "source")
NOT_REPORTS = ("INDEX.MD", "README.MD", METADATA_FILE.upper())
HEADER = re.compile(r"^#\s*([\w-]+)\s*[:：]\s*(.*?)\s*$")


@dataclass(frozen=True)
class Skipped:
    """A file left out of the build, and why."""

    path: str
    reason: str


def scan(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Report files under ``paths`` (sorted) and notes on files passed over.

    Folders are walked recursively; hidden files are passed over silently,
    files of other types with a note.  A path that does not exist is an error.
    """
    found: set[Path] = set()
    notes: list[Skipped] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"input not found: {path} (give a report file or a folder of them)")
        children = [path] if path.is_file() else sorted(c for c in path.rglob("*") if c.is_file())
        for child in children:
            rel = child.relative_to(path) if child != path else Path(child.name)
            if any(part.startswith(".") for part in rel.parts) or child.name.upper() in NOT_REPORTS:
                continue
            if child.suffix.lower() in READERS:
                found.add(child)
            else:
                notes.append(Skipped(str(child), f"unsupported type {child.suffix or '(none)'}"))
    return sorted(found, key=lambda p: (p.name, str(p))), notes


def find_files(paths: Iterable[Path]) -> list[Path]:
    """The report files a build over ``paths`` reads; an error when there are none."""
    paths = list(paths)
    files, _ = scan(paths)
    if not files:
        names = ", ".join(str(p) for p in paths)
        kinds = ", ".join(sorted(READERS))
        raise InputError(f"no report files ({kinds}) found in {names}")
    return files


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
    """Read one report file; :class:`UnreadableFile` says why when it cannot be read."""
    try:
        size = path.stat().st_size
        if size >= MAX_BYTES:
            raise UnreadableFile(f"too large: {size / 1024 / 1024:.0f} MB (limit {MAX_BYTES // 1024 // 1024} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror}") from exc
    text = READERS[path.suffix.lower()](data).replace("\r\n", "\n").replace("\r", "\n")
    meta = {**folder_meta(path.parent).get(path.name, {}), **header_meta(text)}
    digest = hashlib.sha256(data).hexdigest()
    return Document(name=path.name, text=text, sha256=digest, path=str(path), meta=tuple(sorted(meta.items())))


def read_documents(paths: Iterable[Path]) -> Iterator[Document | Skipped | Failure]:
    """Every report under ``paths`` in a stable order, and a note for each file passed over.

    A file that is not a readable report is :class:`Skipped`; a file a reader breaks on
    unexpectedly (a bug) is a :class:`~kg.types.Failure` of the ``read`` stage.
    """
    files, notes = scan(list(paths))
    yield from notes
    for path in files:
        try:
            yield read_document(path)
        except UnreadableFile as exc:
            yield Skipped(str(path), str(exc))
        except Exception as exc:
            yield Failure.of("read", path.name, str(path), exc)


def read_aliases(path: Path) -> dict[tuple[Kind, str], str]:
    """Read a user alias file: ``surface<TAB>class<TAB>canonical`` per line, ``#`` comments.

    Example line: ``宏源氢能\\tCompany\\t河南宏源氢能化工股份有限公司``.
    """
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read alias file {path}: {getattr(exc, 'strerror', None) or exc}") from exc
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
