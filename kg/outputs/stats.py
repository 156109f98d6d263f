"""Counts of a graph: entities per class, uses per property.

>>> from rdflib import Graph
>>> graph_stats(Graph()).triples
0
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from operator import itemgetter

from rdflib import RDF, Graph
from rdflib.term import Node

from kg.graph.build import Triples, new_graph
from kg.namespace import ZG

ZG_PREFIX = str(ZG._NS)


@dataclass(frozen=True)
class Stats:
    """Triples, entities per ``zg:`` class and triples per property (short names)."""

    triples: int
    classes: dict[str, int]
    properties: dict[str, int]


def graph_stats(graph: Graph | Triples) -> Stats:
    """Count what a graph (or a build's set of triples) holds."""
    nm = graph.namespace_manager if isinstance(graph, Graph) else new_graph().namespace_manager
    predicates: Counter[Node] = Counter(map(itemgetter(1), graph))
    type_iri = str(RDF.type)  # compared as plain strings: rdflib's own __eq__ is Python code
    types = Counter(o for _, p, o in graph if str.__eq__(p, type_iri) and str.startswith(o, ZG_PREFIX))
    classes = {nm.normalizeUri(o): n for o, n in types.items()}  # type: ignore[arg-type]
    properties = {nm.normalizeUri(p): n for p, n in predicates.items()}  # type: ignore[arg-type]
    return Stats(
        triples=len(graph),
        classes=dict(sorted(classes.items())),
        properties=dict(sorted(properties.items())),
    )
