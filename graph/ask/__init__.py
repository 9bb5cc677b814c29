"""The ask room: who conceded what, according to whom, where and when.

* :mod:`~graph.ask.graph`: :class:`Graph`, the one object every surface asks (CLI,
  notebooks, remote stores), opened from data, a build or an endpoint;
* :mod:`~graph.ask.engine`: SPARQL engines (a local pyoxigraph store), values bound;
* :mod:`~graph.ask.claims` and :mod:`~graph.ask.status`: claims read and judged, and the
  status rule; :mod:`~graph.ask.registry`: actors, sources and topics read back;
* :mod:`~graph.ask.views`: meetings, positions, statements, profiles and topic tables as
  plain functions over a :class:`~graph.ask.context.Context`;
* :mod:`~graph.ask.rows`, :mod:`~graph.ask.results`: typed rows and how they render;
* :mod:`~graph.ask.derived`: the facts a build derives, in a graph of their own;
  :mod:`~graph.ask.snapshot`: the build's judged rows, for a first answer without a store;
* :mod:`~graph.ask.changes`: what changed between two builds; :mod:`~graph.ask.explore`:
  notebook frames; :mod:`~graph.ask.guard`: read-only checks of user queries.
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.ask.cards import Card, show
    from graph.ask.changes import Diff, diff
    from graph.ask.context import Context
    from graph.ask.engine import Engine, Iri, LocalEngine, Value
    from graph.ask.graph import BUILD_FILES, QUERIES, Graph, query_text
    from graph.ask.guard import check_read_only
    from graph.ask.results import Rows
    from graph.ask.rows import (
        ActorProfile,
        ClaimRow,
        ConcessionRow,
        MeetingRow,
        PositionRow,
        Ref,
        StatementRow,
        TopicCell,
    )
    from graph.ask.status import ClaimStatus, derive_status

__all__ = [
    "BUILD_FILES",
    "QUERIES",
    "ActorProfile",
    "Card",
    "ClaimRow",
    "ClaimStatus",
    "ConcessionRow",
    "Context",
    "Diff",
    "Engine",
    "Graph",
    "Iri",
    "LocalEngine",
    "MeetingRow",
    "PositionRow",
    "Ref",
    "Rows",
    "StatementRow",
    "TopicCell",
    "Value",
    "check_read_only",
    "derive_status",
    "diff",
    "query_text",
    "show",
]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".graph": ("BUILD_FILES", "QUERIES", "Graph", "query_text"),
        ".context": ("Context",),
        ".engine": ("Engine", "Iri", "LocalEngine", "Value"),
        ".rows": (
            "ActorProfile",
            "ClaimRow",
            "ConcessionRow",
            "MeetingRow",
            "PositionRow",
            "Ref",
            "StatementRow",
            "TopicCell",
        ),
        ".results": ("Rows",),
        ".cards": ("Card", "show"),
        ".status": ("ClaimStatus", "derive_status"),
        ".changes": ("Diff", "diff"),
        ".guard": ("check_read_only",),
    },
)
