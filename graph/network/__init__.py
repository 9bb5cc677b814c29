"""The network room: the graph as networkx graphs, and what they answer.

* :mod:`~graph.network.projection`: :func:`project` (every record a node, every claimed
  relation an edge), focus views, GraphML and GEXF;
* :mod:`~graph.network.analytics`: who met whom, who speaks for whom, chains, centrality.
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.network.analytics import (
        centrality,
        shortest_chain,
        single_speaker_claims,
        who_met_whom,
        who_speaks_for_whom,
    )
    from graph.network.projection import (
        EdgeKind,
        NodeKind,
        actor_graph,
        focus,
        project,
        write_gexf,
        write_graphml,
    )

__all__ = [
    "EdgeKind",
    "NodeKind",
    "actor_graph",
    "centrality",
    "focus",
    "project",
    "shortest_chain",
    "single_speaker_claims",
    "who_met_whom",
    "who_speaks_for_whom",
    "write_gexf",
    "write_graphml",
]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".projection": (
            "EdgeKind",
            "NodeKind",
            "actor_graph",
            "focus",
            "project",
            "write_gexf",
            "write_graphml",
        ),
        ".analytics": (
            "centrality",
            "shortest_chain",
            "single_speaker_claims",
            "who_met_whom",
            "who_speaks_for_whom",
        ),
    },
)
