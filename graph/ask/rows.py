"""Typed result rows of :mod:`graph.ask.graph`, and their tables: JSON, CSV, pandas, rich.

Every row is a frozen dataclass. ``to_dict()`` gives the stable JSON shape
that other tools read (the keys listed in issue [ask]); ``flat()`` gives one
flat record for CSV and DataFrames. :class:`graph.ask.results.Rows` holds a list
of rows and renders it as JSON, CSV, a pandas ``DataFrame``, a rich table or
HTML in a notebook. Provenance travels with each row: every claim names its statement,
speaker, venue, date (and its precision), verbatim quote and source.

>>> import datetime as dt
>>> claim = ClaimRow("s1", Ref("steve-witkoff", "Steve Witkoff"), "CNN", dt.date(2025, 8, 17),
...               "day", "We won a concession.", "src-1")
>>> row = ConcessionRow("c1", "Russia accepted X.", "t1", "claimed", Ref("russia", "Russia"),
...                     (Ref("united-states", "United States"),), (), (), "made", 1, 1, (claim,))
>>> row.to_dict()["claims"][0]["speaker"]
{'id': 'steve-witkoff', 'name': 'Steve Witkoff'}
>>> row.flat()["conceded_to"]
'united-states'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

__all__ = [
    "ActorProfile",
    "Affiliation",
    "ClaimRow",
    "ConcessionRow",
    "MeetingRow",
    "Participant",
    "PositionRow",
    "Ref",
    "StatementRow",
    "TopicCell",
    "solutions",
]

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Ref:
    """An actor (or a narrating source) by id, with its display name."""

    id: str
    name: str

    def to_dict(self) -> Json:
        """``{"id", "name"}``."""
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One statement that asserts (or, with ``denies``, denies) a record: its provenance."""

    statement: str
    speaker: Ref
    venue: str
    date: dt.date
    date_precision: str
    quote: str
    source: str
    mode: str = ""
    denies: bool = False
    conceder_side: bool = False
    via: tuple[Ref, ...] = ()
    source_kind: str = ""
    restates: str | None = None

    @property
    def origin(self) -> tuple[str, dt.date, str]:
        """The claim's independent chain: who first said it, when, and to which outlet.

        A relayed statement and the statement it relays share it (same speaker, day
        and first outlet), and so do two articles that quote the same interview.
        """
        first = self.via[0].id if self.via else self.venue.casefold()
        return (self.speaker.id, self.date, first)

    def to_dict(self) -> Json:
        """``{statement, speaker: {id, name}, venue, date, quote, source}`` plus extras."""
        return {
            "statement": self.statement,
            "speaker": self.speaker.to_dict(),
            "venue": self.venue,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "quote": self.quote,
            "source": self.source,
            "mode": self.mode,
            "denies": self.denies,
            "via": [r.to_dict() for r in self.via],
            "source_kind": self.source_kind,
            "restates": self.restates,
        }


def _claims(claims: Sequence[ClaimRow]) -> list[Json]:
    return [c.to_dict() for c in claims]


def _ids(refs: Iterable[Ref]) -> str:
    return "; ".join(r.id for r in refs)


