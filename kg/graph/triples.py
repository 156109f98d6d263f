"""A build's triples, grouped by subject and predicate: the order Turtle is written in.

>>> from rdflib import URIRef, Literal
>>> s, p = URIRef("urn:x:1"), URIRef("urn:x:name")
>>> triples = Triples()
>>> label = Literal("济源高新区", lang="zh")
>>> triples.add(s, p, label); triples.add(s, p, label)
>>> len(triples), list(triples) == [(s, p, label)]
(1, True)
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib.term import Node

#: A triple of RDF terms.
Triple = tuple[Node, Node, Node]
#: One predicate's objects: the object itself while there is one, then a dict by identity.
Objects = Node | dict[int, Node]


class Triples:
    """A set of triples kept as subject → predicate → objects.

    The build makes one term object per IRI and per literal, so an object is known by its
    identity: adding a triple costs a few dict lookups and no rdflib comparison, and
    writing Turtle needs no grouping pass.  Iterating yields ``(s, p, o)`` triples.
    """

    __slots__ = ("_count", "subjects")

    def __init__(self) -> None:
        self.subjects: dict[Node, dict[Node, Objects]] = {}
        self._count = 0

    def add(self, s: Node, p: Node, o: Node) -> None:
        """Add a triple (again adding the same term objects changes nothing)."""
        preds = self.subjects.get(s)
        if preds is None:
            preds = self.subjects[s] = {}
        objs = preds.get(p)
        if objs is None:
            preds[p] = o
        elif objs.__class__ is dict:
            if id(o) in objs:  # type: ignore[operator]
                return
            objs[id(o)] = o  # type: ignore[index]
        elif objs is o:
            return
        else:
            preds[p] = {id(objs): objs, id(o): o}
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Triple]:
        for s, preds in self.subjects.items():
            for p, objs in preds.items():
                if objs.__class__ is dict:
                    for o in objs.values():  # type: ignore[union-attr]
                        yield s, p, o
                else:
                    yield s, p, objs  # type: ignore[misc]


def objects(objs: Objects) -> list[Node]:
    """The objects of one subject and predicate, as a list."""
    return list(objs.values()) if objs.__class__ is dict else [objs]  # type: ignore[union-attr,list-item]
