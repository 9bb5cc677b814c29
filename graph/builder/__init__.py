"""The build room: data folder -> checked, compiled, validated and published outputs.

* :mod:`~graph.builder.run`: :func:`build` and its :class:`BuildReport`, the full path;
* :mod:`~graph.builder.incremental`: the fast path when only source files changed;
* :mod:`~graph.builder.splice`: the unchanged bytes of the last outputs copied around
  the new parts;
* the outputs are published with :mod:`graph.files` (one generation switched at once).
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.builder.run import DEFAULT_FORMATS, BuildReport, build

__all__ = ["DEFAULT_FORMATS", "BuildReport", "build"]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".run": ("DEFAULT_FORMATS", "BuildReport", "build"),
    },
)
