"""The export room: compiled graphs written as Turtle, TriG, JSON-LD, N-Triples or N-Quads.

* :mod:`~graph.export.writers`: :func:`serialize` and the per-graph parts a build
  assembles (pyoxigraph writes the bytes).
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.export.writers import EXTENSIONS, FORMATS, serialize

__all__ = ["EXTENSIONS", "FORMATS", "serialize"]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".writers": ("EXTENSIONS", "FORMATS", "serialize"),
    },
)
