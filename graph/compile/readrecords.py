"""RDF -> records for proposals, provisions, commitments and responses.

The mirror image of :mod:`graph.compile.records`: :mod:`graph.compile.readback`
calls these functions with its reader as ``r`` (a small public context,
:class:`Reader`), and :func:`original` for a restatement's original.

>>> from schemas import load
>>> from graph.compile import compile, from_dataset
>>> corpus = load("data")
>>> back = from_dataset(compile(corpus))
>>> back.proposals == corpus.proposals and back.responses == corpus.responses
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from schemas.models import Original
from schemas.negotiation import Commitment, Proposal, Provision, Response

__all__ = ["Reader", "commitment", "original", "proposal", "provision", "response"]


class Reader(Protocol):
    """What these functions need of the reader."""

    def rid(self, s: str) -> str: ...
    def id(self, term: Any) -> str | None: ...
    def opt(self, s: str, p: str) -> Any: ...
    def one(self, s: str, p: str) -> Any: ...
    def text(self, s: str, p: str) -> str | None: ...
    def date(self, s: str, p: str) -> dt.date | None: ...
    def concept(self, s: str, p: str) -> Any: ...
    def ordered(self, s: str, p: str, order: str, ids: bool = False) -> list[str]: ...
    def nodes(self, s: str, p: str) -> list[str]: ...
    def integer(self, s: str, p: str) -> int | None: ...
    def kind_of(self, term: Any) -> str | None: ...


def original(r: Reader, s: str) -> Original | None:
    """The original a restatement at node ``s`` is based on (schema:isBasedOn), if any."""
    node = r.opt(s, "schema:isBasedOn")
    if node is None:
        return None
    o = node.value
    return Original(
        publisher=r.text(o, "schema:publisher"),
        title=r.text(o, "dcterms:title"),
        published=r.date(o, "dcterms:issued"),
        kind=r.concept(o, "det:sourceKind"),
        url=r.text(o, "schema:url"),
        note=r.text(o, "skos:editorialNote"),
    )


def proposal(r: Reader, s: str) -> Proposal:
    """The proposal at node ``s``, with its provisions in order."""
    return Proposal(
        id=r.rid(s),
        title=r.text(s, "dcterms:title"),
        kind=r.concept(s, "det:proposalKind"),
        topic=r.id(r.opt(s, "dcterms:subject")),
        proposers=r.ordered(s, "det:proposer", "det:proposerList", ids=True),
        drafters=r.ordered(s, "det:drafter", "det:drafterList", ids=True),
        date=r.date(s, "dcterms:date"),
        status=r.concept(s, "det:proposalStatus"),
        supersedes=r.id(r.opt(s, "dcterms:replaces")),
        provision_count=r.integer(s, "det:provisionCount"),
        response_deadline=r.date(s, "det:responseDeadline"),
        response_from=r.ordered(s, "det:responseFrom", "det:responseFromList", ids=True),
        deadline_note=r.text(s, "det:deadlineNote"),
        provisions=[provision(r, n) for n in r.nodes(s, "det:provision")],
        note=r.text(s, "skos:editorialNote"),
    )


def provision(r: Reader, n: str) -> Provision:
    """The provision at node ``n``."""
    target = r.opt(n, "det:pointsTo")
    kind = r.kind_of(target)
    ident = r.id(target)
    return Provision(
        id=r.rid(n),
        number=r.integer(n, "det:number"),
        summary=r.text(n, "schema:description"),
        asks_of=r.ordered(n, "det:asksOf", "det:asksOfList", ids=True),
        gives_to=r.ordered(n, "det:givesTo", "det:givesToList", ids=True),
        concession=ident if kind == "concession" else None,
        commitment=ident if kind == "commitment" else None,
        topic=ident if kind == "topic" else None,
        note=r.text(n, "skos:editorialNote"),
    )


def commitment(r: Reader, s: str) -> Commitment:
    """The commitment at node ``s``."""
    return Commitment(
        id=r.rid(s),
        committer=r.id(r.one(s, "det:committer")),
        committed_to=r.ordered(s, "det:committedTo", "det:committedToList", ids=True),
        beneficiaries=r.ordered(s, "det:beneficiary", "det:beneficiaryList", ids=True),
        topic=r.id(r.one(s, "dcterms:subject")),
        also_topics=r.ordered(s, "det:furtherTopic", "det:furtherTopicList", ids=True),
        kind=r.concept(s, "det:commitmentKind"),
        summary=r.text(s, "schema:description"),
        conditions=r.ordered(s, "det:condition", "det:conditionList"),
        modality=r.concept(s, "det:modality"),
        made_at=r.id(r.opt(s, "det:madeAt")),
        made_on=r.date(s, "det:madeOn"),
        placement=r.concept(s, "det:placement"),
        plover=r.concept(s, "det:ploverEvent"),
        note=r.text(s, "skos:editorialNote"),
    )


def response(r: Reader, s: str) -> Response:
    """The response at node ``s``."""
    return Response(
        id=r.rid(s),
        responder=r.id(r.one(s, "det:responder")),
        responds_to=r.id(r.one(s, "det:respondsTo")),
        kind=r.concept(s, "det:responseKind"),
        summary=r.text(s, "schema:description"),
        date=r.date(s, "dcterms:date"),
        note=r.text(s, "skos:editorialNote"),
    )
