"""Pictures of the graph: one entry point over the static, timeline and HTML drawings.

:func:`render` picks the drawing from the output file's suffix: ``.png`` and ``.svg``
give the static figure (or the timeline), ``.html`` the offline interactive page, and
``.graphml`` / ``.gexf`` the network itself for Gephi or Cytoscape. In a notebook call
:func:`draw_network`, :func:`draw_timeline` or :func:`to_html` directly: figures and
pages display inline.

>>> from schemas import load
>>> g = prepare(load("data"), focus="Moscow")
>>> "concession:russia-legislated-no-seizure-pledge" in g, "actor:nato" in g
(True, False)
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from graph.draw.html import HTMLGraph, to_html
from graph.draw.static import draw_network, edge_crossings, label_overlaps
from graph.draw.timeline import draw_timeline
from graph.options import DRAW_SUFFIXES
from schemas.corpus import Corpus
from schemas.errors import UsageError

if TYPE_CHECKING:
    import networkx as nx

    from graph.ask.graph import Graph

__all__ = [
    "FORMATS",
    "HTMLGraph",
    "draw_network",
    "draw_timeline",
    "edge_crossings",
    "label_overlaps",
    "prepare",
    "render",
    "to_html",
]

FORMATS = DRAW_SUFFIXES
TIMELINE_FORMATS = (".png", ".svg", ".pdf")
"""What ``--timeline`` can draw to."""
CLAIMED_KINDS = ("concession", "commitment", "position", "proposal", "provision", "response")


def prepare(corpus: Corpus, focus: str | None = None, as_of: dt.date | None = None,
            radius: int = 2, topic: str | None = None,
            ask: Graph | None = None) -> nx.MultiDiGraph:
    """The projection to draw: the corpus as of a date, around an actor or topic, on a topic.

    Given ``ask`` (a :class:`graph.Graph` of the same corpus, built by the caller: the
    drawing room runs no engine of its own), concessions carry the answer model's words
    (``answer``, ``status``, ``corroboration``) as :meth:`graph.Graph.concessions` gives
    them; without it the figure composes them with :func:`graph.ask.words.answer`.

    >>> from schemas import load
    >>> g = prepare(load("data"), topic="security guarantees for Ukraine")
    >>> "concession:us-offers-nato-style-guarantee" in g, "position:russia-opposes-nato" in g
    (True, False)
    """
    from graph.network.projection import focus as focus_on
    from graph.network.projection import project, resolve_focus

    if as_of is not None:
        corpus = corpus.as_of(as_of)
    graph = project(corpus)
    if ask is not None:
        _answers(graph, ask.as_of(as_of) if as_of is not None else ask)
    if focus:
        graph = focus_on(graph, resolve_focus(corpus, focus), radius)
    if topic:
        graph = on_topic(graph, resolve_topic(corpus, topic))
    return graph


def _answers(graph: nx.MultiDiGraph, ask: Graph) -> None:
    for row in ask.concessions():
        node = graph.nodes.get(f"concession:{row.concession}")
        if node is not None:
            node.update(answer=row.answer, status=row.status,
                        corroboration=row.corroboration or node.get("corroboration"))


def resolve_topic(corpus: Corpus, name: str) -> str:
    """The node id of a topic (id or label); else NotFoundError with the closest."""
    from graph.network.projection import resolve_focus

    found = resolve_focus(corpus, name)
    if not found.startswith("topic:"):
        from schemas.errors import NotFoundError

        raise NotFoundError("topic", name, [t.id for t in corpus.topics.values()][:3])
    return found


def on_topic(graph: nx.MultiDiGraph, topic: str) -> nx.MultiDiGraph:
    """The records about ``topic`` or a narrower topic, with their ends and claimants."""
    import networkx as nx

    topics = {topic}
    while True:
        more = {u for u, v, k in graph.edges(keys=True) if k == "broader" and v in topics}
        if more <= topics:
            break
        topics |= more
    records = {u for u, v, k in graph.edges(keys=True)
               if k == "about" and v in topics and graph.nodes[u].get("kind") in CLAIMED_KINDS}
    keep = topics | records
    for r in records:
        keep |= set(graph.predecessors(r)) | set(graph.successors(r))
    keep |= {v for u, v, k in graph.edges(keys=True) if k == "said_by" and u in keep}
    sub: nx.MultiDiGraph = nx.MultiDiGraph(**graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in graph if n in keep)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                       if u in keep and v in keep)
    return sub


def render(corpus: Corpus, out: str | os.PathLike[str], focus: str | None = None,
           as_of: dt.date | None = None, timeline: bool = False,
           topic: str | None = None, ask: Graph | None = None) -> Path:
    """Draw ``corpus`` into ``out``; the suffix chooses the format (see :data:`FORMATS`).

    >>> import tempfile, pathlib
    >>> from schemas import load
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = render(load("data"), pathlib.Path(d) / "seed.svg")
    ...     path.read_text()[:5]
    '<?xml'
    """
    from graph.files import write_via
    from graph.network.projection import write_gexf, write_graphml

    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"cannot draw to {target.name!r}: use a file ending in "
                         f"{', '.join(FORMATS)}")
    if timeline and suffix not in TIMELINE_FORMATS:
        raise UsageError(f"cannot draw a timeline to {target.name!r}: use a file ending in "
                         f"{', '.join(TIMELINE_FORMATS)}")
    graph = prepare(corpus, focus, as_of, topic=topic, ask=ask)
    title = None
    if focus or as_of or topic:
        bits = ([f"around {focus}"] if focus else []) + ([f"on {topic}"] if topic else []) \
            + ([f"as of {as_of}"] if as_of else [])
        title = ("Statements and meetings " if timeline else "Who conceded what to whom, ") \
            + " ".join(bits)
    if suffix == ".html":
        return to_html(graph, title=title or "detente: who conceded what").save(target)
    if suffix == ".graphml":
        return write_graphml(graph, target)
    if suffix == ".gexf":
        return write_gexf(graph, target)
    fig = draw_timeline(graph, title) if timeline else draw_network(graph, title)
    fmt = suffix.lstrip(".")
    return write_via(target, lambda tmp: fig.savefig(tmp, format=fmt, dpi=110))
