"""The Python API: build or open a graph, query it into pandas, hand it to rdflib or networkx.

The command line is a thin layer over the same calls.  Opening a graph and
querying it imports neither jieba nor the recogniser: only :func:`build` does.

>>> import kg
>>> zg = kg.open("output/graph.ttl")                             # doctest: +SKIP
>>> zg.query("indicator-series", metric="工业增加值").head()       # doctest: +SKIP
>>> zg.indicators(zone="济源高新区")                               # doctest: +SKIP
>>> nx_graph = zg.to_networkx()                                  # doctest: +SKIP
>>> zg.view()                                                    # doctest: +SKIP
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, QuerySyntaxError
from kg.outputs.query import NamedQuery, find_query, library, load_graph

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.outputs.store import Params

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = frozenset(XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"))
REALS = frozenset(XSD + t for t in ("decimal", "double", "float"))
ENGINES = ("auto", "rdflib", "oxigraph")
#: The values of each parameter a query can be paged by (``# pages by: zone``), sorted in Python as
#: SPARQL sorts strings (by code point).  A value with no rows only costs an index lookup.
ANCHORS = {
    "zone": "SELECT DISTINCT ?v WHERE { ?z a zg:Zone ; rdfs:label ?v }",
    "label": "SELECT DISTINCT ?v WHERE { ?e rdfs:label ?v }",
    "metric": "SELECT DISTINCT ?v WHERE { { ?i zg:metric ?v } UNION { ?c skos:prefLabel ?v } }",
}
#: Values bound in one run of a paged query.  With a few, the store looks each one up by index; with
#: more (8 for new-in-latest-report, 64 for most) its planner evaluates a whole sub-SELECT instead.
BATCH = 4


def typed(lexical: str, datatype: str | None) -> object:
    """A literal's value for a data frame: integers and decimals as numbers, everything else as text.

    >>> typed("40", XSD + "decimal"), typed("2023", XSD + "gYear"), typed("7", XSD + "integer")
    (40.0, '2023', 7)
    """
    try:
        if datatype in INTEGERS:
            return int(lexical)
        if datatype in REALS:
            return float(lexical)
    except ValueError:
        return lexical
    if datatype == XSD + "boolean":
        return lexical in {"true", "1"}
    return lexical


class ZoneGraph:
    """A ZoneGraph knowledge graph, held by rdflib or by an Oxigraph store, with an analyst's methods."""

    def __init__(self, graph: Graph | None = None, store: ox.Store | None = None, name: str = "graph") -> None:
        if (graph is None) == (store is None):
            raise InputError("a ZoneGraph holds either an rdflib graph or an Oxigraph store: give exactly one")
        self._graph, self._store, self.name = graph, store, name
        self._anchors: dict[str, list[str]] = {}

    @property
    def engine(self) -> str:
        """``rdflib`` or ``oxigraph``: which SPARQL engine answers the queries."""
        return "rdflib" if self._graph is not None else "oxigraph"

    def __len__(self) -> int:
        return len(self._graph) if self._graph is not None else len(self._store)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        return f"<ZoneGraph {self.name}: {len(self)} triples, {self.engine}>"

    def rows(self, query: str | NamedQuery, limit: int | None = None, offset: int = 0,
             **params: str) -> tuple[list[str], list[list[str]]]:
        """Header and rows of a query as strings, the way ``kg query`` prints them (one page with ``limit``)."""
        return self._page(False, _named(query), limit, offset, params)  # type: ignore[return-value]

    def records(self, query: str | NamedQuery, limit: int | None = None, offset: int = 0,
                **params: str) -> tuple[list[str], list[list[object]]]:
        """Header and rows of a SELECT query with typed values (numbers as numbers, unbound as None)."""
        return self._page(True, _named(query), limit, offset, params)

    def _page(self, typed: bool, named: NamedQuery, limit: int | None, offset: int,
              params: dict[str, str]) -> tuple[list[str], list[list[object]]]:
        named.check_params(params)
        if _anchored(named, limit, params, self.engine):
            return self._pages(typed, named, limit or 0, offset, params)
        page = named.paged(limit, offset)
        try:
            return self._run(typed, page, params)
        except QuerySyntaxError:
            if page is named:
                raise
            header, body = self._run(typed, named, params)  # fails where the user's own text does
            return header, body[offset:None if limit is None else offset + limit]

    def _run(self, typed: bool, named: NamedQuery, params: Params) -> tuple[list[str], list[list[object]]]:
        """Run one query on whichever engine holds the graph."""
        if self._graph is not None:
            if typed:
                return _rdflib_records(self._graph, named, params)  # type: ignore[arg-type]
            from kg.outputs.query import rows, run

            return rows(run(self._graph, named, params))  # type: ignore[arg-type,return-value]
        if typed:
            return _store_records(self._store, named, params)  # type: ignore[arg-type]
        from kg.outputs.store import run_query

        return run_query(self._store, named.text, params)  # type: ignore[arg-type,return-value]

    def _pages(self, typed: bool, named: NamedQuery, limit: int, offset: int,
               params: dict[str, str]) -> tuple[list[str], list[list[object]]]:
        """One page of a query sorted by a label parameter first, read a batch of its values at a time.

        Each run binds a batch of values, so the store looks them up by index and a first
        page costs a few runs instead of the whole result.
        """
        anchor = named.pages_by or ""
        values = self._anchor_values(anchor)
        header, out, skip = None, [], offset
        for start in range(0, len(values), BATCH):
            header, part = self._run(typed, named, {**params, anchor: tuple(values[start:start + BATCH])})
            out += part[skip:]
            skip = max(0, skip - len(part))
            if len(out) >= limit:
                break
        if header is None:
            header, _ = self._run(typed, named.paged(0), params)
        return header, out[:limit]

    def _anchor_values(self, anchor: str) -> list[str]:
        """The values of a paging parameter in order (read once per graph)."""
        if anchor not in self._anchors:
            from kg.outputs.store import execute

            rows = execute(self._store, ANCHORS[anchor])  # type: ignore[arg-type]
            self._anchors[anchor] = sorted({row[0].value for row in rows})  # type: ignore[attr-defined]
        return self._anchors[anchor]

    def query(self, query: str, limit: int | None = None, offset: int = 0, **params: str) -> pd.DataFrame:
        """Run a library query (by name), a ``.rq`` file or SPARQL text; one row of the frame per result.

        Parameters bind the query's variables, e.g. ``zg.query("indicator-series", metric="工业增加值")``;
        ``limit`` and ``offset`` page through the query's ordered rows.
        """
        import pandas as pd

        header, body = self.records(query, limit, offset, **params)
        return pd.DataFrame(body, columns=header)

    def queries(self) -> pd.DataFrame:
        """The query library: name, question and parameters of each query."""
        import pandas as pd

        return pd.DataFrame([(q.name, q.question, ", ".join(q.params)) for q in library()],
                            columns=["name", "question", "parameters"])

    def indicators(self, zone: str | None = None, metric: str | None = None) -> pd.DataFrame:
        """Every indicator observation (or one zone's, one metric's), one row each with its evidence."""
        params = {k: v for k, v in (("zone", zone), ("metric", metric)) if v is not None}
        return self.query("indicators-table", **params)

    def to_rdflib(self) -> Graph:
        """The graph as an rdflib ``Graph`` (the same object when rdflib already holds it)."""
        if self._graph is not None:
            return self._graph
        import pyoxigraph as ox
        from rdflib import Graph

        data = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())  # type: ignore[union-attr]
        return Graph().parse(data=data.decode("utf-8"), format="nt")

    def to_networkx(self, classes: Iterable[str] | None = None) -> nx.MultiDiGraph:
        """The entities and the relations between them as a networkx ``MultiDiGraph``."""
        from kg.outputs.network import to_networkx

        return to_networkx(self.to_rdflib(), classes)

    def view(self, height: int = 700) -> Explorer:
        """The interactive explorer, shown inline by Jupyter (or saved with ``.save(path)``)."""
        from kg.outputs.view import render_html

        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "graph.html"
            render_html(self.to_rdflib(), page, title=f"ZoneGraph: {self.name}")
            return Explorer(page.read_text(encoding="utf-8"), height)


