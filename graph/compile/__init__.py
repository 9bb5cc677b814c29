"""The compile room: records -> RDF, and RDF -> records (the read-back), mirror images.

* :mod:`~graph.compile.quads`: a :class:`~schemas.corpus.Corpus` to N-Triples lines per
  named graph (the one mapping, with its table);
* :mod:`~graph.compile.compiled`: :class:`Compiled`, what the compiler makes, and
  :func:`compile`, the same as an ``rdflib.Dataset``;
* :mod:`~graph.compile.keys`: keys that tell a build which source graphs it may reuse;
* :mod:`~graph.compile.readback`: RDF back to validated records, losslessly.
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.compile.compiled import Compiled, compile
    from graph.compile.keys import compiler_version, source_keys
    from graph.compile.quads import compile_quads, compile_sources
    from graph.compile.readback import from_dataset, from_triples, read

__all__ = [
    "Compiled",
    "compile",
    "compile_quads",
    "compile_sources",
    "compiler_version",
    "from_dataset",
    "from_triples",
    "read",
    "source_keys",
]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".compiled": ("Compiled", "compile"),
        ".keys": ("compiler_version", "source_keys"),
        ".quads": ("compile_quads", "compile_sources"),
        ".readback": ("from_dataset", "from_triples", "read"),
    },
)
