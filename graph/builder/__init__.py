"""The build room: data folder -> checked, compiled, validated and published outputs.

* :mod:`~graph.builder.run`: :func:`build` and its :class:`BuildReport`, the full path;
* :mod:`~graph.builder.incremental`: the fast path when only source files changed;
* :mod:`~graph.builder.splice`: the unchanged bytes of the last outputs copied around
  the new parts;
* :mod:`~graph.builder.derive`: the derived graph placed among the outputs, what of a
  source graph it depends on, and how a rebuild works it out again;
  :mod:`~graph.builder.graphstore`: the compiled source graphs kept between builds;
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
