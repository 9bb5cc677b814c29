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
from graph.draw.static import draw_network, label_overlaps
from graph.draw.timeline import draw_timeline
from graph.options import DRAW_SUFFIXES
from schemas.corpus import Corpus
from schemas.errors import UsageError

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "FORMATS",
    "HTMLGraph",
    "draw_network",
    "draw_timeline",
    "label_overlaps",
    "prepare",
    "render",
    "to_html",
]

FORMATS = DRAW_SUFFIXES


def prepare(corpus: Corpus, focus: str | None = None, as_of: dt.date | None = None,
            radius: int = 2) -> nx.MultiDiGraph:
    """The projection to draw: the corpus as of a date, around an actor or topic."""
    from graph.network.projection import focus as focus_on
    from graph.network.projection import project, resolve_focus

    if as_of is not None:
        corpus = corpus.as_of(as_of)
    graph = project(corpus)
    if focus:
        graph = focus_on(graph, resolve_focus(corpus, focus), radius)
    return graph


def render(corpus: Corpus, out: str | os.PathLike[str], focus: str | None = None,
           as_of: dt.date | None = None, timeline: bool = False) -> Path:
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
    graph = prepare(corpus, focus, as_of)
    title = None
    if focus or as_of:
        bits = ([f"around {focus}"] if focus else []) + ([f"as of {as_of}"] if as_of else [])
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
