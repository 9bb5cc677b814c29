"""detente's graph stages: compile records to RDF, export, query, project to networkx, draw.

The stages are modules, in the order data flows: ``compile`` (records to an
RDF dataset), ``export`` (Turtle, TriG, JSON-LD, N-Triples), ``shacl``
(validation), ``read`` (RDF back to records), ``query`` (who conceded what),
``network`` and ``draw`` (networkx projection and figures), ``status``
(derived corroboration status). The ``cli`` package is a thin front over them.
"""

__all__: list[str] = []
