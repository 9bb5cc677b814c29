"""The record counts of a corpus, in one line, for ``detente check`` and notebooks.

The per-concession lines that follow it in ``detente check`` speak the answer
model's words and so live with the answers (:func:`graph.ask.summary.summary_lines`).

>>> from schemas.loader import load
>>> print(counts_line(load("data")))  # doctest: +NORMALIZE_WHITESPACE
records: 35 actors, 19 topics, 8 meetings, 3 proposals, 8 concessions,
4 commitments, 15 positions, 3 responses, 4 sources, 61 statements
"""

from __future__ import annotations

from schemas.corpus import Corpus

__all__ = ["counts_line"]


def counts_line(corpus: Corpus) -> str:
    """``records: N actors, ...``, leaving out the sections the corpus does not use."""
    parts = []
    for name, count in corpus.counts().items():
        if not count:
            continue  # sections a corpus does not use (proposals, commitments, ...) stay quiet
        noun = name if count != 1 else name[:-1]
        parts.append(f"{count} {noun}")
    return f"records: {', '.join(parts)}"
