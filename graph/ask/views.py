"""The views beside who-conceded-what: meetings, positions, statements, an actor's profile
and a topic's negotiating table.

Each view is a plain function over a :class:`~graph.ask.context.Context` (the
engine's rows, the registry, the day, the claims); :class:`~graph.ask.graph.Graph`
is one, and its methods of the same names call these.

>>> from graph.ask.graph import Graph
>>> g = Graph.from_data("data")
>>> [m.meeting for m in g.meetings(participant="Zelenskiy", status="planned")]
['washington-meeting-2025-08-18']
>>> [(c.actor.id, c.stance) for c in g.topic("ukraine-nato-membership")]
[('vladimir-putin', 'opposes'), ('ukraine', 'is asked to concede (demanded)')]
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from difflib import get_close_matches
from typing import TYPE_CHECKING

from graph.ask.engine import Iri, Value
from graph.ask.registry import concept_value, record_id, to_date
from graph.ask.results import Rows
from graph.ask.rows import (
    ActorProfile,
    Affiliation,
    MeetingRow,
    Participant,
    PositionRow,
    Ref,
    StatementRow,
    TopicCell,
)
from graph.ask.words import table_word
from graph.options import choice, parse_day
from graph.rdf.terms import DET
from schemas.errors import NotFoundError

if TYPE_CHECKING:
    from graph.ask.context import Context

__all__ = ["actor", "meetings", "positions", "statements", "topic"]

_DENIES = DET.denies
_SUPPORTS = DET.supports


# --- meetings -----------------------------------------------------------------------
def meetings(
    ctx: Context,
    *,
    participant: str | None = None,
    status: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> Rows[MeetingRow]:
    """Meetings by participant, status and date range (overlapping ``since``..``until``)."""
    from schemas.vocab import MeetingStatus

    who = ctx.resolve_actor(participant) if participant is not None else None
    want_status = choice(status, MeetingStatus, "meeting status")
    lo = parse_day(since) if since is not None else None
    hi = parse_day(until) if until is not None else None
    people: dict[str, list[Participant]] = defaultdict(list)
    for mid, actor, role, _ in ctx.select("participants"):
        role_value = concept_value(role, "participant-role")
        people[mid].append(Participant(actor, ctx.corpus.speaker_name(actor), role_value))
    claims = ctx.claims_about("Meeting")
    out: list[MeetingRow] = []
    for mid, title, start, end, location, status_iri in ctx.select("meetings"):
        state = concept_value(status_iri, "meeting-status")
        first, last = to_date(start), to_date(end)
        if ctx.restricted and not claims.get(mid):
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
    ctx: Context, *, actor: str | None = None, topic: str | None = None, stance: str | None = None
) -> Rows[PositionRow]:
    """Positions by actor, topic and stance; ``date`` is valid_from or the first claim's."""
    from schemas.vocab import Stance

    values: dict[str, Value] = {}
    if actor is not None:
        values["actor"] = ctx.resolve_actor(actor)
    if topic is not None:
        values["topic"] = ctx.resolve_topic(topic)
    want = choice(stance, Stance, "stance")
    claims = ctx.claims_about("Position")
    out: list[PositionRow] = []
    for pid, holder, topic_id, stance_iri, summary, start, _ in ctx.select("positions", **values):
        said = tuple(claims.get(pid, ()))
        if ctx.restricted and not said:
            continue
        value = concept_value(stance_iri, "stance")
        if want is not None and value != want:
            continue
        first = to_date(start) or next((c.date for c in said if not c.denies), None)
        out.append(PositionRow(pid, ctx.ref(holder), value, topic_id, first, summary, said))
    return Rows("positions", out)


# --- statements ---------------------------------------------------------------------
def statements(
    ctx: Context, *, speaker: str | None = None, venue: str | None = None, source: str | None = None
) -> Rows[StatementRow]:
    """Statements by speaker (an actor, or a source for narration), venue and source.

    ``venue`` matches the venue label (case-insensitive) or the outlet actor.
    """
    iris = ctx.registry.iris
    values: dict[str, Value] = {}
    if speaker is not None:
        values["speaker"] = Iri(iris[_resolve_speaker(ctx, speaker)])
    if source is not None:
        if source not in ctx.registry.published:
            close = get_close_matches(source, list(ctx.registry.published), n=3)
            raise NotFoundError("source", source, close)
        values["source"] = Iri(iris[source])
    outlet = _try_actor(ctx, venue) if venue is not None else None
    links: dict[tuple[str, str], list[str]] = ctx.memo.get("links", {})
    if not links:
        links = ctx.memo["links"] = defaultdict(list)
        for st, rel, record in ctx.select("statement_links"):
            links[record_id(st), rel].append(record_id(record))
    names = ctx.corpus.speaker_name
    out: list[StatementRow] = []
    rows = ctx.memo.get("statements") if not values else None
    if rows is None:
        rows = ctx.select("statements", **values)
        if not values:
            ctx.memo["statements"] = rows
    for st_iri, who_iri, mode, label, via, date, prec, quote, src_iri in rows:
        day, src, st = dt.date.fromisoformat(date), record_id(src_iri), record_id(st_iri)
        if not ctx.in_view(day, src):
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


def _try_actor(ctx: Context, name: str) -> str | None:
    try:
        return ctx.resolve_actor(name)
    except NotFoundError:
        return None


def _resolve_speaker(ctx: Context, name: str) -> str:
    if name in ctx.registry.published:
        return name
    return ctx.resolve_actor(name)


# --- actor and topic views ----------------------------------------------------------
def actor(ctx: Context, name: str) -> ActorProfile:
    """Everything about one actor: conceded, received, positions, meetings, statements."""
    aid = ctx.resolve_actor(name)
    model = ctx.corpus.actors[aid]
    affiliations = tuple(
        Affiliation(ctx.ref(a.of), a.role, a.start, a.end) for a in model.affiliations
    )
    received = [r for r in ctx.concessions() if any(x.id == aid for x in r.conceded_to)]
    return ActorProfile(
        actor=ctx.ref(aid),
        kind=model.kind.value,
        aliases=tuple(model.aliases),
        wikidata=model.wikidata,
        affiliations=affiliations,
        conceded=tuple(ctx.concessions(by=aid)),
        received=tuple(received),
        positions=tuple(positions(ctx, actor=aid)),
        meetings=tuple(meetings(ctx, participant=aid)),
        statements=tuple(statements(ctx, speaker=aid)),
    )


def topic(ctx: Context, name: str) -> Rows[TopicCell]:
    """The negotiating table for one topic: each actor's stance over time.

    Positions give their stance; concessions their modality first
    (:func:`graph.ask.words.table_word`: ``concedes (claimed)``, ``floats (hypothetical)``).
    :meth:`Rows.to_frame` then pivots easily (actor x date).
    """
    tid = ctx.resolve_topic(name)
    held = positions(ctx, topic=tid)
    cells = [TopicCell(p.actor, p.date, p.stance, p.position) for p in held]
    for c in ctx.concessions(topic=tid):
        first = next((x.date for x in c.claims if not x.denies), None)
        cells.append(TopicCell(c.conceder, first, table_word(c.modality, c.corroboration),
                                c.concession))  # fmt: skip
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
