"""Serialise graphs: deterministic Turtle, plus N-Triples, JSON-LD and TriG; atomic writes.

rdflib's own Turtle serialiser orders some blocks by hash, so the same graph can
come out in a different order in another process.  :func:`to_turtle` writes
subjects, predicates and objects in sorted order instead, so the same input
always gives byte-identical files that diff well.
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
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


def _sort_key(term: Node) -> tuple[int, str]:
    return (0 if isinstance(term, URIRef) else 1, term.n3())


def to_turtle(graph: Graph | Triples) -> str:
    """Canonically ordered Turtle: prefixes, then one block per subject, all sorted.

    ``graph`` is a graph, or a build's set of triples (written with the project's prefixes).
    """
    nm = graph.namespace_manager if isinstance(graph, Graph) else new_graph().namespace_manager
    used = {prefix: ns for prefix, ns in nm.namespaces()}
    by_subject: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        by_subject[s][p].append(o)
    body: list[str] = []
    prefixes_seen: set[str] = set()
    texts: dict[Node, str] = {}
    keys: dict[Node, tuple[int, str]] = {}

    def key(term: Node) -> tuple[int, str]:
        found = keys.get(term)
        if found is None:
            found = keys[term] = _sort_key(term)
        return found

    def n3(term: Node) -> str:
        text = texts.get(term)
        if text is None:
            text = texts[term] = term.n3(nm)
            if isinstance(term, URIRef) and not text.startswith("<"):
                prefixes_seen.add(text.split(":", 1)[0])
            elif getattr(term, "datatype", None) is not None:
                n3(term.datatype)  # type: ignore[attr-defined]
        return text

    for subject in sorted(by_subject, key=key):
        preds = by_subject[subject]
        order = sorted(preds, key=lambda p: (p != TYPE, key(p)))
        parts = []
        for pred in order:
            objs = ", ".join(n3(o) for o in sorted(set(preds[pred]), key=key))
            parts.append(("a" if pred == TYPE else n3(pred)) + " " + objs)
        body.append(n3(subject) + "\n" + INDENT + (" ;\n" + INDENT).join(parts) + " .\n")
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
