"""A read-only SPARQL 1.1 Protocol endpoint over an Oxigraph store, on the standard library's HTTP server.

``GET /sparql?query=…`` and ``POST /sparql`` (a form with ``query=…``, or an
``application/sparql-query`` body) answer SPARQL JSON, CSV or TSV, chosen by
the ``Accept`` header or a ``format=`` parameter.  Updates, ``SERVICE`` calls,
over-long queries, slow queries and huge results are refused with 403, 413/414,
503 and 413.  ``GET /`` is a small HTML page with a query box and the query
library.  Every answer carries ``Access-Control-Allow-Origin: *``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import signal
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox

from kg.errors import QueryError
from kg.outputs.query import library
from kg.outputs.store import execute, uses_keyword

MAX_QUERY_CHARS = 100_000
#: A form-encoded query of MAX_QUERY_CHARS Chinese characters takes nine bytes a character.
MAX_BODY_BYTES = 9 * MAX_QUERY_CHARS + 1024
CONCURRENT_QUERIES = 4
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULT_TYPES = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_TYPES = {"nt": "application/n-triples", "turtle": "text/turtle"}
ALIASES = {"application/json": "json", "text/plain": "nt", "application/x-turtle": "turtle",
           **{mime: name for name, mime in {**RESULT_TYPES, **GRAPH_TYPES}.items()}}
UPDATE_TEXT = re.compile(
    r"^(?:\s|#[^\n]*\n|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


class Refused(Exception):
    """A request the endpoint answers with an error status and a one-line text."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    """A query's evaluated result: solutions, a boolean, or triples."""

    variables: list[str] = field(default_factory=list)
    rows: list[list[object]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None


def evaluate(store: ox.Store, text: str, max_rows: int, cancel: threading.Event) -> Answer:
    """Run ``text`` and collect its results, refusing more than ``max_rows`` rows."""
    result = execute(store, text)
    if isinstance(result, ox.QueryBoolean):
        return Answer(boolean=bool(result))
    items: list[object] = []
    for item in result:  # type: ignore[attr-defined]
        if cancel.is_set():
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE, "the query was cancelled after its time limit")
        items.append(item)
        if len(items) > max_rows:
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                          f"the result has more than {max_rows} rows: add a LIMIT or narrow the query")
    if isinstance(result, ox.QueryTriples):
        return Answer(triples=items)  # type: ignore[arg-type]
    variables = [v.value for v in result.variables]  # type: ignore[attr-defined]
    return Answer(variables, [[row[v] for v in variables] for row in items])  # type: ignore[index]


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _csv_term(term: object) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(getattr(term, "value", term))


def render(answer: Answer, fmt: str) -> bytes:
    """Serialise an answer as SPARQL JSON, CSV or TSV (solutions), N-Triples or Turtle (graphs)."""
    if answer.triples is not None:
        rdf = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
        return ox.serialize(answer.triples, format=rdf)
    if fmt == "json":
        if answer.boolean is not None:
            return json.dumps({"head": {}, "boolean": answer.boolean}).encode("utf-8")
        bindings = [{v: _json_term(t) for v, t in zip(answer.variables, row, strict=True) if t is not None}
                    for row in answer.rows]
        doc = {"head": {"vars": answer.variables}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if answer.boolean is not None:
        return f"{str(answer.boolean).lower()}\n".encode()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in answer.variables)]
        lines += ["\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row) for row in answer.rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(answer.variables)
    writer.writerows([_csv_term(t) for t in row] for row in answer.rows)
    return buffer.getvalue().encode("utf-8")


def choose_format(accept: str, requested: str | None, graph: bool) -> str:
    """The output format: ``format=`` first, then the best ``Accept`` type; JSON or N-Triples by default."""
    known = GRAPH_TYPES if graph else RESULT_TYPES
    if requested:
        name = ALIASES.get(requested.lower(), requested.lower())
        if name not in known and not graph:
            raise Refused(HTTPStatus.NOT_ACCEPTABLE, f"unknown format {requested!r}: use json, csv or tsv")
        return name if name in known else "nt"
    ranked = []
    for position, part in enumerate(accept.split(",")):
        mime, _, rest = part.strip().partition(";")
        q = re.search(r"q\s*=\s*([0-9.]+)", rest)
        name = ALIASES.get(mime.strip().lower())
        if name in known:
            ranked.append((-float(q.group(1)) if q else -1.0, position, name))
    return min(ranked)[2] if ranked else next(iter(known))


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: holds the store, the limits and a bound on queries running at once."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: ox.Store, *, timeout: float = 10, max_rows: int = 10_000,
                 log: Callable[[str], None] | None = None) -> None:
        super().__init__(address, SparqlHandler)
        self.store, self.query_timeout, self.max_rows, self.log = store, timeout, max_rows, log
        self.slots = threading.BoundedSemaphore(CONCURRENT_QUERIES)

    def answer(self, text: str) -> Answer:
        """Evaluate ``text`` in a worker thread; 503 when it is not done within the time limit."""
        if not self.slots.acquire(timeout=self.query_timeout):
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE, "the endpoint is busy with slow queries: try again later")
        box: dict[str, object] = {}
        cancel = threading.Event()

        def work() -> None:
            try:
                box["answer"] = evaluate(self.store, text, self.max_rows, cancel)
            except Exception as exc:  # handed over to the request thread below
                box["error"] = exc
            finally:
                self.slots.release()

        worker = threading.Thread(target=work, name="kg-query", daemon=True)
        worker.start()
        worker.join(self.query_timeout)
        if worker.is_alive():
            cancel.set()
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE, f"the query took longer than {self.query_timeout:g} s "
                                                          "and was stopped: narrow it or add a LIMIT")
        if "error" in box:
            raise box["error"]  # type: ignore[misc]
        return box["answer"]  # type: ignore[return-value]


