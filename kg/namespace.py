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
    fileName: URIRef
    contentHash: URIRef
    role: URIRef

    # individuals of the project-status scheme
    ProjectStatusScheme: URIRef
    planned: URIRef
    signed: URIRef
    underConstruction: URIRef
    inOperation: URIRef
    completed: URIRef


RES = Namespace(RESOURCE_BASE)
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
