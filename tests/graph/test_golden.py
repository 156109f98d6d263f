"""The seeds' graph against its golden file (``pytest --update-golden`` rewrites it).

Compared with :func:`rdflib.compare.isomorphic` so that a failure lists the triples
that appeared or vanished, not a text diff.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seeds.ttl"


def _show(graph: Graph, limit: int = 15) -> str:
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph)
    return "\n".join(lines[:limit]) + (f"\n… {len(lines) - limit} more" if len(lines) > limit else "")


def test_seed_graph_matches_golden(seed_output: Path, seed_graph: Graph, update_golden: bool) -> None:
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes((seed_output / "graph.ttl").read_bytes())
    assert GOLDEN.exists(), "no golden file: run pytest --update-golden once and review it"
    golden = Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(seed_graph, golden):
        _, missing, extra = graph_diff(to_isomorphic(golden), to_isomorphic(seed_graph))
        raise AssertionError(
            "graph differs from tests/golden/seeds.ttl (run pytest --update-golden if intended)\n"
            f"missing:\n{_show(missing)}\nextra:\n{_show(extra)}"
        )
