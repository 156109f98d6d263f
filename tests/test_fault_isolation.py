"""One report that breaks a stage is skipped with one line; the others are built (exit code 3).

The failure is injected by running the real ``kg`` command with one extractor patched to
raise on a marker that only one report contains.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import EXIT_INPUT, EXIT_PARTIAL
from kg.namespace import ZG
from tests.conftest import ROOT, SEEDS

MARKER = "故障注入标记"
#: Runs kg with companies.find raising ValueError on any sentence that holds MARKER.
PATCHED_KG = f"""
import sys
from kg.extract import companies
_find = companies.find
def find(sentence):
    if {MARKER!r} in sentence.text:
        raise ValueError("injected failure")
    return _find(sentence)
companies.find = find
from kg.cli import main
sys.argv = ["kg", *sys.argv[1:]]
main()
"""


def kg_patched(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PATCHED_KG, *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=600)


@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "broken.txt").write_text(f"乙市高新区2023年工作总结\n{MARKER}，乙市高新区新增企业5家。\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_report_is_skipped_and_the_rest_is_built(reports: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / f"out{jobs}"
    proc = kg_patched("build", str(reports), "-o", str(out), "--no-html", "--jobs", jobs, "--no-cache")
    assert proc.returncode == EXIT_PARTIAL, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("kg: skipped")]
    assert lines == [f"kg: skipped {reports / 'broken.txt'}: extract failed with ValueError: injected failure; "
                     f"please report this (traceback in {out / 'build-errors.log'})"]
    graph = Graph().parse(out / "graph.ttl")
    assert sorted(str(o) for o in graph.objects(None, ZG.fileName)) == sorted(p.name for p in SEEDS.glob("*.txt"))
    log = (out / "build-errors.log").read_text(encoding="utf-8")
    assert log.startswith(f"== {reports / 'broken.txt'}\nstage: extract\nerror: ValueError: injected failure")
    assert "Traceback (most recent call last)" in log and 'File "<string>", line 7, in find' in log


def test_strict_fails_and_writes_nothing(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "strict"
    proc = kg_patched("build", str(reports), "-o", str(out), "--no-html", "--strict", "--jobs", "1", "--no-cache")
    assert proc.returncode == EXIT_INPUT
    assert proc.stderr.startswith(f"kg: error: skipped {reports / 'broken.txt'}: extract failed with ValueError")
    assert "--strict is set, so nothing was written" in proc.stderr
    assert not out.exists()


def test_a_clean_build_leaves_no_error_log(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    kg_patched("build", str(reports), "-o", str(out), "--no-html", "--jobs", "1", "--no-cache")
    assert (out / "build-errors.log").is_file()
    (reports / "broken.txt").unlink()
    proc = kg_patched("build", str(reports), "-o", str(out), "--no-html", "--jobs", "1", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert not (out / "build-errors.log").exists()


def test_a_failure_in_a_corpus_wide_stage_skips_only_its_report(monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    from kg.graph import build as rdf
    from kg.pipeline import build_documents
    from kg.types import Document

    real = rdf._add_document

    def add_document(out, resolution, extraction, *rest):  # type: ignore[no-untyped-def]
        if MARKER in extraction.document.text:
            raise KeyError("injected")
        real(out, resolution, extraction, *rest)

    monkeypatch.setattr(rdf, "_add_document", add_document)
    texts = {"a.txt": "甲市高新区2023年工作总结\n甲市高新区新增企业5家。", "b.txt": f"乙市高新区工作总结\n{MARKER}。"}
    docs = [Document(name=n, text=t, sha256=hashlib.sha256(t.encode()).hexdigest()) for n, t in texts.items()]
    result = build_documents(docs)
    assert [(f.document, f.stage, f.error) for f in result.failed] == [("b.txt", "rdf", "KeyError")]
    assert [e.document.name for e in result.extractions] == ["a.txt"]
