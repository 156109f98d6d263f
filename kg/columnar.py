"""Extractions as Parquet: one folder per partition of reports, one table per kind of record.

A streaming build (``kg build --stream``) keeps no report in memory past its partition:
the first pass writes each partition's extractions here, and the corpus-wide stages read
them back one partition at a time.  Every record carries ``report``, its report's row in
``reports.parquet``; rows keep their order, so an extraction read back equals the one
written, except for the report's raw text, which no later stage reads.  Numbers are kept
as their decimal text, so nothing is rounded on the way.

pyarrow is imported only here (``pip install 'zonegraph[distributed]'``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields, replace
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, get_type_hints

from kg.errors import InputError
from kg.types import (
    Document,
    DocumentInfo,
    Extraction,
    Fact,
    Kind,
    LeftOut,
    Mention,
    Observation,
    Ranking,
    Sentence,
    Status,
)

Columns = dict[str, list[Any]]
#: The record tables of an extraction: file stem → (record class, the extraction's field).
RECORDS: dict[str, tuple[type, str]] = {
    "sentences": (Sentence, "sentences"),
    "mentions": (Mention, "mentions"),
    "observations": (Observation, "observations"),
    "rankings": (Ranking, "rankings"),
    "left_out": (LeftOut, "left_out"),
}
#: Mentions a later pass adds to a partition (the learned names it recognised), beside the first pass's.
ADDED = "added_mentions"
#: How a fact's object is told apart in its ``obj_type`` column.
OBJECT_TYPES: dict[type, str] = {Mention: "mention", Status: "status", Decimal: "decimal", int: "int", str: "str"}


def _pyarrow():  # type: ignore[no-untyped-def]
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise InputError("--stream needs pyarrow: pip install 'zonegraph[distributed]' "
                         "(or pip install pyarrow)") from exc
    return pyarrow, pyarrow.parquet


def _cell(value: object) -> object:
    """A field's value as Parquet keeps it: enums by value, decimals as text."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _parse(hint: Any, value: object) -> object:
    """A cell back as the field's type (``Decimal``, ``Kind`` or as stored)."""
    if value is None:
        return None
    text = str(hint)
    if "Decimal" in text:
        return Decimal(str(value))
    if hint is Kind:
        return Kind(value)
    return value


def _columns(cls: type, items: Iterable[tuple[int, object]]) -> Columns:
    """Column lists of ``(report, record)`` pairs of one dataclass."""
    names = [f.name for f in fields(cls)]
    out: Columns = {"report": [], **{name: [] for name in names}}
    for report, item in items:
        out["report"].append(report)
        for name in names:
            out[name].append(_cell(getattr(item, name)))
    return out


def _records(cls: type, columns: Columns) -> Iterator[tuple[int, object]]:
    """``(report, record)`` pairs back from column lists."""
    hints = _hints(cls)
    names = [f.name for f in fields(cls)]
    for row in range(len(columns["report"])):
        yield columns["report"][row], cls(**{n: _parse(hints[n], columns[n][row]) for n in names})


def _fact_columns(extractions: Sequence[Extraction]) -> Columns:
    out: Columns = {k: [] for k in ("report", "subject_kind", "subject_label", "subject_sentence", "predicate",
                                     "obj_type", "obj_kind", "obj_label", "obj_sentence", "obj_value", "sentence")}
    for report, extraction in enumerate(extractions):
        for fact in extraction.facts:
            obj = fact.obj
            mention = obj if isinstance(obj, Mention) else None
            out["report"].append(report)
            out["subject_kind"].append(fact.subject.kind.value)
            out["subject_label"].append(fact.subject.label)
            out["subject_sentence"].append(fact.subject.sentence)
            out["predicate"].append(fact.predicate)
            out["obj_type"].append(next(name for cls, name in OBJECT_TYPES.items() if isinstance(obj, cls)))
            out["obj_kind"].append(mention.kind.value if mention else None)
            out["obj_label"].append(mention.label if mention else None)
            out["obj_sentence"].append(mention.sentence if mention else None)
            out["obj_value"].append(None if mention else str(_cell(obj)))
            out["sentence"].append(fact.sentence)
    return out


