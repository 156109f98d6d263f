"""Oxigraph stores: build an on-disk store from a graph file once, query it many times.

A store is a pyoxigraph (RocksDB) directory.  :func:`load_store` bulk-loads a
graph file into a fresh directory and swaps it in with a rename, so readers
never see half a load; :func:`open_store` opens it read-only, so any number of
``kg query --store`` and ``kg serve --store`` processes can share it.
:func:`run_query` gives the same strings as :func:`kg.outputs.query.rows` does
for rdflib, and :func:`push_graph` replaces a graph on a remote SPARQL 1.1
Graph Store Protocol endpoint.

Parameters are bound the way rdflib's ``initBindings`` binds them: visible in
the whole query, so ``FILTER (!BOUND(?x) || …)`` sees them.  pyoxigraph's own
``substitutions`` argument cannot do that (it only accepts variables of the
SELECT projection and joins them after evaluation, so ``BOUND(?x)`` stays
false), so each value becomes an RDF term built and serialised by pyoxigraph
(escaped, IRIs validated) in a ``VALUES`` row at the top of the WHERE group.
The user's text is never pasted into the query.
"""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphFileError, QueryError, QuerySyntaxError, ZoneGraphError
from kg.outputs.query import PREFIXES, UPDATE, param_kinds, term_kind
from kg.outputs.shards import MANIFEST, shard_files

Term = ox.NamedNode | ox.Literal | ox.BlankNode
XSD = "http://www.w3.org/2001/XMLSchema#"
#: RocksDB writes this file in every store directory.
STORE_MARKER = "CURRENT"
VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Parameter values by name; a tuple binds several values (a ``VALUES`` row each).
Params = Mapping[str, str | tuple[str, ...]]
_TOKENS = re.compile(
    r"""(?P<skip>\#[^\n]*|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>"""
    r"""|[?$]\w+|[A-Za-z_][\w.-]*:[\w.:%-]*|:[\w.:%-]*)"""
    r"""|(?P<open>\{)|(?P<close>\})|(?P<word>[A-Za-z_]\w*)""",
    re.S,
)


class StoreError(ZoneGraphError):
    """A store directory cannot be opened or loaded."""

    exit_code = 2


def is_store(directory: Path) -> bool:
    """True when ``directory`` holds an Oxigraph store."""
    return (directory / STORE_MARKER).is_file()


def open_store(directory: Path) -> ox.Store:
    """Open the store in ``directory`` read-only (other processes may read it at the same time)."""
    if not is_store(directory):
        raise StoreError(f"no Oxigraph store in {directory} (create one with 'kg store load {directory}')")
    try:
        return ox.Store.read_only(str(directory))
    except OSError as exc:
        raise StoreError(f"cannot open the store in {directory}: {exc}") from exc


def _rdf_format(graph_file: Path) -> ox.RdfFormat:
    return ox.RdfFormat.from_extension(graph_file.suffix.lstrip(".").lower() or "ttl") or ox.RdfFormat.TURTLE


def _bulk_load(store: ox.Store, graph_file: Path) -> None:
    """Load a graph file, or every shard a shard manifest (``manifest.json``) lists."""
    if not graph_file.is_file():
        raise GraphFileError(f"graph file not found: {graph_file} (run 'kg build' first, or pass -g FILE)")
    if graph_file.name == MANIFEST:
        for shard in shard_files(graph_file):
            _bulk_load(store, shard)
        return
    try:
        store.bulk_load(path=str(graph_file), format=_rdf_format(graph_file))
    except (SyntaxError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphFileError(f"{graph_file} is not valid RDF: {first}") from exc


def memory_store(graph_file: Path) -> ox.Store:
    """An in-memory store holding ``graph_file`` (for serving a graph without building a store)."""
    store = ox.Store()
    _bulk_load(store, graph_file)
    return store


def load_store(directory: Path, graph_file: Path) -> int:
    """Replace the store in ``directory`` by the triples of ``graph_file``; return their number.

    The load goes into a new sibling directory, which then takes the place of
    the old store by renames: a failed load leaves the old store as it was.
    """
    if directory.exists() and not is_store(directory) and any(directory.iterdir()):
        raise StoreError(f"{directory} exists and is not an Oxigraph store: choose an empty or new folder")
    directory.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{directory.name}.load-", dir=directory.parent))
    try:
        store = ox.Store(str(fresh))
        _bulk_load(store, graph_file)
        count = len(store)
        store.flush()
        del store  # closes RocksDB before the rename
        _swap(fresh, directory)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return count


def _swap(fresh: Path, directory: Path) -> None:
    old = None
    if directory.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{directory.name}.old-", dir=directory.parent))
        directory.replace(old / "store")
    fresh.replace(directory)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def to_term(raw: str, kind: str = "auto", name: str = "value") -> Term:
    """One parameter value as an RDF term, as :func:`kg.outputs.query.bind_values` binds it.

    >>> to_term("<https://example.org/a>"), to_term("2023").datatype.value[-7:], to_term("国友").value
    (<NamedNode value=https://example.org/a>, 'integer', '国友')
    >>> to_term("国友", "label").language
    'zh'
    """
    term = term_kind(name, raw, kind)
    if term == "label":
        return ox.Literal(raw, language="zh")
    if term == "iri":
        try:
            return ox.NamedNode(raw[1:-1])
        except ValueError as exc:
            raise QueryError(f"{raw!r} is not a valid IRI: {exc}") from exc
    if term == "integer":
        return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD + "integer"))
    if term == "decimal":
        return ox.Literal(raw, datatype=ox.NamedNode(XSD + "decimal"))
    return ox.Literal(raw)


