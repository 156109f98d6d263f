"""The Python API: a notebook-style script runs end to end; frames equal the CLI's rows on both engines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import kg
from kg.api import ZoneGraph
from kg.errors import GraphFileError, QueryError
from tests.conftest import ROOT
from tests.conftest import kg as run_kg


@pytest.fixture(scope="module")
def zg(seed_output: Path) -> ZoneGraph:
    return kg.open(seed_output / "graph.ttl")


def test_the_notebook_script_runs(seed_output: Path) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "examples" / "analyst.py"),
                           str(seed_output / "graph.ttl")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "富联科技5G终端精密制造项目" in proc.stdout
    assert "182.9" in proc.stdout and "entities," in proc.stdout


def test_query_gives_typed_frame(zg: ZoneGraph) -> None:
    frame = zg.query("projects-by-investment")
    assert isinstance(frame, pd.DataFrame)
    row = frame[frame["project"] == "富联科技5G终端精密制造项目"].iloc[0]
    assert row["investment_yi"] == 40.0 and row["investor"] == "富联科技"
    assert pd.api.types.is_float_dtype(frame["investment_yi"])


def test_indicators_filter_by_zone_and_metric(zg: ZoneGraph) -> None:
    every = zg.indicators()
    one = zg.indicators(zone="济源高新区", metric="工业增加值")
    assert 0 < len(one) < len(every)
    assert set(one["zone_name"]) == {"济源高新区"}
    assert 182.5 in set(one["value"])


@pytest.mark.parametrize("name", ["zone-overview", "indicator-series", "evidence", "honors-by-level"])
def test_both_engines_give_the_same_frame(seed_output: Path, zg: ZoneGraph, name: str) -> None:
    store = kg.open(seed_output / "graph.ttl", engine="oxigraph")
    assert store.engine == "oxigraph"
    cols = list(zg.query(name).columns)
    left = zg.query(name).astype(str).sort_values(cols).reset_index(drop=True)
    right = store.query(name).astype(str).sort_values(cols).reset_index(drop=True)
    for column in ("reports", "recipients"):  # GROUP_CONCAT joins in an engine-defined order
        for frame in (left, right):
            if column in frame:
                frame[column] = frame[column].map(lambda cell: " ".join(sorted(re.split(r"[\s、]+", cell))))
    left, right = (f.sort_values(cols).reset_index(drop=True) for f in (left, right))
    assert len(left) > 0
    pd.testing.assert_frame_equal(left, right)


def test_frame_equals_cli_rows(seed_output: Path, zg: ZoneGraph) -> None:
    csv = run_kg("query", "parks-by-zone", "-g", str(seed_output / "graph.ttl"), "-f", "csv").stdout
    cli = pd.read_csv(__import__("io").StringIO(csv), dtype=str)
    api = zg.query("parks-by-zone").astype(str)
    assert cli.values.tolist() == api.values.tolist()


def test_pages_are_slices_of_the_ordered_rows(zg: ZoneGraph) -> None:
    every = zg.query("indicators-table")
    page = zg.query("indicators-table", limit=5, offset=3)
    assert page.astype(str).values.tolist() == every.iloc[3:8].astype(str).values.tolist()


def test_store_folder_and_rdflib_and_networkx(seed_output: Path, tmp_path: Path, zg: ZoneGraph) -> None:
    run_kg("store", "load", str(tmp_path / "store"), "-g", str(seed_output / "graph.ttl"))
    stored = kg.open(tmp_path / "store")
    assert stored.engine == "oxigraph" and len(stored) == len(zg)
    assert len(stored.to_rdflib()) == len(zg.to_rdflib())
    network = stored.to_networkx()
    labels = {data["label"] for _, data in network.nodes(data=True)}
    assert "富联科技" in labels


def test_view_is_inline_html(zg: ZoneGraph, tmp_path: Path) -> None:
    page = zg.view()
    inline = page._repr_html_()
    assert inline.startswith("<iframe srcdoc=") and "<script" not in inline  # the page is escaped in srcdoc
    saved = page.save(tmp_path / "graph.html")
    assert "vis-network" in saved.read_text(encoding="utf-8")


def test_build_in_memory() -> None:
    built = kg.build(ROOT / "seeds" / "002_52764770c7a71443.txt")
    assert "富联科技5G终端精密制造项目" in set(built.query("projects-by-investment")["project"])


def test_mistakes_are_one_line_errors(tmp_path: Path, zg: ZoneGraph) -> None:
    with pytest.raises(GraphFileError, match="not found"):
        kg.open(tmp_path / "missing.ttl")
    with pytest.raises(QueryError, match="no query named"):
        zg.query("no-such-query")
    with pytest.raises(QueryError, match="has no parameter"):
        zg.query("reports", zon="济源高新区")


def test_querying_loads_neither_jieba_nor_the_recogniser(seed_output: Path) -> None:
    code = ("import sys, kg; g = kg.open(sys.argv[1]); g.query('indicator-series', metric='工业增加值'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'jieba', 'sklearn'} "
            "or m.startswith(('kg.learn', 'kg.extract'))))")
    proc = subprocess.run([sys.executable, "-c", code, str(seed_output / "graph.ttl")], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    assert proc.stdout.strip() == "[]"


def _tokens(rows: list[list[str]]) -> list[list[str]]:
    """Rows with each cell as its sorted tokens (GROUP_CONCAT orders its values as the engine likes)."""
    return sorted([" ".join(sorted(re.split(r"[\s、]+", cell))) for cell in row] for row in rows)


@pytest.mark.parametrize("name", sorted(q.name for q in __import__("kg.outputs.query").outputs.query.library()
                                        if q.pages_by))
@pytest.mark.parametrize("engine, batch", [("rdflib", 4), ("oxigraph", 4), ("oxigraph", 1), ("oxigraph", 2)])
def test_pages_by_a_parameter_are_slices_of_the_whole(seed_output: Path, name: str, engine: str, batch: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A query sorted by its zone (or label, metric) first is paged a batch of values at a time: same rows as slicing.

    Batches of one or two values make a page take many runs, with the offset falling inside a run.
    """
    monkeypatch.setattr(kg.api, "BATCH", batch)
    graph = kg.open(seed_output / "graph.ttl", engine=engine)
    _, whole = graph.rows(name)
    assert whole, f"{name} has no rows on the seeds: the comparison proves nothing"
    for limit, offset in ((3, 0), (4, 2), (1000, 0), (5, len(whole) - 2), (5, len(whole) + 5)):
        header, page = graph.rows(name, limit=limit, offset=offset)
        assert header == graph.rows(name)[0]
        assert _tokens(page) == _tokens(whole[offset:offset + limit])


