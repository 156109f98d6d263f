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

from kg.graph.build import new_graph
from kg.graph.triples import Triples, objects
from kg.namespace import ZG

ZG_PREFIX = str(ZG._NS)
TYPE_IRI = str(RDF.type)


@dataclass(frozen=True)
class Stats:
    """Triples, entities per ``zg:`` class and triples per property (short names)."""

    triples: int
    classes: dict[str, int]
    properties: dict[str, int]

    @property
    def figures_mapped(self) -> tuple[int, int]:
        """(figures with a normalised metric, all figures): how many map to an official metric."""
        return self.properties.get("zg:normalizedMetric", 0), self.classes.get("zg:Indicator", 0)


def graph_stats(graph: Graph | Triples) -> Stats:
    """Count what a graph (or a build's set of triples) holds."""
    nm = graph.namespace_manager if isinstance(graph, Graph) else new_graph().namespace_manager
    if isinstance(graph, Triples):
        predicates, types = _index_counts(graph)
    else:
        predicates = Counter(map(itemgetter(1), graph))
        types = Counter(o for _, p, o in graph if str.__eq__(p, TYPE_IRI))
    classes = {nm.normalizeUri(o): n for o, n in types.items() if str.startswith(o, ZG_PREFIX)}  # type: ignore[arg-type]
    properties = {nm.normalizeUri(p): n for p, n in predicates.items()}  # type: ignore[arg-type]
    return Stats(
        triples=len(graph),
        classes=dict(sorted(classes.items())),
        properties=dict(sorted(properties.items())),
    )


def _index_counts(triples: Triples) -> tuple[Counter[Node], Counter[Node]]:
    """Uses per predicate and subjects per ``rdf:type`` object, from the subject index."""
    predicates: Counter[Node] = Counter()
    types: Counter[Node] = Counter()
    for preds in triples.subjects.values():
        for p, objs in preds.items():
            predicates[p] += len(objs) if objs.__class__ is dict else 1  # type: ignore[arg-type]
            if str.__eq__(p, TYPE_IRI):  # plain string comparison: rdflib's own __eq__ is Python code
                types.update(objects(objs))
    return predicates, types