def _where_brace(text: str) -> int:
    """Offset of the ``{`` opening the query's WHERE group (after a CONSTRUCT template), or -1."""
    depth, form, template_done = 0, "", False
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        if kind == "word" and depth == 0 and not form:
            word = match.group().upper()
            form = word if word in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"} else ""
        elif kind == "word" and depth == 0 and form == "CONSTRUCT" and match.group().upper() == "WHERE":
            form = "CONSTRUCT WHERE" if not template_done else form  # the short form has no group to bind in
            template_done = True
        elif kind == "open":
            if depth == 0 and (form != "CONSTRUCT" or template_done):
                return -1 if form == "CONSTRUCT WHERE" else match.start()
            depth += 1
        elif kind == "close":
            depth -= 1
            template_done = template_done or depth == 0
    return -1


def _subquery_braces(text: str) -> list[int]:
    """Offsets of the ``{`` opening each sub-SELECT's WHERE group (the keyword WHERE, below the top level)."""
    offsets, depth, after_where = [], 0, False
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            after_where = match.group().upper() == "WHERE" and depth > 0
        elif kind == "open":
            if after_where:
                offsets.append(match.start())
            after_where = False
            depth += 1
        elif kind == "close":
            depth -= 1
    return offsets


def bind_query(query_text: str, params: Params) -> str:
    """The query with ``params`` bound by a ``VALUES`` row at the top of its WHERE group and its sub-SELECTs'.

    A sub-SELECT sees the values too, as rdflib's ``initBindings`` let it, and the store
    can look a bound label up by its index inside an aggregate instead of after it.
    A parameter given a tuple of values gets one row per value (the query runs for each).

    >>> bind_query('SELECT ?x WHERE { ?x ?p "{" }', {"v": 'a"} DROP ALL #'})
    'SELECT ?x WHERE { VALUES (?v) { ("a\\\\"} DROP ALL #") } ?x ?p "{" }'
    >>> bind_query('SELECT ?x WHERE { ?x ?p ?v }', {"v": ("甲", "乙")})
    'SELECT ?x WHERE { VALUES (?v) { ("甲") ("乙") } ?x ?p ?v }'
    """
    if not params:
        return query_text
    bad = [name for name in params if not VARIABLE.fullmatch(name)]
    if bad:
        raise QueryError(f"{bad[0]!r} is not a variable name: use letters, digits and _")
    at = _where_brace(query_text)
    if at < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE { … } group")
    kinds = param_kinds(query_text)
    names = " ".join(f"?{name}" for name in params)
    terms = [[str(to_term(raw, kinds.get(name, "auto"), name)) for raw in _values(given)]
             for name, given in params.items()]
    rows = " ".join(f"({' '.join(row)})" for row in itertools.product(*terms))
    row = f" VALUES ({names}) {{ {rows} }}"
    for offset in sorted({at, *_subquery_braces(query_text)}, reverse=True):
        query_text = f"{query_text[: offset + 1]}{row}{query_text[offset + 1:]}"
    return query_text


def _values(given: str | tuple[str, ...]) -> tuple[str, ...]:
    return (given,) if isinstance(given, str) else given


