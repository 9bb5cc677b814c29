"""Who conceded what, filtered, with roll-ups: narrower topics, members, and affiliations.

By default a topic filter includes every topic under it (``--topic
ukraine-security-guarantees`` finds the Article 5-like guarantee), and an actor
filter includes the actor's members (``--by "coalition of the willing"`` finds what
its member states concede). The actors a person leads or speaks for come in only
when asked (``via_affiliation``: ``--by Putin`` then finds Russia's concessions on the
dates he spoke for it); ``exact`` keeps each filter to the very record named.

>>> from graph.ask.graph import Graph
>>> g = Graph.from_data("data")
>>> len(g.concessions(topic="ukraine-security-guarantees")) > 0
True
>>> len(g.concessions(topic="ukraine-security-guarantees", exact=True))
0
>>> [r.concession for r in g.concessions(by="Putin", via_affiliation=True)][:1]
['russia-accepts-us-article-5-like-guarantee']
>>> by_hint(g, "Putin")  # doctest: +ELLIPSIS
'no concessions by Vladimir Putin directly; Russia, ... has 2 (add --via-affiliation)'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from graph.ask.claims import standing
from graph.ask.engine import LocalEngine
from graph.ask.registry import Concepts
from graph.ask.results import Rows
from graph.ask.rows import ConcessionRow
from graph.ask.subjects import Subject, subjects
from graph.options import ClaimStatus, choice
from schemas.vocab import Modality

if TYPE_CHECKING:
    from graph.ask.context import Context
    from graph.ask.graph import Graph

__all__ = ["by_hint", "conceders", "concessions", "judge"]


def conceders(
    ctx: Context, name: str, *, exact: bool = False, via_affiliation: bool = False
) -> tuple[str, frozenset[str], frozenset[str]]:
    """The actor named, its members (unless ``exact``), and those it speaks for (if asked)."""
    aid = ctx.resolve_actor(name)
    if exact:
        return aid, frozenset({aid}), frozenset()
    reg = ctx.registry
    members = frozenset(a for a in ctx.corpus.actors if aid in reg.closure(a)) | {aid}
    led = reg.closure(aid) - {aid} if via_affiliation else frozenset()
    return aid, members, frozenset(led)


def concessions(
    ctx: Context,
    *,
    by: str | None = None,
    to: str | None = None,
    beneficiary: str | None = None,
    claimant: str | None = None,
    topic: str | None = None,
    status: str | None = None,
    modality: str | None = None,
    exact: bool = False,
    via_affiliation: bool = False,
) -> Rows[ConcessionRow]:
    """Concessions by conceder, counterpart, beneficiary, claimant, topic, status, modality.

    Each row carries its status, corroboration and answer (:mod:`graph.ask.words`),
    the number of distinct speakers (``claimants``), independent chains and sources
    that assert it (relaying outlets in a claim's ``via`` are not claimants), and
    every claim.
    """
    who = conceders(ctx, by, exact=exact, via_affiliation=via_affiliation) if by else None
    topics = None
    if topic is not None:
        tid = ctx.resolve_topic(topic)
        topics = frozenset({tid}) if exact else ctx.registry.narrower(tid)
    want_to = ctx.resolve_actor(to) if to is not None else None
    want_ben = ctx.resolve_actor(beneficiary) if beneficiary is not None else None
    want_claimant = ctx.resolve_actor(claimant) if claimant is not None else None
    want_status = choice(status, ClaimStatus, "status")
    want_modality = choice(modality, Modality, "modality")
    about = subjects(ctx) if topics is not None else {}
    out: list[ConcessionRow] = []
    for row in ctx.view_concessions():
        cid = row.concession
        if who is not None and not _by(ctx, row, who):
            continue
        if topics is not None and not ({row.topic} | _topics(about, cid)) & topics:
            continue
        if want_to is not None and all(r.id != want_to for r in row.conceded_to):
            continue
        if want_ben is not None and all(r.id != want_ben for r in row.beneficiaries):
            continue
        if want_claimant is not None and all(c.speaker.id != want_claimant for c in row.claims):
            continue
        if want_status is not None and row.status != want_status:
            continue
        if want_modality is not None and row.modality != want_modality:
            continue
        out.append(row)
    return Rows("concessions", out)


def _topics(about: Mapping[str, Subject], cid: str) -> set[str]:
    found = about.get(cid)
    return found.topics if found is not None else set()


def _by(ctx: Context, row: ConcessionRow, who: tuple[str, frozenset[str], frozenset[str]]) -> bool:
    aid, members, led = who
    conceder = row.conceder.id
    if conceder in members:
        return True
    if conceder not in led:
        return False
    days = [c.date for c in row.claims if not c.denies]
    return any(ctx.corpus.speaks_for(aid, conceder, day) for day in days)


def by_hint(ctx: Context, by: str) -> str | None:
    """When ``by`` concedes nothing itself, what the actors it speaks for concede, as a hint."""
    aid = ctx.resolve_actor(by)
    if concessions(ctx, by=aid):
        return None
    rows = concessions(ctx, by=aid, via_affiliation=True)
    if not rows:
        return None
    name = ctx.ref(aid).name
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.conceder.id] = counts.get(r.conceder.id, 0) + 1
    model = ctx.corpus.actors.get(aid)
    roles = {a.of: a.role for a in model.affiliations} if model is not None else {}
    parts = [
        f"{ctx.ref(c).name}"
        + (f", for which {name} speaks as {roles[c]}," if c in roles else ",")
        + f" has {n}"
        for c, n in sorted(counts.items())
    ]
    return f"no concessions by {name} directly; {'; '.join(parts)} (add --via-affiliation)"


def judge(graph: Graph) -> dict[str, ConcessionRow]:
    """Every concession of the whole graph with its claims, status, answer and counts."""
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cid, link, value in graph.select("concession_links"):
        links[cid, link].append(value)
    rows = graph.select("concessions")
    read = partial(graph.read_claims, "Concession", {row[0]: row[2] for row in rows})
    local = graph.engine if isinstance(graph.engine, LocalEngine) else None
    # the claims, each judged for the conceder's side, follow from the store alone: a local
    # engine keeps them (never changed: every row copies them); status and answer are redone
    claims = read() if local is None else local.derived("concession claims", read)
    every: dict[str, ConcessionRow] = {}
    ref, concepts = graph.registry.ref, Concepts()
    titles = graph.proposal_titles()
    for cid, summary, conceder, topic_id, modality, kind in rows:
        said_as, of = concepts(modality, "modality"), ref(conceder)
        demanded = tuple(map(ref, links[cid, "demanded_by"]))
        proposal = next(iter(links[cid, "proposed_in"]), None)
        about = tuple(claims.get(cid, ()))
        title = titles.get(proposal, proposal) if proposal else None
        every[cid] = ConcessionRow(
            concession=cid,
            summary=summary,
            topic=topic_id,
            conceder=of,
            conceded_to=tuple(map(ref, links[cid, "to"])),
            beneficiaries=tuple(map(ref, links[cid, "beneficiary"])),
            conditions=tuple(links[cid, "condition"]),
            modality=said_as,
            claims=about,
            kind=concepts(kind, "concession-kind"),
            demanded_by=demanded,
            proposed_in=proposal,
            **standing(said_as, of.name, about, demanded, title),
        )
    return every
