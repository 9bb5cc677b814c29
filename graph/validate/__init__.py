"""The validation room: compiled graphs checked against ``schemas/shapes.ttl``.

* :mod:`~graph.validate.shacl`: :func:`validate` with pySHACL or the fast checker,
  cached per graph;
* :mod:`~graph.validate.fast`: the fast checker, which reads the same shapes and
  reports the same violations for the constraints the shapes use.
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.validate.shacl import ENGINES, Violation, check, shapes_graph, validate

__all__ = ["ENGINES", "Violation", "check", "shapes_graph", "validate"]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".shacl": ("ENGINES", "Violation", "check", "shapes_graph", "validate"),
    },
)
