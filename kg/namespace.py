"""The ZoneGraph ontology's terms as rdflib namespaces.

``ZG`` is a closed :class:`rdflib.namespace.DefinedNamespace`: a misspelt term
such as ``ZG.totalInvestmnet`` raises ``AttributeError`` instead of minting a
new IRI.  Every term listed here is declared in ``ontology/zonegraph.ttl``
(a test checks both directions).

>>> from kg.namespace import ZG
>>> str(ZG.Zone)
'https://w3id.org/zonegraph/ontology#Zone'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/zonegraph/ontology"
RESOURCE_BASE = "https://w3id.org/zonegraph/id/"


class ZG(DefinedNamespace):
    """Classes, properties and individuals of the ZoneGraph ontology."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Zone: URIRef
    Company: URIRef
    Project: URIRef
    Park: URIRef
    Honor: URIRef
    Indicator: URIRef
    Person: URIRef
    Organization: URIRef
    Cluster: URIRef
    Document: URIRef
    ProjectStatus: URIRef
    Ranking: URIRef
    StatusStatement: URIRef
    ObservationKind: URIRef
    Metric: URIRef
    Qualifier: URIRef

    # object properties
    mentionedIn: URIRef
    locatedIn: URIRef
    investor: URIRef
    status: URIRef
    awardedTo: URIRef
    source: URIRef
    observedFor: URIRef
    reportsOn: URIRef
    affiliation: URIRef
    kind: URIRef
    normalizedMetric: URIRef
    rankedEntity: URIRef
    statusOf: URIRef
    outcome: URIRef
    qualifier: URIRef

    # datatype properties
    totalInvestment: URIRef
    year: URIRef
    evidence: URIRef
    metric: URIRef
    value: URIRef
    unit: URIRef
    growthRate: URIRef
    period: URIRef
    estimated: URIRef
    approximate: URIRef
    change: URIRef
    fileName: URIRef
    contentHash: URIRef
    role: URIRef
    baseValue: URIRef
    baseUnit: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    assessment: URIRef
    rank: URIRef
    position: URIRef
    fieldSize: URIRef

    # individuals of the project-status scheme
    ProjectStatusScheme: URIRef
    planned: URIRef
    signed: URIRef
    underConstruction: URIRef
    inOperation: URIRef
    completed: URIRef

    # individuals of the observation-kind scheme
    ObservationKindScheme: URIRef
    actual: URIRef
    estimate: URIRef
    target: URIRef
    share: URIRef

    # individuals of the qualifier scheme
    QualifierScheme: URIRef
    over: URIRef
    nearly: URIRef
    about: URIRef
    moreThan: URIRef

    # the metric scheme (its concepts live in ontology/metrics.ttl, under METRIC)
    MetricScheme: URIRef


RES = Namespace(RESOURCE_BASE)
#: Concepts of the normalised-metric scheme (ontology/metrics.ttl), e.g. METRIC.industrialValueAdded.
METRIC = Namespace(ONTOLOGY_IRI + "/metric#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
