"""What ``detente check`` says after OK: record counts, then each concession in the answer's words.

The concession lines are the rows of :meth:`Graph.concessions
<graph.ask.graph.Graph.concessions>`, so the check speaks as ``detente ask`` does: a
hypothetical is never "claimed by" its own side as if made, a demand names who
demands it of whom.

>>> from schemas import load
>>> lines = summary_lines(load("data"))
>>> lines[0].startswith("records: ")
True
>>> [line for line in lines if "us-direct-security-commitment" in line][0]  # doctest: +ELLIPSIS
"concession us-direct-security-commitment: hypothetical: floated by the conceder's side ..."
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemas.summary import counts_line

if TYPE_CHECKING:
    from schemas.corpus import Corpus

__all__ = ["summary_lines"]


def summary_lines(corpus: Corpus) -> list[str]:
    """Record counts, then one line per concession: its answer, its statements and venues."""
    from graph.ask.graph import Graph

    lines = [counts_line(corpus)]
    for row in Graph.from_corpus(corpus).concessions():
        said = [c for c in row.claims if not c.denies]
        venues = sorted({c.venue for c in said})
        noun = "statement" if len(row.claims) == 1 else "statements"
        lines.append(
            f"concession {row.concession}: {row.answer} "
            f"({len(row.claims)} {noun}; venues: {', '.join(venues)})"
        )
    return lines
