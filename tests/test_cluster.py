"""Builds on a Dask cluster: a real LocalCluster with two worker processes gives the one-process graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cluster import _ordered
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
    def __init__(self, client: _Client, value: int) -> None:
        self.client, self.value = client, value

    def result(self) -> int:
        if self.value < 0:
            raise RuntimeError("worker lost")
        return self.value * 10

    def release(self) -> None:
        self.client.in_flight -= 1


class _Client:
    """Runs nothing: counts the tasks in flight, as a window over a real cluster would see them."""

    def __init__(self) -> None:
        self.in_flight = self.most = 0

    def submit(self, func: object, item: int, pure: bool) -> _Future:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        return _Future(self, item)


def test_results_come_in_input_order_with_a_bounded_window() -> None:
    client = _Client()
    out = list(_ordered(client, None, [3, 1, -1, 2, 5, 4], 2, on_error=lambda item, exc: f"failed {item}: {exc}"))
    assert out == [30, 10, "failed -1: worker lost", 20, 50, 40]
    assert client.most == 2 and client.in_flight == 0
