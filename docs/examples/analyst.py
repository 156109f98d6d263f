# %% [markdown]
# # ZoneGraph in a notebook
# Each cell below runs as it is in Jupyter; `python docs/examples/analyst.py GRAPH` runs them all.
# GRAPH is a built graph (`make build` writes output/graph.ttl).

# %%
import sys
from pathlib import Path

import kg

graph_file = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("output/graph.ttl")
zg = kg.open(graph_file)  # kg.open("output/store") opens an Oxigraph store; kg.build("seeds") builds one
print(zg)

# %% The query library: 20-odd questions, each with its parameters
print(zg.queries().to_string(max_colwidth=60))

# %% Which projects are largest? (a data frame: sort, filter, plot as you like)
projects = zg.query("projects-by-investment")
print(projects.head(10).to_string())

# %% One zone's figures, one row per observation, numbers as numbers
figures = zg.indicators(zone="济源高新区")
print(figures[["metric_name", "period", "value", "unit", "growth", "kind"]].head(10).to_string())
series = zg.query("indicator-series", zone="济源高新区", metric="工业增加值")
print(series[["period", "value", "unit", "growth", "kind"]].to_string())

# %% Any SPARQL, with the zg:, rdfs:, skos: prefixes predeclared
firms = zg.query("SELECT ?name WHERE { ?c a zg:Company ; rdfs:label ?name } ORDER BY ?name", limit=5)
print(firms.to_string())

# %% The network: networkx for analytics, rdflib for everything RDF
network = zg.to_networkx()
print(network.number_of_nodes(), "entities,", network.number_of_edges(), "relations")
triples = zg.to_rdflib()
print(len(triples), "triples")

# %% The explorer: in Jupyter, `zg.view()` alone shows it inline
page = zg.view()
print(len(page._repr_html_()), "characters of inline HTML")
