"""Score a draft against a curated source: found, speaker, date and venue right, verbatim.

A curated statement is *found* when a drafted statement's text contains its
passage, or the passage contains the drafted text and covers at least its
quoted words. Speaker, date (the day; precision is not compared) and venue
(kind and outlet) are then compared on the found ones, with the drafted
statement that agrees best.

>>> from schemas.loader import load
>>> from graph.draft.drafting import draft_text
>>> corpus = load("data")
>>> sid = next(iter(corpus.sources))
>>> d = draft_text(corpus.texts[sid], corpus.sources[sid].published, corpus, source_id="x")
>>> s = score(d, corpus, sid)
>>> s.curated, s.found >= 0.9 * s.curated, s.verbatim == s.drafted
(21, True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.draft.drafting import Draft
from schemas.corpus import Corpus
from schemas.evidence import NormalText, locate, normalise
from schemas.models import Statement

__all__ = ["Score", "score"]

_QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class Score:
    """Counts for one source; rates are the caller's to compute."""

    source: str
    curated: int
    found: int
    speaker: int
    date: int
    venue: int
    drafted: int
    verbatim: int


def _covers(drafted: str, passage: str) -> bool:
    d, p = normalise(drafted), normalise(passage)
    if p in d:
        return True
    if d in p:
        quoted = "".join(_QUOTED.findall(p))
        return len(d) >= len(quoted) and bool(quoted) and all(q in d for q in _QUOTED.findall(p))
    return False


def score(draft: Draft, corpus: Corpus, source_id: str) -> Score:
    """How well ``draft`` recovers the curated statements of ``source_id`` in ``corpus``."""
    curated = [s for s in corpus.statements.values() if s.source == source_id]
    source = corpus.sources[source_id]
    norm = NormalText(draft.text)
    furniture = [span for f in draft.furniture if (span := norm.find(f.text)) is not None]
    verbatim = sum(locate(st["text"], norm, furniture) is not None for st in draft.statements)
    found = speaker = date = venue = 0
    for st in curated:
        matches = [d for d in draft.statements if _covers(d["text"], st.text)]
        if not matches:
            continue
        found += 1

        def right(d: dict[str, object], st: Statement = st) -> tuple[bool, bool, bool]:
            who = d["speaker"] == st.speaker or (
                st.speaker == source.id and d["speaker"] == draft.source["id"]
            )
            v = d["venue"]
            assert isinstance(v, dict)
            where = v.get("kind") == st.venue.kind.value and v.get("outlet") == st.venue.outlet
            return who, d["date"] == st.date, where

        best = max((right(d) for d in matches), key=sum)
        speaker, date, venue = speaker + best[0], date + best[1], venue + best[2]
    return Score(source_id, len(curated), found, speaker, date, venue, len(draft.statements),
                 verbatim)  # fmt: skip
