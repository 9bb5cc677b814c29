"""The validated, cross-referenced set of records that everything compiles from.

>>> from schemas.models import Actor
>>> c = Corpus(actors={"russia": Actor(id="russia", name="Russia", kind="state",
...                                    aliases=["Moscow", "the Russians"])})
>>> c.resolve_actor("moscow").id, c.resolve_actor("Russia").id
('russia', 'russia')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from schemas.errors import NotFoundError
from schemas.models import (
    Actor,
    Concession,
    Identified,
    Meeting,
    Position,
    Source,
    Statement,
    Topic,
)
from schemas.negotiation import Commitment, Proposal, Provision, Response

__all__ = ["SECTIONS", "Corpus", "Location"]

# section name in a record file -> model; the order is the order of compilation.
SECTIONS: dict[str, type[Identified]] = {
    "actors": Actor,
    "topics": Topic,
    "meetings": Meeting,
    "proposals": Proposal,
    "concessions": Concession,
    "commitments": Commitment,
    "positions": Position,
    "responses": Response,
    "sources": Source,
    "statements": Statement,
}


@dataclass(frozen=True)
class Location:
    """Where a record was curated: file (relative to the data folder) and line."""

    file: str
    line: int


@dataclass
class Corpus:
    """All records by id, plus the source texts and where each record came from.

    Two corpora compare equal when their records are equal; texts and
    locations are bookkeeping and do not take part.
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    proposals: dict[str, Proposal] = field(default_factory=dict)
    concessions: dict[str, Concession] = field(default_factory=dict)
    commitments: dict[str, Commitment] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    responses: dict[str, Response] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    locations: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def section(self, name: str) -> dict[str, Identified]:
        """The records of one section by name (see :data:`SECTIONS`; also ``provisions``)."""
        records: dict[str, Identified] = getattr(self, name)
        return records

    @property
    def provisions(self) -> dict[str, Provision]:
        """Every proposal's provisions by id (they live inside their proposals).

        >>> from schemas.loader import load
        >>> corpus = load("data")
        >>> corpus.proposal_of(next(iter(corpus.provisions))) in corpus.proposals
        True
        """
        return self._provision_index()[0]

    def refresh(self) -> None:
        """Forget the indexes built from the records (call after replacing a record in place)."""
        for key in ("_provision_index_", "_claim_index", "_name_index"):
            self.__dict__.pop(key, None)

    def proposal_of(self, provision_id: str) -> str:
        """Id of the proposal that holds the provision ``provision_id``."""
        return self._provision_index()[1][provision_id]

    def _provision_index(self) -> tuple[dict[str, Provision], dict[str, str]]:
        cached: tuple[dict[str, Provision], dict[str, str]] | None
        cached = self.__dict__.get("_provision_index_")
        key = (id(self.proposals), len(self.proposals))
        if cached is None or self.__dict__.get("_provision_index_key") != key:
            provisions: dict[str, Provision] = {}
            owner: dict[str, str] = {}
            for proposal in self.proposals.values():
                for item in proposal.provisions:
                    provisions.setdefault(item.id, item)
                    owner.setdefault(item.id, proposal.id)
            cached = (provisions, owner)
            self.__dict__["_provision_index_"] = cached
            self.__dict__["_provision_index_key"] = key
        return cached

    def records(self) -> Iterator[Identified]:
        """Every record, section by section, each section sorted by id."""
        for name in SECTIONS:
            section = self.section(name)
            for key in sorted(section):
                yield section[key]

    def counts(self) -> dict[str, int]:
        """Number of records in each section."""
        return {name: len(self.section(name)) for name in SECTIONS}

    def as_of(self, day: dt.date) -> Corpus:
        """The corpus restricted to what had been said by ``day``.

        Statements dated after ``day`` and sources published after it drop out,
        and so does every concession, commitment, position, meeting, response
        and provision that no remaining statement supports or denies (a
        proposal stays while it or one of its provisions is claimed). Actors
        and topics stay.
        """
        statements = {k: s for k, s in self.statements.items() if s.date <= day}
        sources = {k: s for k, s in self.sources.items() if s.published <= day}
        statements = {k: s for k, s in statements.items() if s.source in sources}
        claimed = {rid for s in statements.values() for rid in (*s.supports, *s.denies)}
        proposals: dict[str, Proposal] = {}
        for key, proposal in self.proposals.items():
            kept = [p for p in proposal.provisions if p.id in claimed]
            if key in claimed or kept:
                proposals[key] = proposal.model_copy(update={"provisions": kept})
        return Corpus(
            actors=dict(self.actors),
            topics=dict(self.topics),
            meetings={k: m for k, m in self.meetings.items() if k in claimed},
            proposals=proposals,
            concessions={k: c for k, c in self.concessions.items() if k in claimed},
            commitments={k: c for k, c in self.commitments.items() if k in claimed},
            positions={k: p for k, p in self.positions.items() if k in claimed},
            responses={k: r for k, r in self.responses.items() if k in claimed},
            sources=sources,
            statements=statements,
            texts={k: t for k, t in self.texts.items() if k in sources},
            locations=dict(self.locations),
        )

    # --- claims -----------------------------------------------------------------------
    def supporting(self, record_id: str) -> list[Statement]:
        """Statements that assert the record, ordered by date then id."""
        return self._index()[0].get(record_id, [])

    def denying(self, record_id: str) -> list[Statement]:
        """Statements that deny the record, ordered by date then id."""
        return self._index()[1].get(record_id, [])

    def _index(self) -> tuple[dict[str, list[Statement]], dict[str, list[Statement]]]:
        cached: tuple[dict[str, list[Statement]], dict[str, list[Statement]]] | None
        cached = self.__dict__.get("_claim_index")
        if cached is None or self.__dict__.get("_claim_index_size") != len(self.statements):
            sup: dict[str, list[Statement]] = {}
            den: dict[str, list[Statement]] = {}
            for st in sorted(self.statements.values(), key=lambda s: (s.date, s.id)):
                for rid in st.supports:
                    sup.setdefault(rid, []).append(st)
                for rid in st.denies:
                    den.setdefault(rid, []).append(st)
            cached = (sup, den)
            self.__dict__["_claim_index"] = cached
            self.__dict__["_claim_index_size"] = len(self.statements)
        return cached

    # --- actors -----------------------------------------------------------------------
    def speaks_for(self, speaker: str, actor: str, on: dt.date) -> bool:
        """True when ``speaker`` is ``actor`` or affiliated with it (transitively) on ``on``."""
        seen: set[str] = set()
        todo = [speaker]
        while todo:
            current = todo.pop()
            if current == actor:
                return True
            if current in seen or current not in self.actors:
                continue
            seen.add(current)
            todo.extend(a.of for a in self.actors[current].affiliations if a.holds_on(on))
        return False

    def affiliation_closure(self, speaker: str) -> frozenset[str]:
        """``speaker`` and every actor a chain of its affiliations leads to, on any date.

        :meth:`speaks_for` is False on every date for an actor outside it: a
        cheap first test before the dated one.

        >>> from schemas.loader import load
        >>> sorted(load("data").affiliation_closure("vladimir-putin"))
        ['russia', 'vladimir-putin']
        """
        seen: set[str] = set()
        todo = [speaker]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            if current in self.actors:
                todo.extend(a.of for a in self.actors[current].affiliations)
        return frozenset(seen)

    def speaker_name(self, speaker: str) -> str:
        """Display name of a speaker: an actor's name, or a source's title for narration."""
        if speaker in self.actors:
            return self.actors[speaker].name
        if speaker in self.sources:
            return f"{self.sources[speaker].title} (the article's own voice)"
        return speaker

    def resolve_actor(self, name: str) -> Actor:
        """The actor with this id, name or alias (case-insensitive); else NotFoundError."""
        found = self._names().get(name.strip().casefold())
        if found is not None:
            return self.actors[found]
        raise NotFoundError("actor", name, self.closest_actors(name))

    def closest_actors(self, name: str, n: int = 3) -> list[str]:
        """Up to ``n`` 'id (surface form)' suggestions for a mistyped actor or alias."""
        from schemas.suggest import closest

        forms = {form: a.id for a in self.actors.values() for form in (a.id, a.name, *a.aliases)}
        return closest(name, forms, n)

    def _names(self) -> dict[str, str]:
        names: dict[str, str] | None = self.__dict__.get("_name_index")
        if names is None or self.__dict__.get("_name_index_size") != len(self.actors):
            names = {}
            for actor in self.actors.values():
                for form in (actor.id, actor.name, *actor.aliases):
                    names.setdefault(form.casefold(), actor.id)
            self.__dict__["_name_index"] = names
            self.__dict__["_name_index_size"] = len(self.actors)
        return names
