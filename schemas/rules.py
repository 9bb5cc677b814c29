"""Cross-record rules of a negotiation over time: proposals, lifecycles, relays, revisions.

Each function yields :data:`~schemas.lookup.Found` problems for one record;
:func:`schemas.references.check_references` words them as
``file:line: field: message (hint: ...)``.

>>> from schemas.models import Concession
>>> c = Concession(id="cede", conceder="ukraine", conceded_to=["russia"], topic="donbas",
...                kind="territorial_pledge", summary="Cede land.", modality="demanded")
>>> [found[:3] for found in concession_rules(Corpus(), c)]  # doctest: +NORMALIZE_WHITESPACE
[(('demanded_by',), 'a demanded concession names who demands it',
  'add demanded_by: [ids of the actors said to demand it], or choose another modality')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schemas.corpus import Corpus
from schemas.errors import Problem
from schemas.lookup import Found, claimed, ref
from schemas.models import Actor, Concession, Source, Statement, Topic
from schemas.negotiation import TARGET_FIELDS, Commitment, Proposal, Response
from schemas.vocab import ActorKind, Modality, SourceKind
from schemas.yamlio import line_at

__all__ = [
    "actor_rules",
    "check_unique_provisions",
    "commitment_rules",
    "concession_rules",
    "placement_rules",
    "proposal_rules",
    "response_rules",
    "source_rules",
    "statement_relays",
    "topic_rules",
]

_GROUPS = (ActorKind.INFORMAL_GROUP, ActorKind.ALLIANCE, ActorKind.ORGANIZATION)
_TARGET_SECTIONS = {"concession": "concessions", "commitment": "commitments", "topic": "topics"}


def actor_rules(corpus: Corpus, actor: Actor) -> Iterator[Found]:
    """``member_count`` only on groups."""
    if actor.member_count is not None and actor.kind not in _GROUPS:
        yield (
            ("member_count",),
            f"member_count is for groups, not a {actor.kind.value}",
            "count the unnamed members of an informal_group, alliance or organization",
        )


def topic_rules(corpus: Corpus, topic: Topic) -> Iterator[Found]:
    """``also_broader`` resolves, follows a ``broader`` and names each topic once."""
    if topic.also_broader and topic.broader is None:
        yield (
            ("also_broader",),
            "also_broader given without broader",
            "name the first broader topic in broader:, the others in also_broader:",
        )
    seen = {topic.broader}
    for i, other in enumerate(topic.also_broader):
        if other in seen:
            yield (("also_broader", i), f"{other!r} is named twice", "name each broader topic once")
        seen.add(other)
        yield from ref(corpus, ["topics"], other, ("also_broader", i))


def concession_rules(corpus: Corpus, c: Concession) -> Iterator[Found]:
    """Further topics, who demands it, the proposal it is a provision of, its placement."""
    yield from _topics(corpus, c.topic, c.also_topics)
    yield from placement_rules(c)
    for i, actor in enumerate(c.demanded_by):
        yield from ref(corpus, ["actors"], actor, ("demanded_by", i))
        if actor == c.conceder:
            yield (
                ("demanded_by", i),
                f"{actor!r} is the conceder; a demand is made by another party",
                "name the party that asks it of the conceder",
            )
    if c.modality is Modality.DEMANDED and not c.demanded_by:
        yield (
            ("demanded_by",),
            "a demanded concession names who demands it",
            "add demanded_by: [ids of the actors said to demand it], or choose another modality",
            ("modality",),
        )
    if c.modality is Modality.PROPOSED and c.proposed_in is None:
        yield (
            ("proposed_in",),
            "a proposed concession names the proposal it is a provision of",
            "add proposed_in: <proposal id>, or choose another modality",
            ("modality",),
        )
    yield from ref(corpus, ["proposals"], c.proposed_in, ("proposed_in",))
    proposal = corpus.proposals.get(c.proposed_in or "")
    if proposal is not None and all(p.concession != c.id for p in proposal.provisions):
        yield (
            ("proposed_in",),
            f"no provision of {proposal.id!r} points to this concession",
            f"add a provision with concession: {c.id} to {proposal.id}, or correct proposed_in",
        )


def commitment_rules(corpus: Corpus, c: Commitment) -> Iterator[Found]:
    """References, claims, a modality that fits a pledge, and its placement."""
    yield from ref(corpus, ["actors"], c.committer, ("committer",))
    for field in ("committed_to", "beneficiaries"):
        for i, actor in enumerate(getattr(c, field)):
            yield from ref(corpus, ["actors"], actor, (field, i))
    yield from ref(corpus, ["topics"], c.topic, ("topic",))
    yield from _topics(corpus, c.topic, c.also_topics)
    yield from ref(corpus, ["meetings"], c.made_at, ("made_at",))
    yield from placement_rules(c)
    if c.modality in (Modality.DEMANDED, Modality.PROPOSED):
        yield (
            ("modality",),
            f"a commitment is not {c.modality.value}",
            "use made, offered, hypothetical or expected; a demand or a provision "
            "that asks for a commitment is a concession or a provision pointing to it",
        )
    yield from claimed(corpus, c.id, "commitment")


def placement_rules(c: Concession | Commitment) -> Iterator[Found]:
    """``placement`` is given exactly when ``made_at`` or ``made_on`` is.

    >>> from schemas.negotiation import Commitment
    >>> c = Commitment(id="pledge", committer="a", committed_to=["b"], topic="t",
    ...                kind="support", summary="A pledge.", modality="made", made_on="2025-09-04")
    >>> [found[:2] for found in placement_rules(c)]
    [(('placement',), 'made_on given without placement')]
    """
    given = [name for name in ("made_at", "made_on") if getattr(c, name) is not None]
    if given and c.placement is None:
        yield (
            ("placement",),
            f"{' and '.join(given)} given without placement",
            "add placement: stated if a statement of the source places it there, "
            "placement: inferred if you did (from a heading, a lead, the framing)",
            (given[0],),
        )
    elif c.placement is not None and not given:
        yield (
            ("placement",),
            "placement given without made_at or made_on",
            "placement says who places it at a meeting or on a date; add made_at or "
            "made_on, or remove placement",
        )


def proposal_rules(corpus: Corpus, p: Proposal) -> Iterator[Found]:
    """References, versions, deadline, and provisions that each point to one record."""
    yield from ref(corpus, ["topics"], p.topic, ("topic",))
    for field in ("proposers", "drafters", "response_from"):
        for i, actor in enumerate(getattr(p, field)):
            yield from ref(corpus, ["actors"], actor, (field, i))
    yield from ref(corpus, ["proposals"], p.supersedes, ("supersedes",))
    if p.response_deadline and p.date and p.response_deadline < p.date:
        yield (
            ("response_deadline",),
            f"{p.response_deadline} is before the proposal's date {p.date}",
            "resolve 'by Thursday' against the date it was said",
        )
    if p.provision_count is not None and len(p.provisions) > p.provision_count:
        yield (
            ("provision_count",),
            f"{len(p.provisions)} provisions curated, more than provision_count",
            "provision_count is the number the source gives; correct one of them",
        )
    numbers: set[int] = set()
    for i, item in enumerate(p.provisions):
        if item.number is not None and item.number in numbers:
            yield (
                ("provisions", i, "number"),
                f"number {item.number} is used twice",
                "number provisions only as the source does",
            )
        numbers.add(item.number if item.number is not None else -1)
        given = [name for name in TARGET_FIELDS if getattr(item, name) is not None]
        if not given:
            yield (
                ("provisions", i, "concession"),
                "the provision points nowhere",
                "give one of concession:, commitment: or topic: (the record it proposes)",
                ("provisions", i),
            )
        for name in given[1:]:
            yield (
                ("provisions", i, name),
                f"the provision already points to a {given[0]}",
                "give only one of concession:, commitment: or topic:",
            )
        for name in given:
            section = _TARGET_SECTIONS[name]
            yield from ref(corpus, [section], getattr(item, name), ("provisions", i, name))
        for field in ("asks_of", "gives_to"):
            for j, actor in enumerate(getattr(item, field)):
                yield from ref(corpus, ["actors"], actor, ("provisions", i, field, j))
        yield from claimed(corpus, item.id, "provision", ("provisions", i, "id"))
    yield from claimed(corpus, p.id, "proposal")


def response_rules(corpus: Corpus, r: Response) -> Iterator[Found]:
    """A responder, something answered, and a claim."""
    yield from ref(corpus, ["actors"], r.responder, ("responder",))
    answerable = ["concessions", "commitments", "proposals", "provisions"]
    yield from ref(corpus, answerable, r.responds_to, ("responds_to",))
    yield from claimed(corpus, r.id, "response")


def source_rules(corpus: Corpus, src: Source) -> Iterator[Found]:
    """A restatement names its original; only a restatement does."""
    if src.kind is SourceKind.RESTATEMENT and src.restates is None:
        yield (
            ("restates",),
            "a restatement names the report it restates",
            "add restates: {publisher, title, published} as its banner line gives them",
            ("kind",),
        )
    if src.restates is not None and src.kind is not SourceKind.RESTATEMENT:
        yield (
            ("restates",),
            f"restates is for kind restatement, not {src.kind.value}",
            "set kind: restatement, or remove restates",
        )


def statement_relays(corpus: Corpus, st: Statement) -> Iterator[Found]:
    """``via`` names media outlets other than the speaker; ``revises`` stays in the source."""
    for i, outlet_id in enumerate(st.via):
        outlet = corpus.actors.get(outlet_id)
        if outlet is None:
            yield from ref(corpus, ["actors"], outlet_id, ("via", i))
        elif outlet.kind is not ActorKind.MEDIA_OUTLET:
            yield (
                ("via", i),
                f"{outlet_id!r} is a {outlet.kind.value}, not a media outlet",
                "via lists the outlets that relayed the statement; the speaker is speaker:",
            )
        if outlet_id == st.speaker or outlet_id in st.via[:i]:
            yield (
                ("via", i),
                f"{outlet_id!r} is the speaker or named twice",
                "list each relaying outlet once, nearest the speaker first",
            )
    if st.revises is None:
        return
    yield from ref(corpus, ["statements"], st.revises, ("revises",))
    earlier = corpus.statements.get(st.revises)
    if earlier is not None and earlier.source != st.source:
        yield (
            ("revises",),
            f"{earlier.id!r} is a statement of another source",
            "a revision qualifies an earlier statement of the same source; across sources, "
            "let each statement support or deny the records it is about",
        )
    elif earlier is not None and earlier.date > st.date:
        yield (
            ("revises",),
            f"{earlier.id!r} is dated after this statement ({earlier.date})",
            "a statement revises an earlier one; check both dates",
        )


def check_unique_provisions(corpus: Corpus, raw: dict[str, Any]) -> list[Problem]:
    """Provision ids are unique across provisions and every other record."""
    seen: dict[str, str] = {}
    problems: list[Problem] = []
    for proposal in corpus.proposals.values():
        for i, item in enumerate(proposal.provisions):
            other = seen.get(item.id)
            if other is None and item.id in corpus.locations:
                other = f"{corpus.locations[item.id].file}:{corpus.locations[item.id].line}"
            seen.setdefault(item.id, f"proposal {proposal.id!r}")
            if other is None:
                continue
            loc = corpus.locations.get(proposal.id)
            node = raw.get(proposal.id)
            line = line_at(node, ("provisions", i, "id")) if node else (loc.line if loc else 0)
            problems.append(
                Problem(
                    loc.file if loc else "<memory>",
                    line,
                    f"provisions[{i}].id",
                    f"duplicate id {item.id!r}, first defined at {other}",
                    "ids are unique across all files, sections and provisions; rename one",
                )
            )
    return problems


def _topics(corpus: Corpus, main: str, also: list[str]) -> Iterator[Found]:
    seen = {main}
    for i, topic in enumerate(also):
        if topic in seen:
            yield (("also_topics", i), f"{topic!r} is named twice", "name each topic once")
        seen.add(topic)
        yield from ref(corpus, ["topics"], topic, ("also_topics", i))
