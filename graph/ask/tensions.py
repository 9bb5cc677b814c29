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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.ask.evidence import claims_of, first_days
from graph.ask.rows import ClaimRow, ConcessionRow, Json, Ref
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
    """Every tension the rules find, by kind, then topic, then records.

    Each rule looks up its candidates by key (the party a refusal speaks for,
    the topics under an opposition, the holder and topics of a position)
    instead of pairing every record with every other; claims are built only
    for the records on a side (:mod:`graph.ask.evidence`).
    """
    every = subjects(ctx)
    answers = {r.concession: r for r in ctx.concessions()}
    reg = ctx.registry
    days: dict[str, dt.date] = {}  # every claimed record -> the first day a claim asserts it
    of: dict[str, str] = {}  # claimed record -> its class
    for rid, row in answers.items():
        if row.claims:
            days[rid] = min((c.date for c in row.claims if not c.denies), default=dt.date.max)
            of[rid] = "Concession"
    for cls in CLASSES:
        if cls not in ("Concession", "Meeting"):
            found = first_days(ctx, cls)
            days |= found
            of |= dict.fromkeys(found, cls)
    live = {rid: s for rid, s in every.items() if rid in days}
    found_pairs: list[tuple[str, str, str, tuple[Subject, str], tuple[Subject, str]]] = []

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

    # demand refused: the refusals of a party (its holder's affiliations reach it) are found
    # by topic (a position on a topic at, above or below the demand's) or by target
    refusals = [
        p for p in live.values() if p.value in REFUSING and p.kind in ("position", "response")
    ]
    at: dict[tuple[str, str], list[int]] = {}  # (party, topic of a position) -> refusals
    above: dict[tuple[str, str], list[int]] = {}  # (party, topic under a position's) -> refusals
    answering: dict[tuple[str, str | None], list[int]] = {}  # (party, record) -> responses
    for i, p in enumerate(refusals):
        for party in reg.closure(next(iter(sorted(p.actors)), "")):
            if p.kind == "response":
                answering.setdefault((party, p.target), []).append(i)
            for t in p.topics if p.kind == "position" else ():
                at.setdefault((party, t), []).append(i)
                for u in reg.narrower(t):
                    above.setdefault((party, u), []).append(i)
    for c in (s for s in live.values() if s.kind == "concession" and s.value == "demanded"):
        (asked,) = sorted(c.actors) or [""]
        ids = {*answering.get((asked, c.record), ())}
        for t in c.topics:
            ids.update(above.get((asked, t), ()))
            for u in reg.narrower(t):
                ids.update(at.get((asked, u), ()))
        for p in (refusals[i] for i in sorted(ids)):
            holder = next(iter(sorted(p.actors)), "")
            if not speaks(holder, asked, days[p.record]):
                continue
            if p.kind == "position" and (topic := shared(c, p)) is not None:
                why = (f"demanded of {ctx.ref(asked).name}: {c.label} "
                       f"{ctx.ref(holder).name}: {p.value} ({label(topic)})")  # fmt: skip
                found_pairs.append((KINDS[0], topic, why, (c, asked), (p, holder)))
            elif p.kind == "response" and p.target == c.record:
                why = (
                    f"demanded of {ctx.ref(asked).name}: {c.label} {ctx.ref(holder).name}: rejects"
                )
                found_pairs.append((KINDS[0], sorted(c.topics)[0], why, (c, asked), (p, holder)))
    # opposed while offered: what is given on a topic under the opposed one
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
            if giver == holder or speaks(giver, holder, days[x.record]):
                continue
            topic = shared(p, x)
            if topic is not None:
                why = (f"{ctx.ref(holder).name}: opposes ({label(sorted(p.topics)[0])}). "
                       f"{ctx.ref(giver).name}: {x.kind}, {x.value} ({label(topic)})")  # fmt: skip
                found_pairs.append((KINDS[1], topic, why, (p, holder), (x, giver)))
    out: list[Tension] = []
    for rid, row in answers.items():
        if row.corroboration in ("denied", "disputed") and rid in live:
            s = live[rid]
            said = tuple(c for c in row.claims if not c.denies)
            denied = tuple(c for c in row.claims if c.denies)
            a = Side(rid, "concession", row.conceder, s.label, row.answer, said)
            b = Side(rid, "concession", denied[0].speaker, s.label, row.corroboration, denied)
            why = f"{row.answer}; denied by {', '.join(sorted({c.speaker.name for c in denied}))}"
            out.append(Tension(KINDS[2], row.topic, why, (a, b)))
    # stance turned: one holder's positions on the same topics, in order of first day
    by_holder: dict[tuple[frozenset[str], frozenset[str]], list[Subject]] = {}
    for s in live.values():
        if s.kind == "position":
            by_holder.setdefault((frozenset(s.actors), frozenset(s.topics)), []).append(s)
    for group in by_holder.values():
        if len({s.value for s in group}) < 2:
            continue
        group.sort(key=lambda s: (days[s.record], s.record))
        for i, early in enumerate(group):
            for late in group[i + 1 :]:
                if early.value != late.value and days[early.record] < days[late.record]:
                    holder = next(iter(sorted(early.actors)), "")
                    topic = sorted(early.topics)[0]
                    name = ctx.ref(holder).name
                    why = f"{name} on {label(topic)}: {early.value}, later {late.value}"
                    found_pairs.append((KINDS[3], topic, why, (early, holder), (late, holder)))
    claims = _claims(ctx, answers, of, {s.record for *_, a, b in found_pairs for s, _ in (a, b)})

    def side(s: Subject, actor: str) -> Side:
        row = answers.get(s.record)
        words = row.answer if row is not None else s.value
        return Side(s.record, s.kind, ctx.ref(actor), s.label, words, claims.get(s.record, ()))

    out += [Tension(kind, topic, why, (side(*a), side(*b)))
            for kind, topic, why, a, b in found_pairs]  # fmt: skip
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(out, key=lambda t: (order[t.kind], t.topic, t.sides[0].record,
                                      t.sides[1].record))  # fmt: skip


def _claims(
    ctx: Context, answers: Mapping[str, ConcessionRow], of: Mapping[str, str], wanted: set[str]
) -> dict[str, tuple[ClaimRow, ...]]:
    """The claims in view about each ``wanted`` record, read from its class (``of``)."""
    out: dict[str, tuple[ClaimRow, ...]] = {}
    for cls in sorted({of[rid] for rid in wanted}):
        if cls == "Concession":
            out |= {rid: answers[rid].claims for rid in wanted if of[rid] == cls}
            continue
        found = claims_of(ctx, cls, {rid for rid in wanted if of[rid] == cls})
        out |= {rid: tuple(cs) for rid, cs in found.items()}
    return out


def _speaks(ctx: Context, actor: str, party: str, day: dt.date) -> bool:
    """True when ``actor`` is ``party`` or speaks for it on ``day`` (open dates: any day)."""
    if actor == party:
        return True
    when = day if day != dt.date.max else dt.date.today()
    return bool(party) and ctx.corpus.speaks_for(actor, party, when)
