"""The views of :class:`graph.query.Graph` beside who-conceded-what: meetings, positions,
statements, an actor's profile and a topic's negotiating table.

:class:`Views` is a mixin; :class:`~graph.query.Graph` supplies the engine, the
registry, the claims and name resolution, and inherits these methods.

>>> from graph.query import Graph
>>> g = Graph.from_data("data")
>>> [m.meeting for m in g.meetings(participant="Zelenskiy", status="planned")]
['washington-meeting-2025-08-18']
>>> [(c.actor.id, c.stance) for c in g.topic("ukraine-nato-membership")]
[('vladimir-putin', 'opposes')]
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from difflib import get_close_matches
from typing import TYPE_CHECKING

from graph.engine import Iri, Value
from graph.registry import DET, concept_value, record_id, to_date
from graph.results import Rows
from graph.rows import (
    ActorProfile,
    Affiliation,
    ClaimRow,
    MeetingRow,
    Participant,
    PositionRow,
    Ref,
    StatementRow,
    TopicCell,
)
from schemas.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from graph.query import _Shared
    from graph.registry import Registry
    from graph.rows import ConcessionRow
    from schemas.corpus import Corpus

__all__ = ["Views", "choice", "parse_day"]

_DENIES = DET + "denies"
_SUPPORTS = DET + "supports"


class Views:
    """Meetings, positions, statements, actor profiles and topic tables (a mixin of Graph)."""

    if TYPE_CHECKING:  # what Graph provides
        day: dt.date | None
        _shared: _Shared

        @property
        def registry(self) -> Registry: ...
        @property
        def corpus(self) -> Corpus: ...
        def select(self, name: str, **values: Value) -> list[tuple[str, ...]]: ...
        def resolve_actor(self, name: str) -> str: ...
        def resolve_topic(self, name: str) -> str: ...
        def concessions(
            self,
            *,
            by: str | None = None,
            to: str | None = None,
            beneficiary: str | None = None,
            claimant: str | None = None,
            topic: str | None = None,
            status: str | None = None,
        ) -> Rows[ConcessionRow]: ...
        def _claims(self, rdf_class: str) -> dict[str, list[ClaimRow]]: ...
        def _said(self, date: dt.date, source: str) -> bool: ...
        def _ref(self, actor: str) -> Ref: ...

    # --- meetings -----------------------------------------------------------------------
    def meetings(
        self,
        *,
        participant: str | None = None,
        status: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> Rows[MeetingRow]:
        """Meetings by participant, status and date range (overlapping ``since``..``until``)."""
        from schemas.vocab import MeetingStatus

        who = self.resolve_actor(participant) if participant is not None else None
        want_status = choice(status, MeetingStatus, "meeting status")
        lo = parse_day(since) if since is not None else None
        hi = parse_day(until) if until is not None else None
        people: dict[str, list[Participant]] = defaultdict(list)
        for mid, actor, role, _ in self.select("participants"):
            role_value = concept_value(role, "participant-role")
            people[mid].append(Participant(actor, self.corpus.speaker_name(actor), role_value))
        claims = self._claims("Meeting")
        out: list[MeetingRow] = []
        for mid, title, start, end, location, status_iri in self.select("meetings"):
            state = concept_value(status_iri, "meeting-status")
            first, last = to_date(start), to_date(end)
            if self.day is not None and not claims.get(mid):
                continue
            if who is not None and all(p.id != who for p in people[mid]):
                continue
            if want_status is not None and state != want_status:
                continue
            if (lo or hi) and not _overlaps(first, last or first, lo, hi):
                continue
            out.append(
                MeetingRow(
                    mid,
                    title,
                    first,
                    last,
                    location or None,
                    state,
                    tuple(people[mid]),
                    tuple(claims.get(mid, ())),
                )
            )
        return Rows("meetings", out)

    # --- positions ----------------------------------------------------------------------
    def positions(
        self, *, actor: str | None = None, topic: str | None = None, stance: str | None = None
    ) -> Rows[PositionRow]:
        """Positions by actor, topic and stance; ``date`` is valid_from or the first claim's."""
        from schemas.vocab import Stance

        values: dict[str, Value] = {}
        if actor is not None:
            values["actor"] = self.resolve_actor(actor)
        if topic is not None:
            values["topic"] = self.resolve_topic(topic)
        want = choice(stance, Stance, "stance")
        claims = self._claims("Position")
        out: list[PositionRow] = []
        for pid, holder, topic_id, stance_iri, summary, start, _ in self.select(
            "positions", **values
        ):
            said = tuple(claims.get(pid, ()))
            if self.day is not None and not said:
                continue
            value = concept_value(stance_iri, "stance")
            if want is not None and value != want:
                continue
            first = to_date(start) or next((c.date for c in said if not c.denies), None)
            out.append(PositionRow(pid, self._ref(holder), value, topic_id, first, summary, said))
        return Rows("positions", out)

    # --- statements ---------------------------------------------------------------------
    def statements(
        self, *, speaker: str | None = None, venue: str | None = None, source: str | None = None
    ) -> Rows[StatementRow]:
        """Statements by speaker (an actor, or a source for narration), venue and source.

        ``venue`` matches the venue label (case-insensitive) or the outlet actor.
        """
        iris = self.registry.iris
        values: dict[str, Value] = {}
        if speaker is not None:
            values["speaker"] = Iri(iris[self._resolve_speaker(speaker)])
        if source is not None:
            if source not in self.registry.published:
                close = get_close_matches(source, list(self.registry.published), n=3)
                raise NotFoundError("source", source, close)
            values["source"] = Iri(iris[source])
        outlet = self._try_actor(venue) if venue is not None else None
        links: dict[tuple[str, str], list[str]] = self._shared.memo.get("links", {})
        if not links:
            links = self._shared.memo["links"] = defaultdict(list)
            for st, rel, record in self.select("statement_links"):
                links[record_id(st), rel].append(record_id(record))
        names = self.corpus.speaker_name
        out: list[StatementRow] = []
        rows = self._shared.memo.get("statements") if not values else None
        if rows is None:
            rows = self.select("statements", **values)
            if not values:
                self._shared.memo["statements"] = rows
        for st_iri, who_iri, mode, label, via, date, prec, quote, src_iri in rows:
            day, src, st = dt.date.fromisoformat(date), record_id(src_iri), record_id(st_iri)
            if not self._said(day, src):
                continue
            if venue is not None and not _venue_matches(venue, label, record_id(via), outlet):
                continue
            who = record_id(who_iri)
            out.append(
                StatementRow(
                    st,
                    Ref(who, names(who)),
                    concept_value(mode, "statement-mode"),
                    label,
                    day,
                    concept_value(prec, "date-precision"),
                    quote,
                    src,
                    tuple(links.get((st, _SUPPORTS), ())),
                    tuple(links.get((st, _DENIES), ())),
                )
            )
        out.sort(key=lambda r: (r.date, r.statement))
        return Rows("statements", out)

    def _try_actor(self, name: str) -> str | None:
        try:
            return self.resolve_actor(name)
        except NotFoundError:
            return None

    def _resolve_speaker(self, name: str) -> str:
        if name in self.registry.published:
            return name
        return self.resolve_actor(name)

    # --- actor and topic views ----------------------------------------------------------
    def actor(self, name: str) -> ActorProfile:
        """Everything about one actor: conceded, received, positions, meetings, statements."""
        aid = self.resolve_actor(name)
        model = self.corpus.actors[aid]
        affiliations = tuple(
            Affiliation(self._ref(a.of), a.role, a.start, a.end) for a in model.affiliations
        )
        received = [r for r in self.concessions() if any(x.id == aid for x in r.conceded_to)]
        return ActorProfile(
            actor=self._ref(aid),
            kind=model.kind.value,
            aliases=tuple(model.aliases),
            wikidata=model.wikidata,
            affiliations=affiliations,
            conceded=tuple(self.concessions(by=aid)),
            received=tuple(received),
            positions=tuple(self.positions(actor=aid)),
            meetings=tuple(self.meetings(participant=aid)),
            statements=tuple(self.statements(speaker=aid)),
        )

    def topic(self, name: str) -> Rows[TopicCell]:
        """The negotiating table for one topic: each actor's stance over time.

        Positions give their stance; concessions give ``concedes (<status>)``.
        :meth:`Rows.to_frame` then pivots easily (actor x date).
        """
        tid = self.resolve_topic(name)
        positions = self.positions(topic=tid)
        cells = [TopicCell(p.actor, p.date, p.stance, p.position) for p in positions]
        for c in self.concessions(topic=tid):
            first = next((x.date for x in c.claims if not x.denies), None)
            cells.append(TopicCell(c.conceder, first, f"concedes ({c.status})", c.concession))
        cells.sort(key=lambda c: (c.date or dt.date.max, c.actor.id, c.record))
        return Rows("topic", cells)


def _venue_matches(venue: str, label: str, outlet: str, wanted_outlet: str | None) -> bool:
    if label.casefold() == venue.strip().casefold():
        return True
    return wanted_outlet is not None and outlet == wanted_outlet


def _overlaps(
    first: dt.date | None, last: dt.date | None, lo: dt.date | None, hi: dt.date | None
) -> bool:
    if first is None or last is None:
        return False
    return (lo is None or last >= lo) and (hi is None or first <= hi)


def choice(value: str | None, allowed: Iterable[str], what: str) -> str | None:
    """``value`` if it is one of ``allowed`` (or None); else UsageError listing them."""
    if value is None:
        return None
    options = sorted(allowed)
    if value not in options:
        raise UsageError(f"unknown {what} {value!r}; choose one of {', '.join(options)}")
    return value


def parse_day(value: dt.date | str) -> dt.date:
    """A date, or an ISO ``YYYY-MM-DD`` string as one; else UsageError."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise UsageError(f"{value!r} is not a date; write it as YYYY-MM-DD") from err