def execute(store: ox.Store, query_text: str, params: Params | None = None) -> object:
    """Run a read-only query with the predeclared prefixes; return pyoxigraph's result object."""
    if UPDATE.match(query_text):
        raise QueryError("update requests are not allowed: the store is only queried")
    text = bind_query(query_text, params or {})
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    try:
        return store.query(text, prefixes=prefixes)
    except SyntaxError as exc:
        raise QuerySyntaxError(f"SPARQL syntax error: {first_line(exc)}") from exc
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc


def first_line(exc: BaseException, limit: int = 300) -> str:
    """The first line of an exception's message, clipped: parser messages can list every expected token."""
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    return line if len(line) <= limit else line[:limit] + "…"


def term_text(term: object) -> str:
    """A term as :func:`kg.outputs.query.rows` shows it: lexical form, IRI, or "" when unbound."""
    if term is None:
        return ""
    value = getattr(term, "value", None)
    return str(term) if value is None else str(value)


def run_query(store: ox.Store, query_text: str,
              params: Params | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a query as strings, like :func:`kg.outputs.query.rows` for rdflib."""
    result = execute(store, query_text, params)
    try:
        if isinstance(result, ox.QueryBoolean):
            return ["ask"], [[str(bool(result)).lower()]]
        if isinstance(result, ox.QueryTriples):
            return ["s", "p", "o"], sorted([term_text(t.subject), term_text(t.predicate), term_text(t.object)]
                                           for t in result)
        header = [v.value for v in result.variables]  # type: ignore[attr-defined]
        return header, [[term_text(row[name]) for name in header] for row in result]  # type: ignore[attr-defined]
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc


def format_store_result(store: ox.Store, query_text: str, params: Params, fmt: str) -> str:
    """Run a query on a store and render it like :func:`kg.outputs.query.format_result` (table, csv, json)."""
    from kg.outputs.query import format_rows

    if fmt == "json":
        result = execute(store, query_text, params)
        if isinstance(result, ox.QueryTriples):
            return ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")  # type: ignore[attr-defined]
    return format_rows(*run_query(store, query_text, params), fmt)


def uses_keyword(query_text: str, keyword: str) -> bool:
    """True when ``keyword`` occurs in the query as a keyword (not in a string, IRI, comment or name).

    >>> uses_keyword('SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }', "service")
    True
    >>> uses_keyword('SELECT ?service WHERE { ?s ex:SERVICE "SERVICE" } # SERVICE', "service")
    False
    """
    return any(match.lastgroup == "word" and match.group().upper() == keyword.upper()
               for match in _TOKENS.finditer(query_text))


class PushError(ZoneGraphError):
    """A graph could not be sent to a remote store."""


def graph_store_url(endpoint: str, graph_iri: str | None) -> str:
    """The Graph Store Protocol URL of one graph: ``?graph=IRI``, or ``?default``.

    >>> graph_store_url("http://127.0.0.1:7878/store", "https://w3id.org/zonegraph/graph/seeds")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fzonegraph%2Fgraph%2Fseeds'
    """
    if urllib.parse.urlsplit(endpoint).scheme not in {"http", "https"}:
        raise PushError(f"{endpoint!r} is not an http(s) URL, e.g. http://127.0.0.1:7878/store")
    joiner = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph_iri is None:
        return f"{endpoint}{joiner}default"
    if not urllib.parse.urlsplit(graph_iri).scheme:
        raise PushError(f"--graph {graph_iri!r} is not an absolute IRI, e.g. https://example.org/graph/1")
    return f"{endpoint}{joiner}graph={urllib.parse.quote(graph_iri, safe='')}"


def push_graph(endpoint: str, turtle: bytes, graph_iri: str | None = None, timeout: float = 60) -> int:
    """PUT Turtle to a SPARQL 1.1 Graph Store endpoint, replacing that graph; return the HTTP status."""
    url = graph_store_url(endpoint, graph_iri)
    request = urllib.request.Request(url, data=turtle, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace").strip().splitlines()
        detail = f": {body[0][:200]}" if body else ""
        raise PushError(f"PUT {url} failed: HTTP {exc.code} {exc.reason}{detail}") from exc
    except urllib.error.URLError as exc:
        raise PushError(f"cannot reach {endpoint}: {getattr(exc.reason, 'strerror', None) or exc.reason}") from exc
    except (TimeoutError, OSError) as exc:
        raise PushError(f"cannot reach {endpoint}: {exc}") from exc
