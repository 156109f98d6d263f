"""Serialise graphs: deterministic Turtle, plus N-Triples, JSON-LD and TriG; atomic writes.

rdflib's own Turtle serialiser orders some blocks by hash, so the same graph can
come out in a different order in another process.  :func:`to_turtle` writes
subjects, predicates and objects in sorted order instead, so the same input
always gives byte-identical files that diff well.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.errors import InputError
from kg.graph.build import new_graph
from kg.graph.resolve import Decision
from kg.graph.triples import Objects, Triples
from kg.namespace import RES, ZG
from kg.types import Extraction

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt",
           "jsonld": "json-ld", "json-ld": "json-ld", "trig": "trig"}
INDENT = "    "
TYPE = RDF.type
_NUMERIC_TYPES = frozenset((XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.int, XSD.long))


def to_turtle(graph: Graph | Triples) -> str:
    """Canonically ordered Turtle: prefixes, then one block per subject, all sorted.

    ``graph`` is a graph, or a build's set of triples (written with the project's prefixes).
    Terms sort by kind (IRIs first) and then by their full N3 text; each term object is
    rendered once, and grouping and sorting work on plain strings.
    """
    nm = graph.namespace_manager if isinstance(graph, Graph) else new_graph().namespace_manager
    terms = _Terms(nm)
    info, predicate = terms.info, terms.predicate
    body: list[str] = []
    for (_, subject), preds in sorted(((info(s), preds) for s, preds in _by_subject(graph).items()), key=_first):
        parts = []
        for (_, pred), objs in sorted(((predicate(p), objs) for p, objs in preds.items()), key=_first):
            if objs.__class__ is not dict:
                parts.append(pred + " " + info(objs)[1])  # type: ignore[arg-type]
            else:
                parts.append(pred + " " + ", ".join([text for _, text in sorted(map(info, objs.values()))]))  # type: ignore[union-attr]
        body.append(subject + "\n" + INDENT + (" ;\n" + INDENT).join(parts) + " .\n")
    used = dict(nm.namespaces())
    lines = [f"@prefix {prefix}: <{used[prefix]}> ." for prefix in sorted(terms.prefixes)]
    return "\n".join(lines) + "\n\n" + "\n".join(body)


def _by_subject(graph: Graph | Triples) -> dict[Node, dict[Node, Objects]]:
    """Subject → predicate → objects (one object, or a dict of several)."""
    if isinstance(graph, Triples):
        return graph.subjects
    grouped = Triples()
    for s, p, o in graph:
        grouped.add(s, p, o)
    return grouped.subjects


def _first(pair: tuple[tuple[str, str], object]) -> str:
    return pair[0][0]


#: A local name every Turtle reader (and rdflib) writes after its prefix as it is.
PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_]+")
#: Characters a quoted literal must escape.
NEEDS_ESCAPE = re.compile(r'[\\"\r\n]')
#: Datatypes whose lexical forms rdflib writes as they are, when they look like numbers.
NUMERIC = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


class _Terms:
    """Each term's sort key and Turtle text, made once per term object.

    Keys are ``0<iri>`` for IRIs and ``1`` plus the N3 text for everything else, so
    IRIs sort first; texts use the graph's prefixes.  Common shapes (an IRI under a bound
    namespace, a literal with nothing to escape) are written here; anything else by rdflib.
    """

    def __init__(self, nm: NamespaceManager) -> None:
        self.nm = nm
        self.namespaces = {str(ns): prefix for prefix, ns in nm.namespaces()}
        self.prefixes: set[str] = set()
        self.seen: dict[int, tuple[str, str]] = {}
        self.predicates: dict[int, tuple[str, str]] = {}
        self.kept: list[Node] = []  # the terms behind ``seen``: their ids stay theirs

    def info(self, term: Node) -> tuple[str, str]:
        """``(sort key, text)`` of ``term``."""
        found = self.seen.get(id(term))
        if found is None:
            found = self.seen[id(term)] = self._render(term)
            self.kept.append(term)
        return found

    def predicate(self, term: Node) -> tuple[str, str]:
        """``(sort key, text)`` of a predicate: ``rdf:type`` first, as ``a``."""
        found = self.predicates.get(id(term))
        if found is None:
            found = self.predicates[id(term)] = ("", "a") if term == TYPE else self.info(term)
            self.kept.append(term)
        return found

    def _render(self, term: Node) -> tuple[str, str]:
        if isinstance(term, URIRef):
            return "0<" + str(term) + ">", self.qname(term)
        if not isinstance(term, Literal):
            return "1" + term.n3(), term.n3()
        value = str(term)
        datatype = term.datatype
        if NEEDS_ESCAPE.search(value) or (datatype is not None and datatype in _NUMERIC_TYPES
                                          and not NUMERIC.fullmatch(value)):
            key = term.n3()
            if datatype is None:
                return "1" + key, key
            self.qname(datatype)  # its prefix is declared
            return "1" + key, term.n3(self.nm)
        quoted = '"' + value + '"'
        if term.language:
            quoted += "@" + term.language
        elif datatype is not None:
            return "1" + quoted + "^^<" + str(datatype) + ">", quoted + "^^" + self.qname(datatype)
        return "1" + quoted, quoted

    def qname(self, iri: URIRef) -> str:
        """``prefix:local`` under a bound namespace, else what rdflib writes."""
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self.namespaces.get(iri[:cut])
        if prefix is not None and PLAIN_LOCAL.fullmatch(iri, cut):
            self.prefixes.add(prefix)
            return prefix + ":" + iri[cut:]
        text = URIRef(iri).n3(self.nm)
        if not text.startswith("<"):
            self.prefixes.add(text.split(":", 1)[0])
        return text


def to_dataset(graph: Graph) -> Dataset:
    """Split a graph into one named graph per report (its facts) plus the rest as default."""
    dataset = Dataset()
    for prefix, ns in graph.namespace_manager.namespaces():
        dataset.bind(prefix, ns)
    for s, p, o in graph:
        sources = list(graph.objects(s, ZG.source)) or list(graph.objects(s, ZG.mentionedIn))
        target = dataset.graph(sources[0]) if len(sources) == 1 else dataset.default_graph
        target.add((s, p, o))
    return dataset


def serialize(graph: Graph, fmt: str) -> str:
    """Serialise to ``fmt`` (turtle, nt, jsonld, trig); Turtle and N-Triples are sorted."""
    name = FORMATS.get(fmt.lower())
    if name is None:
        choices = ", ".join(sorted({"turtle", "nt", "jsonld", "trig"}))
        raise InputError(f"unknown format {fmt!r}: choose one of {choices}")
    if name == "turtle":
        return to_turtle(graph)
    if name == "nt":
        return "".join(sorted(line + "\n" for line in graph.serialize(format="nt").splitlines() if line))
    if name == "trig":
        return to_dataset(graph).serialize(format="trig")
    return graph.serialize(format=name, indent=2)


RESOLUTION_HEADER = "document\tsurface\tclass\tiri\trule\n"
LEFT_OUT_HEADER = "document\tsentence\tfigure\treason\n"


def resolution_tsv(log: Iterable[Decision]) -> str:
    """The resolution log as TSV: document, surface form, class, resolved IRI, rule that decided."""
    return RESOLUTION_HEADER + resolution_rows(log)


def resolution_rows(log: Iterable[Decision]) -> str:
    """Rows of the resolution log (no header), sorted by document, class and surface form."""
    return "".join(f"{d.document}\t{d.surface}\t{d.kind.value}\t{RES[d.key]}\t{d.rule}\n"
                   for d in sorted(log, key=lambda d: (d.document, d.kind.value, d.surface)))


def left_out_tsv(extractions: Iterable[Extraction]) -> str:
    """The figures a build left out rather than guess, and why: document, sentence number, figure, reason."""
    return LEFT_OUT_HEADER + "".join(map(left_out_rows, sorted(extractions, key=lambda e: e.document.name)))


def left_out_rows(extraction: Extraction) -> str:
    """One report's rows of the figures left out (no header)."""
    name = extraction.document.name
    return "".join(f"{name}\t{x.sentence + 1}\t{x.figure}\t{x.reason}\n" for x in extraction.left_out)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: never half-written."""
    with open_atomic(path) as handle:
        handle.write(text)


@contextmanager
def open_atomic(path: Path) -> Iterator[TextIO]:
    """A text file to write ``path`` through: it replaces ``path`` when the block ends without an error,
    and is removed when it ends with one, so ``path`` is never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
