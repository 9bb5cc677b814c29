"""Corroboration status of a claimed concession: derived from its claims, never typed in.

The rule, applied to the statements that assert or deny a concession:

* ``confirmed``: a statement by the conceder, or by an actor affiliated with
  the conceder on the day it was said (Putin, or a Kremlin spokesman, for
  Russia), asserts the concession;
* ``denied``: such a statement denies it (a denial by the conceder's side wins
  over its own earlier confirmation only if it is later);
* ``disputed``: only others deny it;
* ``claimed``: none of the above.

>>> derive_status([Claim(denies=False, conceder_side=False)])
<Corroboration.CLAIMED: 'claimed'>
>>> derive_status([Claim(False, False), Claim(denies=True, conceder_side=False)])
<Corroboration.DISPUTED: 'disputed'>
>>> derive_status([Claim(False, False), Claim(denies=False, conceder_side=True)])
<Corroboration.CONFIRMED: 'confirmed'>
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from graph.options import ClaimStatus
from schemas.corpus import Corpus
from schemas.models import Statement
from schemas.vocab import SourceKind

__all__ = ["Claim", "ClaimStatus", "Judged", "claims_of", "derive_status", "status_of"]


@dataclass(frozen=True)
class Claim:
    """One statement about a concession, reduced to what the status rule needs."""

    denies: bool
    conceder_side: bool
    date: dt.date = dt.date.min


class Judged(Protocol):
    """What the status rule reads of a claim (a :class:`Claim`, or a query's claim row)."""

    @property
    def denies(self) -> bool: ...
    @property
    def conceder_side(self) -> bool: ...
    @property
    def date(self) -> dt.date: ...


def derive_status(claims: Iterable[Judged]) -> ClaimStatus:
    """Apply the status rule to the claims about one concession."""
    last: tuple[dt.date, bool] | None = None  # the conceder's side's latest word
    others_deny = False
    for c in claims:
        if c.conceder_side:
            word = (c.date, c.denies)  # on the same day, a denial outranks an assertion
            if last is None or word > last:
                last = word
        elif c.denies:
            others_deny = True
    if last is not None:
        return ClaimStatus.DENIED if last[1] else ClaimStatus.CONFIRMED
    return ClaimStatus.DISPUTED if others_deny else ClaimStatus.CLAIMED


def claims_of(
    corpus: Corpus, record_id: str, conceder: str, *, include_illustrative: bool = False
) -> list[Claim]:
    """The claims about ``record_id`` in ``corpus``, judged against ``conceder``.

    Statements of ``illustrative`` sources are no evidence unless ``include_illustrative``.
    """

    def evidence(st: Statement) -> bool:
        src = corpus.sources.get(st.source)
        return include_illustrative or src is None or src.kind is not SourceKind.ILLUSTRATIVE

    out = [
        Claim(False, corpus.speaks_for(s.speaker, conceder, s.date), s.date)
        for s in corpus.supporting(record_id)
        if evidence(s)
    ]
    out += [
        Claim(True, corpus.speaks_for(s.speaker, conceder, s.date), s.date)
        for s in corpus.denying(record_id)
        if evidence(s)
    ]
    return out


def status_of(
    corpus: Corpus, concession_id: str, *, include_illustrative: bool = False
) -> ClaimStatus:
    """The derived corroboration of one concession of ``corpus`` (see :mod:`graph.ask.words`)."""
    concession = corpus.concessions[concession_id]
    claims = claims_of(corpus, concession_id, concession.conceder,
                       include_illustrative=include_illustrative)  # fmt: skip
    return derive_status(claims)