def test_cli_shows_a_first_page_unless_asked_for_every_row(seed_output: Path) -> None:
    graph = str(seed_output / "graph.ttl")
    every = run_kg("query", "evidence", "-g", graph, "-f", "csv", "--limit", "0")
    first = run_kg("query", "evidence", "-g", graph, "-f", "csv")
    assert len(every.stdout.splitlines()) > 101, "the seeds need more than a page of evidence for this test"
    assert first.stdout.splitlines() == every.stdout.splitlines()[:101]
    assert "rows 1–100 shown; the next page: --offset 100" in first.stderr and not every.stderr


def test_a_paged_query_reports_the_users_own_syntax_error(zg: ZoneGraph) -> None:
    with pytest.raises(QueryError, match="line 1") as caught:
        zg.rows("SELECT ?x WHERE { ?x a zg:Zone ", limit=10)
    assert "LIMIT" not in str(caught.value)


def test_cli_pages_through_the_api(seed_output: Path) -> None:
    every = run_kg("query", "indicators-table", "-g", str(seed_output / "graph.ttl"), "-f", "csv").stdout.splitlines()
    page = run_kg("query", "indicators-table", "-g", str(seed_output / "graph.ttl"), "-f", "csv",
                  "--limit", "4", "--offset", "10").stdout.splitlines()
    assert page == [every[0], *every[11:15]]
