"""``detente ask tensions``: records that pull against each other, with both sides' evidence.

Four rules, each stated in its ``why`` and applied to claimed records only:

* ``demand refused``: a concession demanded of a party, against a position of that
  party (or of someone who speaks for it) that opposes, rejects or disagrees on the
  same topic or one above or below it, or a response of that party rejecting it;
* ``opposed while offered``: a position opposing a topic, against a commitment or
  concession of another party that is made, offered or expected on that topic or
  one under it;
* ``claim denied``: a concession that some claim and others deny;
* ``stance turned``: one actor's positions on one topic whose stances differ over time.

Topics relate only along the broader/narrower tree (siblings do not). Every side
carries the statements that claim it, so a reader can check each pull.

>>> from graph.ask.graph import Graph
>>> pulls = Graph.from_data("data").tensions()
>>> pair = ("ukraine-cedes-donbas-territory", "ukraine-disagrees-with-us-on-territory")
>>> ("demand refused", *pair) in {(t.kind, t.sides[0].record, t.sides[1].record) for t in pulls}
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.ask.rows import ClaimRow, Json, Ref
from graph.ask.subjects import CLASSES, Subject, subjects

if TYPE_CHECKING:
    from graph.ask.context import Context

__all__ = ["KINDS", "REFUSING", "Side", "Tension", "tensions"]

REFUSING = frozenset({"opposes", "rejects", "disagrees"})
"""Stances and response kinds that refuse what they answer."""
KINDS = ("demand refused", "opposed while offered", "claim denied", "stance turned")
"""The rules, in report order."""
_GIVEN = frozenset({"made", "offered", "expected"})


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a tension: a record, who holds it, in words, and its claims."""

    record: str
    record_kind: str
    actor: Ref
    summary: str
    standing: str
    claims: tuple[ClaimRow, ...]

    def to_dict(self) -> Json:
        """The stable JSON object of one side."""
        return {
            "record": self.record,
            "record_kind": self.record_kind,
            "actor": self.actor.to_dict(),
            "summary": self.summary,
            "standing": self.standing,
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class Tension:
    """Two records that pull against each other, by one of :data:`KINDS`."""

    kind: str
    topic: str
    why: str
    sides: tuple[Side, Side]

    def to_dict(self) -> Json:
        """The stable JSON object of one tension."""
        return {"kind": self.kind, "topic": self.topic, "why": self.why,
                "sides": [s.to_dict() for s in self.sides]}  # fmt: skip

    def flat(self) -> Json:
        """One flat record for CSV and DataFrames."""
        a, b = self.sides
        return {
            "kind": self.kind, "topic": self.topic, "why": self.why,
            "record": a.record, "actor": a.actor.id, "standing": a.standing,
            "against": b.record, "against_actor": b.actor.id, "against_standing": b.standing,
            "statements": "; ".join(c.statement for c in (*a.claims, *b.claims)),
        }  # fmt: skip


def tensions(ctx: Context) -> list[Tension]:
    """Every tension the rules find, by kind, then topic, then records."""
    every = subjects(ctx)
    claims = {rid: tuple(cs) for cls in CLASSES if cls != "Meeting"
              for rid, cs in ctx.claims_about(cls).items()}  # fmt: skip
    answers = {r.concession: r for r in ctx.concessions()}
    reg = ctx.registry

    def side(s: Subject, actor: str) -> Side:
        row = answers.get(s.record)
        words = row.answer if row is not None else s.value
        return Side(s.record, s.kind, ctx.ref(actor), s.label, words, claims.get(s.record, ()))

    days: dict[str, dt.date] = {}

    def first_day(rid: str) -> dt.date:
        day = days.get(rid)
        if day is None:
            said = (c.date for c in claims.get(rid, ()) if not c.denies)
            day = days[rid] = min(said, default=dt.date.max)
        return day

    sides: dict[tuple[str, str, dt.date], bool] = {}

    def speaks(actor: str, party: str, day: dt.date) -> bool:
        key = (actor, party, day)
        found = sides.get(key)
        if found is None:
            found = sides[key] = _speaks(ctx, actor, party, day)
        return found

    def shared(a: Subject, b: Subject) -> str | None:
        for x in sorted(a.topics):
            for y in sorted(b.topics):
                if reg.related_topics(x, y):
                    return x if x in reg.narrower(y) else y
        return None

    def label(topic: str) -> str:
        found = reg.topics.get(topic)
        return found.label if found is not None else topic

    live = {rid: s for rid, s in every.items() if claims.get(rid)}
    out: list[Tension] = []
    refusals = [
        p for p in live.values() if p.value in REFUSING and p.kind in ("position", "response")
    ]
    for c in (s for s in live.values() if s.kind == "concession" and s.value == "demanded"):
        (asked,) = sorted(c.actors) or [""]
        for p in refusals:
            holder = next(iter(sorted(p.actors)), "")
            if not speaks(holder, asked, first_day(p.record)):
                continue
            if p.kind == "position" and (topic := shared(c, p)) is not None:
                why = (f"demanded of {ctx.ref(asked).name}: {c.label} "
                       f"{ctx.ref(holder).name}: {p.value} ({label(topic)})")  # fmt: skip
                out.append(Tension(KINDS[0], topic, why, (side(c, asked), side(p, holder))))
            elif p.kind == "response" and p.target == c.record:
                why = (
                    f"demanded of {ctx.ref(asked).name}: {c.label} {ctx.ref(holder).name}: rejects"
                )
                out.append(Tension(KINDS[0], sorted(c.topics)[0], why,
                                   (side(c, asked), side(p, holder))))  # fmt: skip
    given: dict[str, list[Subject]] = {}
    for x in live.values():
        if x.kind in ("commitment", "concession") and x.value in _GIVEN:
            for t in x.topics:
                given.setdefault(t, []).append(x)
    for p in (s for s in live.values() if s.kind == "position" and s.value == "opposes"):
        holder = next(iter(sorted(p.actors)), "")
        under = frozenset().union(*(reg.narrower(u) for u in p.topics)) if p.topics else frozenset()
        near = {x.record: x for t in sorted(under) for x in given.get(t, ())}
        for x in (near[k] for k in sorted(near)):
            giver = next(iter(sorted(x.actors)), "")
            if giver == holder or speaks(giver, holder, first_day(x.record)):
                continue
            topic = shared(p, x)
            if topic is not None:
                why = (f"{ctx.ref(holder).name}: opposes ({label(sorted(p.topics)[0])}). "
                       f"{ctx.ref(giver).name}: {x.kind}, {x.value} ({label(topic)})")  # fmt: skip
                out.append(Tension(KINDS[1], topic, why, (side(p, holder), side(x, giver))))
    for rid, row in answers.items():
        if row.corroboration in ("denied", "disputed") and rid in live:
            s = live[rid]
            said = tuple(c for c in row.claims if not c.denies)
            denied = tuple(c for c in row.claims if c.denies)
            a = Side(rid, "concession", row.conceder, s.label, row.answer, said)
            b = Side(rid, "concession", denied[0].speaker, s.label, row.corroboration, denied)
            why = f"{row.answer}; denied by {', '.join(sorted({c.speaker.name for c in denied}))}"
            out.append(Tension(KINDS[2], row.topic, why, (a, b)))
    by_holder: dict[tuple[frozenset[str], frozenset[str]], list[Subject]] = {}
    for s in live.values():
        if s.kind == "position":
            by_holder.setdefault((frozenset(s.actors), frozenset(s.topics)), []).append(s)
    for group in by_holder.values():
        if len({s.value for s in group}) < 2:
            continue
        group.sort(key=lambda s: (first_day(s.record), s.record))
        for i, early in enumerate(group):
            for late in group[i + 1 :]:
                if early.value != late.value and first_day(early.record) < first_day(late.record):
                    holder = next(iter(sorted(early.actors)), "")
                    topic = sorted(early.topics)[0]
                    name = ctx.ref(holder).name
                    why = f"{name} on {label(topic)}: {early.value}, later {late.value}"
                    out.append(Tension(KINDS[3], topic, why, (side(early, holder),
                                                              side(late, holder))))  # fmt: skip
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(out, key=lambda t: (order[t.kind], t.topic, t.sides[0].record,
                                      t.sides[1].record))  # fmt: skip


def _speaks(ctx: Context, actor: str, party: str, day: dt.date) -> bool:
    """True when ``actor`` is ``party`` or speaks for it on ``day`` (open dates: any day)."""
    if actor == party:
        return True
    when = day if day != dt.date.max else dt.date.today()
    return bool(party) and ctx.corpus.speaks_for(actor, party, when)
