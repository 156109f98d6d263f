"""The streaming build (``kg build --stream``) writes what the in-memory build writes, byte for byte."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg import pipeline_stream
from kg.outputs.export import left_out_tsv, resolution_tsv, to_turtle
from kg.pipeline import Options, build_documents
from kg.pipeline_stream import build_stream
from kg.text.read import read_documents
from kg.types import Document
from tests.conftest import SEEDS, kg

OUTPUTS = ("graph.ttl", "resolution.tsv", "figures-left-out.tsv")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Document]:
    """The seeds and, under other names, copies of them with other figures: reports that share names."""
    folder = tmp_path_factory.mktemp("corpus")
    for n, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        text = seed.read_text(encoding="utf-8")
        (folder / seed.name).write_text(text, encoding="utf-8")
        for copy in range(2):
            varied = re.sub(r"\d+(?:\.\d+)?", lambda m, c=copy: str(int(float(m.group()) * (c + 2))), text)
            (folder / f"copy{copy}-{n}.txt").write_text(varied, encoding="utf-8")
    return [d for d in read_documents([folder]) if isinstance(d, Document)]


def test_the_cli_writes_the_in_memory_build_byte_for_byte(seed_output: Path, tmp_path: Path) -> None:
    proc = kg("build", str(SEEDS), "-o", str(tmp_path), "--stream", "--shards", "500", "--no-cache", "-q")
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (seed_output / name).read_bytes(), name
    assert sorted(p.name for p in (tmp_path / "extractions").iterdir()) == ["part-00000"]
    assert not (tmp_path / ".spill").exists() and not (tmp_path / "graph.html").exists()
    assert "peak memory:" in proc.stderr and "5 reports ->" in proc.stderr


def test_small_partitions_and_many_buckets_change_nothing(
        corpus: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memory = build_documents(corpus, options=Options())
    monkeypatch.setattr(pipeline_stream, "REPORTS_PER_BUCKET", 1)
    result = build_stream(corpus, tmp_path, Options(), partition=2)
    assert result.partitions == 8 and result.reports == len(corpus) == 15
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == to_turtle(memory.triples)
    assert (tmp_path / "resolution.tsv").read_text(encoding="utf-8") == resolution_tsv(memory.resolution.log)
    assert (tmp_path / "figures-left-out.tsv").read_text(encoding="utf-8") == left_out_tsv(memory.extractions)
    assert result.stats.triples == len(memory.triples)
    assert result.entities == len(memory.resolution.entities)


def test_links_across_reports_survive_the_partitions(corpus: list[Document], tmp_path: Path) -> None:
    """Outcome links and names learned in one report and found in another join reports of different partitions."""
    build_stream(corpus, tmp_path, Options(), partition=1)
    turtle = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "zg:outcome" in turtle
    memory = build_documents(corpus, options=Options())
    assert turtle == to_turtle(memory.triples)


def test_a_report_a_stage_fails_on_is_left_out_and_listed(
        corpus: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract

    real = kg.extract.recognise
    broken = corpus[3].name

    def recognise(extraction, lexicon):  # type: ignore[no-untyped-def]
        if extraction.document.name == broken:
            raise ValueError("boom")
        return real(extraction, lexicon)

    monkeypatch.setattr(kg.extract, "recognise", recognise)
    result = build_stream(corpus, tmp_path, Options(), partition=4)
    assert [(f.document, f.stage, f.message) for f in result.failed] == [(broken, "recognise", "boom")]
    assert result.reports == len(corpus) - 1
    assert broken not in (tmp_path / "resolution.tsv").read_text(encoding="utf-8")


def test_validate_with_stream_is_a_one_line_error(tmp_path: Path) -> None:
    proc = kg("build", str(SEEDS), "-o", str(tmp_path), "--stream", "--validate", "-q", check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("kg: error: --validate needs the whole graph in memory")


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    proc = kg("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--stream", "-q", check=False)
    assert proc.returncode == 1 and proc.stderr.startswith("kg: error: nothing could be read")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_rebuild_from_the_cache_is_the_same(seed_output: Path, tmp_path: Path) -> None:
    for _ in range(2):  # the second build reads every report from OUTPUT/.cache
        kg("build", str(SEEDS), "-o", str(tmp_path), "--stream", "-q")
    assert any((tmp_path / ".cache").rglob("*.pickle"))
    assert (tmp_path / "graph.ttl").read_bytes() == (seed_output / "graph.ttl").read_bytes()


def test_strict_refuses_an_unreadable_file_and_writes_no_graph(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / "in" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "in" / "zz-empty.txt").write_bytes(b"  \n")
    proc = kg("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--stream", "--strict", "--no-cache", "-q",
              check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("kg: error: 1 file(s) could not be read and --strict is set; nothing written")
    assert not (tmp_path / "out" / "graph.ttl").exists() and not (tmp_path / "out" / "resolution.tsv").exists()