class Explorer:
    """An explorer page: Jupyter shows it through ``_repr_html_``; ``save`` writes it to a file."""

    def __init__(self, page: str, height: int = 700) -> None:
        self.page, self.height = page, height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:0" sandbox="allow-scripts"></iframe>')

    def save(self, path: str | Path) -> Path:
        """Write the page (atomically) and return its path."""
        from kg.outputs.export import write_atomic

        write_atomic(Path(path), self.page)
        return Path(path)


def _named(query: str | NamedQuery) -> NamedQuery:
    return query if isinstance(query, NamedQuery) else find_query(query)


def _anchored(named: NamedQuery, limit: int | None, params: dict[str, str], engine: str) -> bool:
    """True when a page of the query is best read a batch of its sorting parameter's values at a time.

    Only the Oxigraph store gains: rdflib evaluates the whole query whatever is bound.
    """
    return engine == "oxigraph" and limit is not None and named.pages_by is not None and named.pages_by not in params


def _rdflib_records(graph: Graph, named: NamedQuery, params: dict[str, str]) -> tuple[list[str], list[list[Any]]]:
    from rdflib import Literal

    from kg.outputs.query import run

    result = run(graph, named, params)
    if result.type == "ASK":
        return ["ask"], [[bool(result.askAnswer)]]
    if result.type != "SELECT":
        return ["s", "p", "o"], sorted([[str(s), str(p), str(o)] for s, p, o in result.graph])

    def value(term: object) -> object:
        if isinstance(term, Literal):
            return typed(str(term), str(term.datatype) if term.datatype else None)
        return None if term is None else str(term)

    header = [str(v) for v in result.vars or []]
    return header, [[value(row[i]) for i in range(len(header))] for row in result]


