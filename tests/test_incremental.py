"""Incremental and parallel builds give exactly the output of a clean single-process build."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg import pipeline
from kg.cache import code_version
from kg.outputs.export import to_turtle
from kg.pipeline import build
from tests.conftest import SEEDS


def test_incremental_build_equals_clean_build(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    reports = tmp_path / "reports"
    reports.mkdir()
    files = sorted(SEEDS.glob("*.txt"))
    for path in files[:-1]:
        shutil.copy(path, reports)
    cache = tmp_path / "cache"
    build([reports], cache=cache)
    shutil.copy(files[-1], reports)

    extracted: list[str] = []
    original = pipeline.extract_document
    monkeypatch.setattr(pipeline, "extract_document",
                        lambda d, r="packaged": extracted.append(d.name) or original(d, r))
    incremental = build([reports], cache=cache)
    assert extracted == [files[-1].name]
    assert len(list((cache / code_version() / "packaged").glob("*.pickle"))) == len(files)

    monkeypatch.setattr(pipeline, "extract_document", original)
    clean = build([reports])
    assert to_turtle(incremental.graph) == to_turtle(clean.graph)


def test_parallel_build_equals_single_process(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for n in range(3):
        for path in SEEDS.glob("*.txt"):
            (reports / f"{n}_{path.name}").write_bytes(path.read_bytes())
    one = to_turtle(build([reports], jobs=1).graph)
    two = to_turtle(build([reports], jobs=2).graph)
    assert one == two


def test_the_cache_keeps_recognisers_apart(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    rules = build([SEEDS], cache=cache, recogniser="none")
    packaged = build([SEEDS], cache=cache)
    assert to_turtle(build([SEEDS], cache=cache, recogniser="none").graph) == to_turtle(rules.graph)
    assert to_turtle(build([SEEDS]).graph) == to_turtle(packaged.graph)
    assert {p.name for p in (cache / code_version()).iterdir()} == {"none", "packaged"}
