"""The drawing room: figures of the network, a timeline, and an interactive page.

* :mod:`~graph.draw.dispatch`: :func:`render`, which picks the figure by the file"s suffix;
* :mod:`~graph.draw.static`: the network figure (PNG, SVG, PDF) with matplotlib;
* :mod:`~graph.draw.timeline`: statements and meetings over time;
* :mod:`~graph.draw.layers`: the layered layout, whose lines pass under no box;
* :mod:`~graph.draw.html`: the offline, escaped interactive page (vis-network), with its
  script and frame in :mod:`~graph.draw.page`;
* :mod:`~graph.draw.report`: the dossier, every claim quoted in its source's text
  (``detente report``), with its frame in :mod:`~graph.draw.report_page`.
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.draw.dispatch import FORMATS, prepare, render
    from graph.draw.html import HTMLGraph, to_html
    from graph.draw.report import dossier, write_report
    from graph.draw.static import draw_network, edge_crossings, label_overlaps
    from graph.draw.timeline import draw_timeline

__all__ = [
    "FORMATS",
    "HTMLGraph",
    "dossier",
    "draw_network",
    "draw_timeline",
    "edge_crossings",
    "label_overlaps",
    "prepare",
    "render",
    "to_html",
    "write_report",
]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".dispatch": ("FORMATS", "prepare", "render"),
        ".static": ("draw_network", "edge_crossings", "label_overlaps"),
        ".timeline": ("draw_timeline",),
        ".html": ("HTMLGraph", "to_html"),
        ".report": ("dossier", "write_report"),
    },
)
