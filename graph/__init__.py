"""detente's graph: records compiled to RDF, checked, published, asked, projected and drawn.

The front door: ``from graph import Graph, load, build`` is all a newcomer needs.

>>> from graph import Graph
>>> [r.status for r in Graph.from_data("data").concessions(by="Moscow")]
['claimed', 'claimed']

Data flows one way; each stage is a room (a subpackage) whose ``__init__`` names
what it exposes, and every room loads lazily, so start-up stays short:

====================  ==============================================================
room                  what it holds
====================  ==============================================================
:mod:`graph.rdf`      the vocabulary: terms, IRIs minted by one function, N-Triples, SKOS
:mod:`graph.compile`  records -> RDF quads, and the lossless read-back
:mod:`graph.validate` SHACL: pySHACL and the fast checker over the same shapes
:mod:`graph.export`   Turtle, TriG, JSON-LD, N-Triples, N-Quads
:mod:`graph.builder`  ``detente build``: full and incremental builds, atomic outputs
:mod:`graph.ask`      :class:`Graph`: who conceded what, views, status, diff
:mod:`graph.network`  networkx projections and analytics
:mod:`graph.draw`     network figure, timeline, interactive page
:mod:`graph.remote`   SPARQL stores: push, remote ask, a local server
:mod:`graph.synth`    synthetic corpora for benchmarks
:mod:`graph.cli`      the ``detente`` command, a thin front over the rooms
====================  ==============================================================

Records themselves (models, vocabularies, the loader) live in :mod:`schemas`,
which never imports :mod:`graph`.
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.ask.graph import Graph
    from graph.builder.run import BuildReport, build
    from schemas.errors import DetenteError
    from schemas.loader import load

__all__ = ["BuildReport", "DetenteError", "Graph", "build", "load"]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".ask.graph": ("Graph",),
        ".builder.run": ("BuildReport", "build"),
        "schemas.errors": ("DetenteError",),
        "schemas.loader": ("load",),
    },
)