class SparqlHandler(BaseHTTPRequestHandler):
    """Routes: ``/`` (HTML page), ``/sparql`` (GET, POST, OPTIONS)."""

    server: SparqlServer
    server_version = "ZoneGraph-SPARQL"
    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s: %(explain)s\n"

    def end_headers(self) -> None:
        """Add the CORS header to every answer, errors included."""
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors raised by the HTTP layer itself (e.g. a request line over 64 KiB) explain what to do."""
        if code == HTTPStatus.REQUEST_URI_TOO_LONG:
            explain = f"the URL is too long: send queries (up to {MAX_QUERY_CHARS:,} characters) by POST"
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        """Hand request log lines to the server's ``log`` callable, if any."""
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")

    def do_OPTIONS(self) -> None:
        """CORS preflight."""
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        """The HTML page at ``/``, queries at ``/sparql``."""
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", page().encode("utf-8"),
                       {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"})
            return
        self._guarded(lambda: self._query(urllib.parse.parse_qs(url.query, keep_blank_values=True)))

    def do_POST(self) -> None:
        """Queries as a form (``query=…``) or as an ``application/sparql-query`` body."""
        self._guarded(self._post)

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            if urllib.parse.urlsplit(self.path).path != "/sparql":
                raise Refused(HTTPStatus.NOT_FOUND, "no such page: queries go to /sparql")
            action()
        except Refused as exc:
            self._send_text(exc.status, str(exc))
        except QueryError as exc:
            self._send_text(HTTPStatus.BAD_REQUEST, str(exc))

    def _post(self) -> None:
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        body = self._body()
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        if kind == "application/x-www-form-urlencoded":
            query.update(urllib.parse.parse_qs(body, keep_blank_values=True))
        elif kind == "application/sparql-query":
            query["query"] = [body]
        elif kind == "application/sparql-update":
            query["update"] = [body]
        else:
            raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                          "POST a form (query=…) or an application/sparql-query body")
        self._query(query)

    def _body(self) -> str:
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise Refused(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length header") from None
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                          f"the request body is over {MAX_BODY_BYTES:,} bytes: queries may have "
                          f"{MAX_QUERY_CHARS:,} characters")
        try:
            return self.rfile.read(length).decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8") from None

    def _query(self, fields: dict[str, list[str]]) -> None:
        text = check_query(fields)
        answer = self.server.answer(text)
        fmt = choose_format(self.headers.get("Accept", ""), (fields.get("format") or [None])[0],
                            answer.triples is not None)
        mime = {**RESULT_TYPES, **GRAPH_TYPES}[fmt]
        self._send(HTTPStatus.OK, f"{mime}; charset=utf-8", render(answer, fmt))

    def _send_text(self, status: HTTPStatus, text: str) -> None:
        self._send(status, "text/plain; charset=utf-8", f"{status.value} {status.phrase}: {text}\n".encode())

    def _send(self, status: HTTPStatus, mime: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def check_query(fields: dict[str, list[str]]) -> str:
    """The one query of a request, or :class:`Refused` for updates, SERVICE, size and shape."""
    if "update" in fields:
        raise Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
    texts = fields.get("query", [])
    if len(texts) != 1:
        raise Refused(HTTPStatus.BAD_REQUEST, "give exactly one query=… parameter (SPARQL SELECT, ASK, CONSTRUCT "
                                              "or DESCRIBE)")
    text = texts[0]
    if len(text) > MAX_QUERY_CHARS:
        raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                      f"the query has {len(text):,} characters; at most {MAX_QUERY_CHARS:,} are accepted")
    if UPDATE_TEXT.match(text):
        raise Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
    if uses_keyword(text, "SERVICE"):
        raise Refused(HTTPStatus.FORBIDDEN, "federated queries (SERVICE) are disabled on this endpoint")
    return text


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ZoneGraph SPARQL endpoint</title>
<style>body{{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
textarea{{width:100%;font:13px monospace}}pre{{background:#f4f4f4;padding:.5rem;overflow:auto}}</style></head>
<body><h1>ZoneGraph SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1: <code>GET /sparql?query=…</code> or <code>POST /sparql</code>. Prefixes
{prefixes} are predeclared.</p>
{form}
<h2>Query library</h2>
<dl>{queries}</dl>
</body></html>
"""


def _form(text: str, rows: int) -> str:
    options = "".join(f'<option value="{name}">{name.upper()}</option>' for name in RESULT_TYPES)
    return (f'<form action="/sparql" method="post"><textarea name="query" rows="{rows}">{html.escape(text)}'
            f'</textarea><br><label>Format <select name="format">{options}</select></label> '
            f'<button type="submit">Run</button></form>')


def page() -> str:
    """The HTML home page: a query box and the query library with each query's question."""
    from kg.outputs.query import PREFIXES

    items = "".join(f"<dt><code>{html.escape(q.name)}</code></dt><dd>{html.escape(q.question)}"
                    f"<details><summary>query</summary>{_form(q.text, q.text.count(chr(10)) + 1)}</details></dd>"
                    for q in library())
    prefixes = ", ".join(f"<code>{html.escape(p)}:</code>" for p in PREFIXES)
    example = "SELECT ?zone WHERE { ?z a zg:Zone ; rdfs:label ?zone }"
    return PAGE.format(prefixes=prefixes, form=_form(example, 8), queries=items)


def serve_until_stopped(server: SparqlServer) -> None:
    """Serve until Ctrl-C or SIGTERM, then close the socket; returns normally either way."""

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        server.server_close()
