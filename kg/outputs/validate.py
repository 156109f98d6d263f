"""Check a graph against the SHACL shapes of ``ontology/shapes.ttl`` with pyshacl.

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the node, the property and the shape's message."""

    focus: str
    path: str
    message: str


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and every violation when it does not."""

    conforms: bool
    violations: tuple[Violation, ...]


def shapes_graph() -> Graph:
    """The shapes, from the source tree or, when installed, from the package."""
    path = SHAPES if SHAPES.is_file() else Path(str(resources.files("kg") / "resources" / "shapes.ttl"))
    return Graph().parse(path, format="turtle")


def validate(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` (RDFS inference off: the shapes say exactly what they mean)."""
    from pyshacl import validate as shacl

    if not graph.store.context_aware:  # pyshacl wants a context-aware store (rdflib's Memory)
        copy = Graph()
        copy += graph
        graph = copy
    conforms, report, _ = shacl(graph, shacl_graph=shapes or shapes_graph(), inference="none",
                                advanced=False, allow_warnings=True)
    violations = sorted(
        Violation(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath) or ""),
                  str(report.value(r, SH.resultMessage) or ""))
        for r in report.subjects(SH.resultSeverity, SH.Violation)
    )
    return ValidationReport(bool(conforms), tuple(violations))
