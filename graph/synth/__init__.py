"""The synth room: deterministic synthetic corpora for benchmarks.

* :mod:`~graph.synth.corpus`: :func:`generate` writes a data folder of N statements;
* :mod:`~graph.synth.text`: the article text and YAML it is made of.
"""

from typing import TYPE_CHECKING

from graph._lazy import exports

if TYPE_CHECKING:
    from graph.synth.corpus import MAX_STATEMENTS, MIN_STATEMENTS, SynthStats, generate

__all__ = ["MAX_STATEMENTS", "MIN_STATEMENTS", "SynthStats", "generate"]

__getattr__, __dir__ = exports(
    __name__,
    {
        ".corpus": ("MAX_STATEMENTS", "MIN_STATEMENTS", "SynthStats", "generate"),
    },
)