def _store_records(store: ox.Store, named: NamedQuery, params: Params) -> tuple[list[str], list[list[Any]]]:
    import pyoxigraph as ox

    from kg.outputs.store import execute, term_text

    result = execute(store, named.text, params)
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[bool(result)]]
    if isinstance(result, ox.QueryTriples):
        return ["s", "p", "o"], sorted([term_text(t.subject), term_text(t.predicate), term_text(t.object)]
                                       for t in result)

    def value(term: object) -> object:
        if isinstance(term, ox.Literal):
            return typed(term.value, term.datatype.value)
        return None if term is None else term_text(term)

    header = [v.value for v in result.variables]  # type: ignore[attr-defined]
    return header, [[value(row[name]) for name in header] for row in result]  # type: ignore[attr-defined]


def open(source: str | Path, engine: str = "auto") -> ZoneGraph:
    """Open a graph: a Turtle (or N-Triples, JSON-LD…) file, a build's output folder, or an Oxigraph store.

    ``engine="oxigraph"`` loads a file into an in-memory Oxigraph store, which answers
    large graphs' queries much faster than rdflib; a store folder always uses Oxigraph.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    path = Path(source)
    from kg.outputs.store import is_store, memory_store, open_store

    if path.is_dir() and is_store(path):
        return ZoneGraph(store=open_store(path), name=path.name)
    if path.is_dir():
        path = path / "graph.ttl"
    if engine == "oxigraph":
        return ZoneGraph(store=memory_store(path), name=path.name)
    return ZoneGraph(graph=load_graph(path), name=path.name)


def build(paths: str | Path | Iterable[str | Path], *, jobs: int = 1, recogniser: str = "packaged",
          aliases: str | Path | None = None) -> ZoneGraph:
    """Build a graph from report files or folders, in memory (``kg build`` also writes the files).

    >>> zg = kg.build("seeds")                                   # doctest: +SKIP
    """
    from kg.pipeline import build as run_build

    items = [paths] if isinstance(paths, str | Path) else list(paths)
    result = run_build([Path(p) for p in items], jobs=jobs, recogniser=recogniser,
                       aliases=Path(aliases) if aliases else None)
    return ZoneGraph(graph=result.graph, name=", ".join(str(p) for p in items))
