"""Spilled triples: sorted and merged from buckets on disk, they are the in-memory Turtle and N-Triples."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Literal, URIRef

from kg.graph.triples import Triples
from kg.namespace import RES, ZG
from kg.outputs.export import to_turtle
from kg.outputs.shards import ShardWriter, nt_line
from kg.outputs.spill import Groups, Spill, write_sorted

#: Literals that sort awkwardly: the field separator, its escape, control characters, quotes, prefixes of each other.
TEXTS = ("甲", "甲乙", "甲\x00乙", "甲\x01", "甲\x01\x02", "甲\t", 'say "甲"', "line\nbreak", "\\", "")


def _triples() -> Triples:
    out = Triples()
    for n, text in enumerate(TEXTS):
        node = RES[f"company/{n:04x}"]
        out.add(node, ZG.evidence, Literal(text, lang="zh"))
        out.add(node, ZG.value, Literal(str(n), datatype=XSD.decimal))
        out.add(RES["zone/a"], ZG.mentionedIn, node)
        out.add(RES["zone/a"], ZG.metric, Literal(text))
    out.add(RES["zone/a"], URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ZG.Zone)
    return out


@pytest.mark.parametrize("buckets", [1, 3, 50])
def test_the_merge_writes_the_in_memory_turtle_and_shards(tmp_path: Path, buckets: int) -> None:
    triples = _triples()
    spill = Spill(tmp_path / "spill", buckets)
    half = Triples()  # the same triples in two batches, one repeated: duplicates are dropped
    for s, p, o in list(triples)[::2]:
        half.add(s, p, o)
    spill.add(half)
    spill.forget()
    spill.add(triples)
    shards = ShardWriter(tmp_path / "shards", 7)
    stats = write_sorted(spill, tmp_path / "graph.ttl", shards)
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == to_turtle(triples)
    merged = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "shards").glob("graph-*.nt")))
    assert merged == "".join(f"{line}\n" for line in sorted(nt_line(t) for t in triples))
    assert stats.triples == len(triples) and stats.classes == {"zg:Zone": 1}


def test_a_failed_merge_leaves_no_half_written_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spill = Spill(tmp_path / "spill", 2)
    spill.add(_triples())
    (tmp_path / "graph.ttl").write_text("the old graph", encoding="utf-8")

    def broken(*_args: object) -> str:
        raise OSError("disk full")

    monkeypatch.setattr("kg.outputs.spill._block", broken)
    with pytest.raises(OSError):
        write_sorted(spill, tmp_path / "graph.ttl", ShardWriter(tmp_path / "shards", 5))
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == "the old graph"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert list((tmp_path / "shards").iterdir()) == []


def test_groups_bring_a_key_s_rows_together(tmp_path: Path) -> None:
    groups = Groups(tmp_path, 4, key_size=2)
    rows = [("zone/a", "", "target", "x\x00"), ("zone/b", "产值", "actual", "y"), ("zone/a", "", "actual", "z")]
    for row in rows:
        groups.add(row)
    found: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for grouped in groups.groups():
        assert not set(grouped) & set(found)
        found.update(grouped)
    assert found == {("zone/a", ""): [("target", "x\x00"), ("actual", "z")], ("zone/b", "产值"): [("actual", "y")]}