@dataclass(frozen=True, slots=True)
class ConcessionRow:
    """A claimed concession with its derived status and every claim about it."""

    concession: str
    summary: str
    topic: str
    status: str
    conceder: Ref
    conceded_to: tuple[Ref, ...]
    beneficiaries: tuple[Ref, ...]
    conditions: tuple[str, ...]
    modality: str
    claimants: int
    sources: int
    claims: tuple[ClaimRow, ...]
    kind: str = ""
    demanded_by: tuple[Ref, ...] = ()
    proposed_in: str | None = None
    corroboration: str = ""
    answer: str = ""
    chains: int = 0

    def to_dict(self) -> Json:
        """The stable JSON object of one concession (the answer model: see graph.ask.words)."""
        return {
            "concession": self.concession,
            "summary": self.summary,
            "topic": self.topic,
            "status": self.status,
            "answer": self.answer,
            "corroboration": self.corroboration,
            "conceder": self.conceder.to_dict(),
            "conceded_to": [r.to_dict() for r in self.conceded_to],
            "beneficiaries": [r.to_dict() for r in self.beneficiaries],
            "conditions": list(self.conditions),
            "modality": self.modality,
            "demanded_by": [r.to_dict() for r in self.demanded_by],
            "proposed_in": self.proposed_in,
            "kind": self.kind,
            "claimants": self.claimants,
            "chains": self.chains,
            "sources": self.sources,
            "claims": _claims(self.claims),
        }

    def flat(self) -> Json:
        """One flat record for CSV and DataFrames (lists joined with ``"; "``)."""
        return {
            "concession": self.concession,
            "summary": self.summary,
            "topic": self.topic,
            "status": self.status,
            "conceder": self.conceder.id,
            "conceder_name": self.conceder.name,
            "conceded_to": _ids(self.conceded_to),
            "beneficiaries": _ids(self.beneficiaries),
            "conditions": "; ".join(self.conditions),
            "modality": self.modality,
            "demanded_by": _ids(self.demanded_by),
            "proposed_in": self.proposed_in or "",
            "answer": self.answer,
            "corroboration": self.corroboration,
            "claimants": self.claimants,
            "chains": self.chains,
            "sources": self.sources,
            "statements": "; ".join(c.statement for c in self.claims),
        }


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor's part in a meeting."""

    id: str
    name: str
    role: str

    def to_dict(self) -> Json:
        """``{"id", "name", "role"}``."""
        return {"id": self.id, "name": self.name, "role": self.role}


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A meeting, its participants and the statements that claim it."""

    meeting: str
    title: str
    start: dt.date | None
    end: dt.date | None
    location: str | None
    status: str
    participants: tuple[Participant, ...]
    claims: tuple[ClaimRow, ...] = ()

    def to_dict(self) -> Json:
        """The stable JSON object of one meeting."""
        return {
            "meeting": self.meeting,
            "title": self.title,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "location": self.location,
            "status": self.status,
            "participants": [p.to_dict() for p in self.participants],
            "claims": _claims(self.claims),
        }

    def flat(self) -> Json:
        """One flat record for CSV and DataFrames."""
        return {
            "meeting": self.meeting,
            "title": self.title,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "location": self.location,
            "status": self.status,
            "participants": "; ".join(f"{p.id} ({p.role})" for p in self.participants),
            "statements": "; ".join(c.statement for c in self.claims),
        }


@dataclass(frozen=True, slots=True)
class PositionRow:
    """An actor's claimed stance on a topic; ``date`` is when it is first known to hold."""

    position: str
    actor: Ref
    stance: str
    topic: str
    date: dt.date | None
    summary: str
    claims: tuple[ClaimRow, ...] = ()

    def to_dict(self) -> Json:
        """The stable JSON object of one position."""
        return {
            "position": self.position,
            "actor": self.actor.to_dict(),
            "stance": self.stance,
            "topic": self.topic,
            "date": _iso(self.date),
            "summary": self.summary,
            "claims": _claims(self.claims),
        }

    def flat(self) -> Json:
        """One flat record for CSV and DataFrames."""
        return {
            "position": self.position,
            "actor": self.actor.id,
            "actor_name": self.actor.name,
            "stance": self.stance,
            "topic": self.topic,
            "date": _iso(self.date),
            "summary": self.summary,
            "statements": "; ".join(c.statement for c in self.claims),
        }


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One attributed statement and the records it supports or denies."""

    statement: str
    speaker: Ref
    mode: str
    venue: str
    date: dt.date
    date_precision: str
    quote: str
    source: str
    supports: tuple[str, ...] = ()
    denies: tuple[str, ...] = ()

    def to_dict(self) -> Json:
        """JSON object of one statement."""
        return {
            "statement": self.statement,
            "speaker": self.speaker.to_dict(),
            "mode": self.mode,
            "venue": self.venue,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "quote": self.quote,
            "source": self.source,
            "supports": list(self.supports),
            "denies": list(self.denies),
        }

    def flat(self) -> Json:
        """One flat record for CSV and DataFrames."""
        out = self.to_dict()
        out["speaker"], out["speaker_name"] = self.speaker.id, self.speaker.name
        out["supports"], out["denies"] = "; ".join(self.supports), "; ".join(self.denies)
        return out


@dataclass(frozen=True, slots=True)
class TopicCell:
    """One actor's stance on a topic at a date: a cell of the negotiating-table matrix."""

    actor: Ref
    date: dt.date | None
    stance: str
    record: str

    def to_dict(self) -> Json:
        """JSON object of one cell (``record``: the position or concession id)."""
        return {
            "actor": self.actor.to_dict(),
            "date": _iso(self.date),
            "stance": self.stance,
            "record": self.record,
        }

    def flat(self) -> Json:
        """One flat record for CSV and DataFrames."""
        return {
            "actor": self.actor.id,
            "actor_name": self.actor.name,
            "date": _iso(self.date),
            "stance": self.stance,
            "record": self.record,
        }


@dataclass(frozen=True, slots=True)
class Affiliation:
    """Whom an actor belongs to or speaks for, in what role and when."""

    of: Ref
    role: str
    start: dt.date | None = None
    end: dt.date | None = None

    def to_dict(self) -> Json:
        """JSON object of one affiliation."""
        return {
            "of": self.of.to_dict(),
            "role": self.role,
            "start": _iso(self.start),
            "end": _iso(self.end),
        }


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """Everything about one actor: who it is, what it conceded or got, said, holds, met."""

    actor: Ref
    kind: str
    aliases: tuple[str, ...]
    wikidata: str | None
    affiliations: tuple[Affiliation, ...]
    conceded: tuple[ConcessionRow, ...]
    received: tuple[ConcessionRow, ...]
    positions: tuple[PositionRow, ...]
    meetings: tuple[MeetingRow, ...]
    statements: tuple[StatementRow, ...]

    def to_dict(self) -> Json:
        """JSON object of the whole profile."""
        return {
            "actor": self.actor.to_dict(),
            "kind": self.kind,
            "aliases": list(self.aliases),
            "wikidata": self.wikidata,
            "affiliations": [a.to_dict() for a in self.affiliations],
            "conceded": [r.to_dict() for r in self.conceded],
            "received": [r.to_dict() for r in self.received],
            "positions": [r.to_dict() for r in self.positions],
            "meetings": [r.to_dict() for r in self.meetings],
            "statements": [r.to_dict() for r in self.statements],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def solutions(results: Json) -> tuple[list[str], list[list[str]]]:
    """Header and string rows of SPARQL 1.1 JSON SELECT results ('' where unbound).

    >>> solutions({"head": {"vars": ["a", "b"]},
    ...            "results": {"bindings": [{"a": {"type": "literal", "value": "x"}}]}})
    (['a', 'b'], [['x', '']])
    """
    header: list[str] = list(results["head"]["vars"])
    rows = [
        [b[v]["value"] if v in b else "" for v in header] for b in results["results"]["bindings"]
    ]
    return header, rows
