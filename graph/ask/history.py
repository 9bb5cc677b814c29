"""``detente ask history TOPIC_OR_ACTOR``: everything said on a topic or by an actor, in date order.

A topic's history holds every claim about the concessions, commitments,
positions and proposals on it or on a topic under it, and about the responses
to them; an actor's holds every claim about the records it concedes, commits,
holds, proposes or answers, the meetings it takes part in, and every statement
it made. Each row is one statement about one record: when, who, where (with the
chain of outlets that relayed it), the quote, and the record's standing in the
words of the answer model (:mod:`graph.ask.words`).

>>> from graph.ask.graph import Graph
>>> rows = Graph.from_data("data").history("article-5-like-guarantee")
>>> order = [r.record for r in rows]
>>> order.index("russia-accepts-us-article-5-like-guarantee") < order.index(
...     "us-offers-nato-style-guarantee")
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.ask.evidence import claims_of
from graph.ask.registry import concept_value, record_id
from graph.ask.rows import ClaimRow, Json, Ref
from graph.ask.subjects import CLASSES, Subject, subjects
from schemas.errors import NotFoundError

if TYPE_CHECKING:
    from graph.ask.context import Context

__all__ = ["HistoryRow", "history", "resolve_subject"]


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One statement about one record, at its date."""

    date: dt.date
    statement: str
    speaker: Ref
    venue: str
    via: tuple[Ref, ...]
    source: str
    source_kind: str
    mode: str
    quote: str
    record: str
    record_kind: str
    relation: str
    summary: str
    standing: str

    def to_dict(self) -> Json:
        """The stable JSON object of one row."""
        return {
            "date": self.date.isoformat(),
            "statement": self.statement,
            "speaker": self.speaker.to_dict(),
            "venue": self.venue,
            "via": [r.to_dict() for r in self.via],
            "source": self.source,
            "source_kind": self.source_kind,
            "mode": self.mode,
            "quote": self.quote,
            "record": self.record,
            "record_kind": self.record_kind,
            "relation": self.relation,
            "summary": self.summary,
            "standing": self.standing,
        }

    def flat(self) -> Json:
        """One flat record for CSV and DataFrames."""
        out = self.to_dict()
        out["speaker"] = self.speaker.id
        out["speaker_name"] = self.speaker.name
        out["via"] = "; ".join(r.id for r in self.via)
        return out


def resolve_subject(ctx: Context, name: str) -> tuple[str, str]:
    """``("topic", id)`` or ``("actor", id)`` for a topic or actor name; else NotFoundError."""
    try:
        return "topic", ctx.resolve_topic(name)
    except NotFoundError as topic_error:
        try:
            return "actor", ctx.resolve_actor(name)
        except NotFoundError as actor_error:
            hints = [*topic_error.candidates, *actor_error.candidates][:4]
            raise NotFoundError("topic or actor", name, hints) from None


def history(ctx: Context, name: str) -> list[HistoryRow]:
    """Every claim on topic ``name`` (and the topics under it) or by or about actor ``name``.

    Concessions bring their claims with their answers (one read); of the other
    classes only the claims of chosen records, or (for an actor) that it made,
    are built (:func:`graph.ask.evidence.claims_of`).
    """
    what, key = resolve_subject(ctx, name)
    every = subjects(ctx)
    judged = list(ctx.concessions())
    held = {mid: concept_value(status, "meeting-status")
            for mid, *_, status in ctx.select("meetings")}  # fmt: skip
    standing = {r.concession: r.answer for r in judged} | held
    if what == "topic":
        under = ctx.registry.narrower(key)
        chosen = {rid for rid, s in every.items() if s.topics & under}
        for proposal, _, _, _, _, target in ctx.select("provisions"):
            if target and record_id(target) in under | chosen:
                chosen.add(proposal)  # a provision points to the topic or to a record on it
        chosen |= _answers(ctx, every, chosen)
    else:
        chosen = {rid for rid, s in every.items() if key in s.actors}
        met = {mid for mid, actor, *_ in ctx.select("participants") if actor == key}
        chosen |= met & held.keys()

    rows: dict[tuple[str, str], HistoryRow] = {}
    for cls, kind in CLASSES.items():
        if cls == "Concession":
            about: Mapping[str, Sequence[ClaimRow]] = {r.concession: r.claims for r in judged}
        elif what == "topic" and cls == "Meeting":
            continue  # no meeting is on a topic
        else:
            about = claims_of(ctx, cls, chosen, key if what == "actor" else None)
        for rid, claims in about.items():
            s = every.get(rid)
            mine = rid in chosen
            for c in claims:
                if mine or (what == "actor" and c.speaker.id == key):
                    label = s.label if s else rid
                    word = standing.get(rid) or (s.value if s else "")
                    rows[c.statement, rid] = _row(c, rid, kind, label, word)
    published = ctx.registry.published
    return sorted(rows.values(), key=lambda r: (r.date, published.get(r.source, r.date),
                                                 r.statement, r.record))  # fmt: skip


def _answers(ctx: Context, every: Mapping[str, Subject], chosen: set[str]) -> set[str]:
    """The responses to chosen records, or to a provision of a chosen proposal."""
    owner = {prov: prop for prop, prov, *_ in ctx.select("provisions")}
    out: set[str] = set()
    for rid, s in every.items():
        target = s.target
        if target and (target in chosen or owner.get(target) in chosen):
            out.add(rid)
    return out


def _row(c: ClaimRow, rid: str, kind: str, label: str, word: str) -> HistoryRow:
    return HistoryRow(
        c.date, c.statement, c.speaker, c.venue, c.via, c.source, c.source_kind, c.mode,
        c.quote, rid, kind, "denies" if c.denies else "supports", label, word,
    )  # fmt: skip
