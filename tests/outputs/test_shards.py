"""Sharded N-Triples: the shards of a build are the canonical N-Triples of its Turtle, and load into a store."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.outputs.shards import MANIFEST, nt_line
from tests.conftest import SEEDS, kg


def canonical(graph_file: Path) -> str:
    """The graph's triples as sorted N-Triples lines."""
    return "".join(f"{line}\n" for line in sorted(nt_line(t) for t in Graph().parse(graph_file)))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sharded")
    kg("build", str(SEEDS), "-o", str(out), "--shards", "500", "--no-html", "-q", "--no-cache")
    return out


def test_shards_are_the_canonical_n_triples_of_the_build(sharded: Path, seed_output: Path) -> None:
    manifest = json.loads((sharded / "shards" / MANIFEST).read_text(encoding="utf-8"))
    texts = [(sharded / "shards" / s["file"]).read_text(encoding="utf-8") for s in manifest["shards"]]
    assert len(texts) > 1 and all(t.count("\n") <= 500 for t in texts)
    assert "".join(texts) == canonical(seed_output / "graph.ttl")
    assert manifest["triples"] == sum(t.count("\n") for t in texts)
    for text in texts:  # each shard stands alone for a parallel loader
        assert len(list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))) == text.count("\n")


def test_a_store_loads_the_shards(sharded: Path, tmp_path: Path) -> None:
    proc = kg("store", "load", str(tmp_path / "store"), "-g", str(sharded / "shards" / MANIFEST))
    total = json.loads((sharded / "shards" / MANIFEST).read_text(encoding="utf-8"))["triples"]
    assert proc.stderr.startswith(f"{total} triples from ")


def test_a_changed_shard_is_refused(sharded: Path, tmp_path: Path) -> None:
    copy = tmp_path / "shards"
    copy.mkdir()
    for path in (sharded / "shards").iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    (copy / "graph-00001.nt").write_text("", encoding="utf-8")
    proc = kg("store", "load", str(tmp_path / "store"), "-g", str(copy / MANIFEST), check=False)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "graph-00001.nt" in proc.stderr
    assert not (tmp_path / "store").exists()
