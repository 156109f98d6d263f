"""Counts of a graph: entities per class, uses per property.

>>> from rdflib import Graph
>>> graph_stats(Graph()).triples
0
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import RDF, Graph, URIRef

from kg.namespace import ZG

ZG_PREFIX = str(ZG._NS)


@dataclass(frozen=True)
class Stats:
    """Triples, entities per ``zg:`` class and triples per property (short names)."""

    triples: int
    classes: dict[str, int]
    properties: dict[str, int]


def short(term: URIRef, graph: Graph) -> str:
    """A prefixed name such as ``zg:Zone`` where a prefix is bound."""
    return graph.namespace_manager.normalizeUri(term)


def graph_stats(graph: Graph) -> Stats:
    """Count what a graph holds."""
    types = Counter(o for o in graph.objects(None, RDF.type) if str(o).startswith(ZG_PREFIX))
    predicates = Counter(p for _, p, _ in graph)
    classes = {short(o, graph): n for o, n in types.items()}  # type: ignore[arg-type]
    properties = {short(p, graph): n for p, n in predicates.items()}  # type: ignore[arg-type]
    return Stats(
        triples=len(graph),
        classes=dict(sorted(classes.items())),
        properties=dict(sorted(properties.items())),
    )
