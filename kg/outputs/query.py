"""Load graphs and run SPARQL: find a query by name, bind parameters safely, format results.

>>> find_query("SELECT * WHERE { ?s ?p ?o }").name
'(inline)'
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS
from rdflib.query import Result

from kg.errors import GraphFileError, QueryError, QuerySyntaxError
from kg.namespace import METRIC, ZG

#: Prefixes every query may use without declaring them.
PREFIXES = {
    "zg": ZG._NS,
    "rdfs": RDFS,
    "rdf": RDF,
    "skos": SKOS,
    "xsd": XSD,
    "dcterms": DCTERMS,
    "prov": PROV,
    "owl": OWL,
    "metric": METRIC,
}
QUERY_DIRS = (Path.cwd() / "queries", Path(__file__).resolve().parents[2] / "queries")
SPARQL_START = re.compile(
    r"^\s*(?:#.*\n\s*)*(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|WITH)\b", re.I
)
UPDATE = re.compile(r"^\s*(?:#.*\n\s*)*(?:PREFIX[^\n]*\n\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\b",
                    re.I)
#: A query whose rows are sorted by one label parameter first can be paged by it: ``# pages by: zone``.
PAGES_BY = re.compile(r"^#\s*pages by:\s*(\w+)\s*$", re.M)
#: A parameter declared in a query's header: ``# param zone (label): 开发区名称 …``.
PARAM_LINE = re.compile(r"^#\s*param\s+(\w+)(?:\s*\((\w+)\))?\s*:\s*(.*)$", re.M)
#: How a declared parameter's value is bound: ``label`` as the Chinese-tagged literal that rdfs:label holds
#: (so a store finds it by its index instead of comparing every label), ``string`` as written, ``number``
#: as a number; ``auto`` (the default) reads <…> as an IRI, digits as a number, anything else as a string.
PARAM_KINDS = ("auto", "label", "string", "number")
NUMBER = re.compile(r"-?\d+(?:\.\d*)?")
OWN_LIMIT = re.compile(r"\b(?:LIMIT|OFFSET)\s+\d+\s*(?:(?:LIMIT|OFFSET)\s+\d+\s*)?$", re.I)
SELECT = re.compile(r"^\s*(?:#.*\n\s*)*(?:(?:PREFIX|BASE)[^\n]*\n\s*)*SELECT\b", re.I)


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with its name and the question it answers."""

    name: str
    text: str
    question: str = ""

    @property
    def params(self) -> dict[str, str]:
        """The parameters the query declares, name → description."""
        return {m.group(1): m.group(3).strip() for m in PARAM_LINE.finditer(self.text)}

    @property
    def pages_by(self) -> str | None:
        """The label parameter the query's rows are sorted by first, when its header says so."""
        match = PAGES_BY.search(self.text)
        return match.group(1) if match and match.group(1) in self.params else None

    def paged(self, limit: int | None, offset: int = 0) -> NamedQuery:
        r"""The query cut to one page of its (ordered) rows; a query with its own LIMIT is left as it is.

        >>> find_query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s").paged(10, 20).text[-30:]
        'ORDER BY ?s\nLIMIT 10 OFFSET 20'
        """
        if (limit is None and not offset) or OWN_LIMIT.search(self.text) or not SELECT.match(self.text):
            return self
        page = (f"LIMIT {limit}" if limit is not None else "") + (f" OFFSET {offset}" if offset else "")
        return NamedQuery(self.name, f"{self.text.rstrip()}\n{page.strip()}", self.question)

    def check_params(self, given: dict[str, str]) -> None:
        """Refuse a parameter the query does not declare (a query that declares none takes any)."""
        declared = self.params
        unknown = sorted(set(given) - set(declared))
        if declared and unknown:
            raise QueryError(f"query {self.name} has no parameter {unknown[0]!r}: "
                             f"its parameters are {', '.join(sorted(declared))}")


def param_kinds(text: str) -> dict[str, str]:
    r"""How each declared parameter binds (see PARAM_KINDS).

    >>> param_kinds("# param zone (label): 开发区名称\n# param year: 年份\nSELECT …")
    {'zone': 'label', 'year': 'auto'}
    """
    kinds = {m.group(1): (m.group(2) or "auto").lower() for m in PARAM_LINE.finditer(text)}
    bad = {name: kind for name, kind in kinds.items() if kind not in PARAM_KINDS}
    if bad:
        name, kind = next(iter(bad.items()))
        raise QueryError(f"parameter {name} has the unknown kind {kind!r}: use one of {', '.join(PARAM_KINDS)}")
    return kinds


def query_dirs() -> list[Path]:
    """Folders searched for named queries: ``./queries`` then the project's own."""
    return list(dict.fromkeys(d for d in QUERY_DIRS if d.is_dir()))


def library() -> list[NamedQuery]:
    """Every ``.rq`` file of the query folders, by name."""
    seen: dict[str, NamedQuery] = {}
    for folder in query_dirs():
        for path in sorted(folder.glob("*.rq")):
            seen.setdefault(path.stem, _load(path))
    return [seen[name] for name in sorted(seen)]


