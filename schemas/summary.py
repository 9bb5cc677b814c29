"""A short plain-text summary of a corpus, for ``detente check`` and notebooks.

>>> from schemas.loader import load
>>> print(summary_lines(load("data"))[0])  # doctest: +NORMALIZE_WHITESPACE
records: 35 actors, 19 topics, 8 meetings, 3 proposals, 8 concessions,
4 commitments, 15 positions, 3 responses, 4 sources, 61 statements
"""

from __future__ import annotations

from schemas.corpus import Corpus

__all__ = ["summary_lines"]


def summary_lines(corpus: Corpus) -> list[str]:
    """Record counts, then one line per concession: who claims and who denies it, and where."""
    parts = []
    for name, count in corpus.counts().items():
        if not count:
            continue  # sections a corpus does not use (proposals, commitments, ...) stay quiet
        noun = name if count != 1 else name[:-1]
        parts.append(f"{count} {noun}")
    lines = [f"records: {', '.join(parts)}"]
    for cid in sorted(corpus.concessions):
        claims = corpus.supporting(cid)
        speakers = sorted({corpus.speaker_name(s.speaker) for s in claims})
        venues = sorted({s.venue.label for s in claims})
        lines.append(
            f"concession {cid}: claimed by {', '.join(speakers)} "
            f"({len(claims)} statements; venues: {', '.join(venues)})"
        )
    return lines