def _facts(columns: Columns) -> Iterator[tuple[int, Fact]]:
    parse = {"status": Status, "decimal": Decimal, "int": int, "str": str}
    for row in range(len(columns["report"])):
        subject = Mention(Kind(columns["subject_kind"][row]), columns["subject_label"][row],
                          columns["subject_sentence"][row])
        kind = columns["obj_type"][row]
        obj: object = (Mention(Kind(columns["obj_kind"][row]), columns["obj_label"][row], columns["obj_sentence"][row])
                       if kind == "mention" else parse[kind](columns["obj_value"][row]))
        yield columns["report"][row], Fact(subject, columns["predicate"][row], obj,  # type: ignore[arg-type]
                                           columns["sentence"][row])


def _report_columns(extractions: Sequence[Extraction]) -> Columns:
    info_names = [f.name for f in fields(DocumentInfo)]
    out: Columns = {k: [] for k in ("name", "sha256", "path", "meta_keys", "meta_values", *info_names)}
    for extraction in extractions:
        document = extraction.document
        out["name"].append(document.name)
        out["sha256"].append(document.sha256)
        out["path"].append(document.path)
        out["meta_keys"].append([k for k, _ in document.meta])
        out["meta_values"].append([v for _, v in document.meta])
        for name in info_names:
            out[name].append(getattr(extraction.info, name))
    return out


def _write(table: Columns, path: Path) -> None:
    pa, pq = _pyarrow()
    pq.write_table(pa.table(table), path, compression="zstd")


def _read(path: Path) -> Columns:
    _, pq = _pyarrow()
    return pq.read_table(path).to_pydict()  # type: ignore[no-any-return]


def write_partition(extractions: Sequence[Extraction], folder: Path) -> None:
    """Write one partition's extractions into ``folder`` (made whole in a temporary folder, then renamed)."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    _write(_report_columns(extractions), tmp / "reports.parquet")
    _write(_fact_columns(extractions), tmp / "facts.parquet")
    for stem, (cls, attr) in RECORDS.items():
        pairs = ((n, item) for n, e in enumerate(extractions) for item in getattr(e, attr))
        _write(_columns(cls, pairs), tmp / f"{stem}.parquet")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)


def write_added(added: Sequence[Sequence[Mention]], folder: Path) -> None:
    """Write the mentions a later pass adds to each report of a partition (``added[n]`` for report n)."""
    _write(_columns(Mention, ((n, m) for n, ms in enumerate(added) for m in ms)), folder / f"{ADDED}.parquet")


def read_partition(folder: Path) -> list[Extraction]:
    """The extractions of one partition, with any mentions a later pass added after their own."""
    reports = _read(folder / "reports.parquet")
    count = len(reports["name"])
    grouped: dict[str, list[list[object]]] = {}
    tables = {stem: _records(cls, _read(folder / f"{stem}.parquet")) for stem, (cls, _) in RECORDS.items()}
    tables["facts"] = _facts(_read(folder / "facts.parquet"))
    if (folder / f"{ADDED}.parquet").is_file():
        tables[ADDED] = _records(Mention, _read(folder / f"{ADDED}.parquet"))
    for stem, records in tables.items():
        lists: list[list[object]] = [[] for _ in range(count)]
        for report, record in records:
            lists[report].append(record)
        grouped[stem] = lists
    info_names = [f.name for f in fields(DocumentInfo)]
    out = []
    for n in range(count):
        document = Document(reports["name"][n], "", reports["sha256"][n], reports["path"][n],
                            tuple(zip(reports["meta_keys"][n], reports["meta_values"][n], strict=True)))
        info = DocumentInfo(**{name: reports[name][n] for name in info_names})
        extraction = Extraction(document, info, *(tuple(grouped[stem][n]) for stem in  # type: ignore[arg-type]
                                                  ("sentences", "mentions", "facts", "observations", "rankings",
                                                   "left_out")))
        if ADDED in grouped and grouped[ADDED][n]:
            extraction = replace(extraction, mentions=extraction.mentions + tuple(grouped[ADDED][n]))  # type: ignore[arg-type]
        out.append(extraction)
    _pyarrow()[0].default_memory_pool().release_unused()  # Arrow's allocator would keep every partition's pages
    return out