def _load(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    questions = [line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")]
    return NamedQuery(path.stem, text, " / ".join(q for q in questions[:2] if q))


def find_query(spec: str) -> NamedQuery:
    """Resolve QUERY: a ``.rq`` path, the name of a query in ``queries/``, or SPARQL text."""
    if SPARQL_START.match(spec):
        return NamedQuery("(inline)", spec)
    path = Path(spec)
    if path.suffix == ".rq" and path.is_file():
        return _load(path)
    for folder in query_dirs():
        candidate = folder / f"{spec.removesuffix('.rq')}.rq"
        if candidate.is_file():
            return _load(candidate)
    names = ", ".join(q.name for q in library()) or "none"
    raise QueryError(f"no query named {spec!r}: give a .rq file, SPARQL text, or one of: {names}")


def load_graph(path: Path) -> Graph:
    """Parse a Turtle (or other RDF) file; a missing or invalid file is a one-line error."""
    if not path.is_file():
        raise GraphFileError(f"graph file not found: {path} (run 'kg build' first, or pass -g FILE)")
    fmt = {".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".xml": "xml", ".rdf": "xml"}.get(
        path.suffix.lower(), "turtle"
    )
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphFileError(f"{path} is not valid {fmt}: {first}") from exc
    return graph


def term_kind(name: str, raw: str, kind: str = "auto") -> str:
    """What RDF term a parameter value binds as: label, string, iri, integer or decimal (see PARAM_KINDS).

    >>> [term_kind("x", v) for v in ("<https://a.org/b>", "2023", "1.5", "国友")]
    ['iri', 'integer', 'decimal', 'string']
    """
    if kind == "number" and not NUMBER.fullmatch(raw):
        raise QueryError(f"parameter {name} takes a number, not {raw!r}: e.g. --param {name}=2")
    if kind in {"label", "string"}:
        return kind
    if kind == "auto" and raw.startswith("<") and raw.endswith(">"):
        return "iri"
    if re.fullmatch(r"-?\d+", raw):
        return "integer"
    return "decimal" if NUMBER.fullmatch(raw) else "string"


def bind_values(params: dict[str, str], kinds: dict[str, str] | None = None) -> dict[str, Literal | URIRef]:
    """Turn ``name=value`` strings into RDF terms as the query declares them (see PARAM_KINDS)."""
    return {name: _rdflib_term(raw, term_kind(name, raw, (kinds or {}).get(name, "auto")))
            for name, raw in params.items()}


def _rdflib_term(raw: str, kind: str) -> Literal | URIRef:
    if kind == "label":
        return Literal(raw, lang="zh")
    if kind == "iri":
        return URIRef(raw[1:-1])
    if kind == "integer":
        return Literal(int(raw))
    return Literal(raw, datatype=XSD.decimal) if kind == "decimal" else Literal(raw)


def run(graph: Graph, query: NamedQuery, params: dict[str, str] | None = None) -> Result:
    """Run a read-only query; parameters are bound as values, never pasted into the text."""
    if UPDATE.match(query.text):
        raise QueryError("update requests are not allowed: kg query only reads the graph")
    query.check_params(params or {})
    try:
        from rdflib.plugins.sparql import prepareQuery

        prepared = prepareQuery(query.text, initNs=PREFIXES)
    except Exception as exc:  # pyparsing.ParseException and friends
        raise QuerySyntaxError(_syntax_message(query, exc)) from exc
    bindings = bind_values(params or {}, param_kinds(query.text))
    try:
        return graph.query(prepared, initBindings=bindings)
    except Exception as exc:  # evaluation errors from rdflib's engine
        raise QueryError(f"query {query.name} failed: {exc}") from exc


def _syntax_message(query: NamedQuery, exc: Exception) -> str:
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "col", None)
    where = f" at line {line}, column {col}" if line is not None else ""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"SPARQL syntax error in {query.name}{where}: {text}"


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def rows(result: Result) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a SELECT result as strings (ASK gives one ``ask`` column)."""
    if result.type == "ASK":
        return ["ask"], [[str(bool(result.askAnswer)).lower()]]
    if result.type != "SELECT":
        graph = result.graph
        return ["s", "p", "o"], sorted([[str(s), str(p), str(o)] for s, p, o in graph])
    header = [str(v) for v in result.vars or []]
    return header, [[_cell(row[i]) for i in range(len(header))] for row in result]


def format_result(result: Result, fmt: str) -> str:
    """Render a result as an aligned table, CSV or SPARQL JSON."""
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    return format_rows(*rows(result), fmt)


def format_rows(header: list[str], body: list[list[str]], fmt: str) -> str:
    """Render rows of strings as CSV or an aligned table (any store's rows look the same)."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
        return buffer.getvalue()
    return _table(header, body)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(header: list[str], body: list[list[str]]) -> str:
    widths = [max([_width(h)] + [_width(r[i]) for r in body]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in body]
    return "\n".join(out) + "\n"


def to_json(header: list[str], body: list[list[str]]) -> str:
    """Plain JSON rows (list of objects), for scripts."""
    return json.dumps([dict(zip(header, r, strict=True)) for r in body], ensure_ascii=False, indent=2)
