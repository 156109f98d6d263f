"""Serialise graphs: deterministic Turtle, plus N-Triples, JSON-LD and TriG; atomic writes.

rdflib's own Turtle serialiser orders some blocks by hash, so the same graph can
come out in a different order in another process.  :func:`to_turtle` writes
subjects, predicates and objects in sorted order instead, so the same input
always gives byte-identical files that diff well.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.graph.build import Triples, new_graph
from kg.graph.resolve import Decision
from kg.namespace import RES, ZG

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt",
           "jsonld": "json-ld", "json-ld": "json-ld", "trig": "trig"}
INDENT = "    "
TYPE = RDF.type


def to_turtle(graph: Graph | Triples) -> str:
    """Canonically ordered Turtle: prefixes, then one block per subject, all sorted.

    ``graph`` is a graph, or a build's set of triples (written with the project's prefixes).
    Terms sort by kind (IRIs first) and then by their full N3 text; each term object is
    rendered once, and grouping and sorting work on plain strings.
    """
    nm = graph.namespace_manager if isinstance(graph, Graph) else new_graph().namespace_manager
    used = dict(nm.namespaces())
    prefixes_seen: set[str] = set()
    seen: dict[int, tuple[Node, str]] = {}  # id → (term, sort key): the term is kept so its id stays its own
    texts: dict[str, str] = {}

    def key(term: Node) -> str:
        found = seen.get(id(term))
        if found is not None:
            return found[1]
        k = ("0" if isinstance(term, URIRef) else "1") + term.n3()
        seen[id(term)] = (term, k)
        return k

    def text(term: Node) -> str:
        k = key(term)
        found = texts.get(k)
        if found is None:
            if isinstance(term, URIRef):
                found = term.n3(nm)
                if not found.startswith("<"):
                    prefixes_seen.add(found.split(":", 1)[0])
            elif getattr(term, "datatype", None) is not None:
                found = term.n3(nm)
                text(term.datatype)  # type: ignore[attr-defined]
            else:
                found = k[1:]  # a plain or language-tagged literal reads the same with prefixes
            texts[k] = found
        return found

    by_subject: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in graph:  # a graph's (and a set's) triples are distinct: no object repeats
        preds = by_subject.get(s)
        if preds is None:
            preds = by_subject[s] = {}
        objs = preds.get(p)
        if objs is None:
            preds[p] = [o]
        else:
            objs.append(o)
    body: list[str] = []
    for subject in sorted(by_subject, key=key):
        preds = by_subject[subject]
        parts = []
        for pred in sorted(preds, key=lambda p: (p != TYPE, key(p))):
            objs = preds[pred]
            if len(objs) > 1:
                objs.sort(key=key)
            parts.append(("a" if pred == TYPE else text(pred)) + " " + ", ".join(map(text, objs)))
        body.append(text(subject) + "\n" + INDENT + (" ;\n" + INDENT).join(parts) + " .\n")
    lines = [f"@prefix {prefix}: <{used[prefix]}> ." for prefix in sorted(prefixes_seen)]
    return "\n".join(lines) + "\n\n" + "\n".join(body)


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


def resolution_tsv(log: Iterable[Decision]) -> str:
    """The resolution log as TSV: document, surface form, class, resolved IRI, rule that decided."""
    lines = ["document\tsurface\tclass\tiri\trule"]
    for d in sorted(log, key=lambda d: (d.document, d.kind.value, d.surface)):
        lines.append(f"{d.document}\t{d.surface}\t{d.kind.value}\t{RES[d.key]}\t{d.rule}")
    return "\n".join(lines) + "\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
