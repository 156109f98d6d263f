"""Builds on a Dask cluster: a real LocalCluster with two worker processes gives the one-process graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cluster import PER_THREAD
from kg.pipeline import Options, first_pass
from kg.types import Document, Failure
from tests.conftest import SEEDS, kg
from tests.outputs.test_shards import canonical


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_a_cluster_build_equals_the_one_process_build(scheduler: str, seed_output: Path, tmp_path: Path) -> None:
    proc = kg("build", str(SEEDS), "-o", str(tmp_path), "--scheduler", scheduler, "--shards", "500", "--no-cache",
              "--no-html", "-q")
    assert proc.returncode == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (seed_output / "graph.ttl").read_bytes()
    shards = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "shards").glob("graph-*.nt")))
    assert shards == canonical(seed_output / "graph.ttl")
    assert any(_extracted_on_workers(scheduler).values()), "no worker ran the extraction"


def test_a_streaming_cluster_build_equals_the_one_process_build(scheduler: str, seed_output: Path,
                                                                  tmp_path: Path) -> None:
    kg("build", str(SEEDS), "-o", str(tmp_path), "--scheduler", scheduler, "--stream", "--shards", "500",
       "--no-cache", "-q")
    for name in ("graph.ttl", "resolution.tsv", "figures-left-out.tsv"):
        assert (tmp_path / name).read_bytes() == (seed_output / name).read_bytes(), name
    shards = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "shards").glob("graph-*.nt")))
    assert shards == canonical(seed_output / "graph.ttl")


def _extracted_on_workers(scheduler: str) -> dict[str, bool]:
    """Per worker: has it loaded the extractor (so reports were extracted there)?"""
    from dask.distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        return client.run(lambda: "kg.extract" in __import__("sys").modules)  # type: ignore[no-any-return]


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    proc = kg("build", str(SEEDS), "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9", "--no-cache", "-q",
              check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("kg: error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'")
    assert proc.stderr.count("\n") == 1 and not (tmp_path / "graph.ttl").exists()


class _Future:
    def __init__(self, client: _Client, document: Document) -> None:
        self.client, self.document = client, document

    def result(self) -> str:
        if self.document.text == "lost":
            raise RuntimeError("worker lost")
        return self.document.text.upper()

    def release(self) -> None:
        self.client.in_flight -= 1


class _Client:
    """Runs nothing: counts the tasks in flight, as a window over a real cluster would see them."""

    def __init__(self) -> None:
        self.in_flight = self.most = 0

    def nthreads(self) -> dict[str, int]:
        return {"tcp://worker:1": 1}

    def submit(self, func: object, document: Document, pure: bool) -> _Future:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        return _Future(self, document)

    def close(self) -> None:
        pass


def test_results_come_in_input_order_with_a_bounded_window(monkeypatch: pytest.MonkeyPatch) -> None:
    client = _Client()
    monkeypatch.setattr("kg.cluster.connect", lambda scheduler: client)
    texts = ["a", "b", "lost", "c", "d", "e", "f", "g", "h"]
    documents = [Document(f"{n}.txt", text, f"{n:064d}") for n, text in enumerate(texts)]
    out = list(first_pass(documents, Options(scheduler="tcp://scheduler:8786"), None))
    assert [x.message if isinstance(x, Failure) else x for x in out] == ["A", "B", "worker lost", "C", "D", "E", "F",
                                                                          "G", "H"]
    assert client.most == PER_THREAD and client.in_flight == 0
