"""Records -> RDF for a negotiation over time: proposals, provisions, commitments, responses.

The second half of the compiler's mapping: :mod:`graph.compile.quads` calls
these functions with itself as ``cc``, a small public context (:class:`Context`).
Everything here goes to the registry graph.

==========================  ===================================================
record field                predicate (object)
==========================  ===================================================
Proposal (id:proposal/{id}) a det:Proposal, schema:CreativeWork; dcterms:title;
                            det:proposalKind; dcterms:subject topic;
                            det:proposer / det:drafter actor (each);
                            dcterms:date; det:proposalStatus;
                            dcterms:replaces proposal (supersedes);
                            det:provisionCount; det:responseDeadline xsd:date;
                            det:responseFrom actor (each); det:deadlineNote;
                            det:provision provision (each)
Provision (id:provision/..) a det:Provision; schema:position i (1-based);
                            det:number; schema:description summary;
                            det:asksOf / det:givesTo actor (each);
                            det:pointsTo concession | commitment | topic
Commitment (../{id})        a det:Commitment; det:committer; det:committedTo
                            (each); det:beneficiary (each); dcterms:subject
                            topic; det:furtherTopic (each); det:commitmentKind;
                            schema:description; det:condition (each);
                            det:modality; det:madeAt; det:madeOn;
                            det:placement; det:ploverEvent
Response (../{id})          a det:Response; det:responder; det:respondsTo
                            record; det:responseKind; schema:description;
                            dcterms:date
==========================  ===================================================

Fields the later reports added to existing records are here too:
``Actor.member_count`` (det:memberCount), ``Topic.also_broader``
(det:furtherBroader), ``Meeting.kind`` (det:meetingKind), ``Concession.also_topics``
/ ``demanded_by`` / ``proposed_in`` / ``placement`` (det:furtherTopic, det:demandedBy,
det:proposedIn, det:placement ``detv:placement-*``), ``Source.restates``
(schema:isBasedOn ``id:source/{id}/original``, a schema:CreativeWork with dcterms:title,
schema:publisher, dcterms:issued, det:sourceKind, schema:url, skos:editorialNote) and
``truncated`` (det:truncated), ``Statement.via`` / ``revises`` (det:via, det:revises).
Lists whose order is not their sorted order also get an ``rdf:List`` of minted cells
(``det:proposerList``, ...), as in the rest of the mapping.

>>> from schemas import load
>>> from graph.compile.quads import compile_quads
>>> lines = compile_quads(load("data")).ntriples()
>>> "<https://w3id.org/detente/id/provision/us-28-point-plan-cede-donbas>" in lines
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from graph.rdf import ntriples as nt
from graph.rdf import terms
from schemas.models import Actor, Concession, Meeting, Source, Statement, Topic
from schemas.negotiation import Commitment, Proposal, Response
from schemas.vocab import Vocabulary

__all__ = [
    "Context",
    "actor_extras",
    "commitment",
    "concession_extras",
    "meeting_extras",
    "placement",
    "proposal",
    "response",
    "source_extras",
    "statement_extras",
    "topic_extras",
]

DET, SDO, DCT, SKOS = terms.DET.nt, terms.SDO.nt, terms.DCT.nt, terms.SKOS.nt


class Context(Protocol):
    """What these functions need of the compiler."""

    def node(self, kind: str, record_id: str, *parts: str) -> str: ...
    def emit(self, s: str, p: str, o: str) -> None: ...
    def opt(self, s: str, p: str, o: str | None) -> None: ...
    def concept(self, s: str, p: str, value: Vocabulary) -> None: ...
    def common(self, s: str, record_id: str, *types: str) -> None: ...
    def claimable(self, owner: str, record_id: str, field_name: str) -> str: ...
    def many(
        self,
        s: str,
        p: str,
        values: Sequence[str],
        terms: Sequence[str],
        order_prop: str,
        cell: tuple[str, str, str],
    ) -> None: ...


def _refs(
    cc: Context, s: str, prop: str, order: str, kind: str, values: Sequence[str],
    cell: tuple[str, str, str],
) -> None:  # fmt: skip
    """A list of references (a triple each; an rdf:List of cells too when order matters)."""
    cc.many(s, prop, values, [cc.node(kind, v) for v in values], order, cell)


# --- fields added to the existing records ---------------------------------------------
def actor_extras(cc: Context, s: str, a: Actor) -> None:
    """``member_count``."""
    if a.member_count is not None:
        cc.emit(s, DET.memberCount, nt.integer(a.member_count))


def topic_extras(cc: Context, s: str, t: Topic) -> None:
    """``also_broader``."""
    cell = ("topic", t.id, "also-broader")
    _refs(cc, s, DET.furtherBroader, DET.furtherBroaderList, "topic", t.also_broader, cell)


def meeting_extras(cc: Context, s: str, m: Meeting) -> None:
    """``kind``."""
    if m.kind is not None:
        cc.concept(s, DET.meetingKind, m.kind)


def concession_extras(cc: Context, s: str, c: Concession) -> None:
    """``also_topics``, ``demanded_by``, ``proposed_in``, ``placement``."""
    cell = ("concession", c.id, "also-topics")
    _refs(cc, s, DET.furtherTopic, DET.furtherTopicList, "topic", c.also_topics, cell)
    cell = ("concession", c.id, "demanded-by")
    _refs(cc, s, DET.demandedBy, DET.demandedByList, "actor", c.demanded_by, cell)
    if c.proposed_in is not None:
        cc.emit(s, DET.proposedIn, cc.node("proposal", c.proposed_in))
    placement(cc, s, c)


def placement(cc: Context, s: str, c: Concession | Commitment) -> None:
    """``placement``: det:placement detv:placement-stated | detv:placement-inferred."""
    if c.placement is not None:
        cc.concept(s, DET.placement, c.placement)


def source_extras(cc: Context, s: str, src: Source) -> None:
    """``restates`` (a node of its own) and ``truncated``."""
    if src.truncated:
        cc.emit(s, DET.truncated, nt.typed("true", nt.XSD_BOOLEAN))
    original = src.restates
    if original is None:
        return
    o = cc.node("source", src.id, "original")
    cc.emit(s, SDO.isBasedOn, o)
    cc.emit(o, nt.RDF_TYPE, SDO.CreativeWork)
    cc.emit(o, DCT.title, nt.literal(original.title))
    cc.emit(o, SDO.publisher, nt.literal(original.publisher))
    cc.emit(o, DCT.issued, nt.date(original.published))
    cc.concept(o, DET.sourceKind, original.kind)
    cc.opt(o, SDO.url, _lit(original.url))
    cc.opt(o, SKOS.editorialNote, _lit(original.note))


def statement_extras(cc: Context, s: str, st: Statement) -> None:
    """``via`` and ``revises``."""
    _refs(cc, s, DET.via, DET.viaList, "actor", st.via, ("statement", st.id, "via"))
    if st.revises is not None:
        cc.emit(s, DET.revises, cc.node("statement", st.revises))


# --- the records of a negotiation over time ---------------------------------------------
def proposal(cc: Context, p: Proposal) -> None:
    """The triples of one proposal and its provisions."""
    s = cc.node("proposal", p.id)
    cc.common(s, p.id, DET.Proposal, SDO.CreativeWork)
    cc.emit(s, DCT.title, nt.literal(p.title))
    cc.concept(s, DET.proposalKind, p.kind)
    if p.topic is not None:
        cc.emit(s, DCT.subject, cc.node("topic", p.topic))
    cell = ("proposal", p.id, "proposers")
    _refs(cc, s, DET.proposer, DET.proposerList, "actor", p.proposers, cell)
    cell = ("proposal", p.id, "drafters")
    _refs(cc, s, DET.drafter, DET.drafterList, "actor", p.drafters, cell)
    cc.opt(s, DCT.date, _date(p.date))
    if p.status is not None:
        cc.concept(s, DET.proposalStatus, p.status)
    if p.supersedes is not None:
        cc.emit(s, DCT.replaces, cc.node("proposal", p.supersedes))
    if p.provision_count is not None:
        cc.emit(s, DET.provisionCount, nt.integer(p.provision_count))
    cc.opt(s, DET.responseDeadline, _date(p.response_deadline))
    cell = ("proposal", p.id, "response-from")
    _refs(cc, s, DET.responseFrom, DET.responseFromList, "actor", p.response_from, cell)
    cc.opt(s, DET.deadlineNote, _lit(p.deadline_note))
    cc.opt(s, SKOS.editorialNote, _lit(p.note))
    for i, item in enumerate(p.provisions, start=1):
        n = cc.node("provision", item.id)
        cc.emit(s, DET.provision, n)
        cc.common(n, item.id, DET.Provision)
        cc.emit(n, SDO.position, nt.integer(i))
        if item.number is not None:
            cc.emit(n, DET.number, nt.integer(item.number))
        cc.emit(n, SDO.description, nt.literal(item.summary))
        cell = ("provision", item.id, "asks-of")
        _refs(cc, n, DET.asksOf, DET.asksOfList, "actor", item.asks_of, cell)
        cell = ("provision", item.id, "gives-to")
        _refs(cc, n, DET.givesTo, DET.givesToList, "actor", item.gives_to, cell)
        target = item.target()
        if target is not None:
            cc.emit(n, DET.pointsTo, cc.node(*target))
        cc.opt(n, SKOS.editorialNote, _lit(item.note))


def commitment(cc: Context, c: Commitment) -> None:
    """The triples of one commitment."""
    s = cc.node("commitment", c.id)
    cc.common(s, c.id, DET.Commitment)
    cc.emit(s, DET.committer, cc.node("actor", c.committer))
    cell = ("commitment", c.id, "committed-to")
    _refs(cc, s, DET.committedTo, DET.committedToList, "actor", c.committed_to, cell)
    cell = ("commitment", c.id, "beneficiaries")
    _refs(cc, s, DET.beneficiary, DET.beneficiaryList, "actor", c.beneficiaries, cell)
    cc.emit(s, DCT.subject, cc.node("topic", c.topic))
    cell = ("commitment", c.id, "also-topics")
    _refs(cc, s, DET.furtherTopic, DET.furtherTopicList, "topic", c.also_topics, cell)
    cc.concept(s, DET.commitmentKind, c.kind)
    cc.emit(s, SDO.description, nt.literal(c.summary))
    conditions = [nt.literal(x) for x in c.conditions]
    cell = ("commitment", c.id, "conditions")
    cc.many(s, DET.condition, c.conditions, conditions, DET.conditionList, cell)
    cc.concept(s, DET.modality, c.modality)
    if c.made_at is not None:
        cc.emit(s, DET.madeAt, cc.node("meeting", c.made_at))
    cc.opt(s, DET.madeOn, _date(c.made_on))
    placement(cc, s, c)
    if c.plover is not None:
        cc.concept(s, DET.ploverEvent, c.plover)
    cc.opt(s, SKOS.editorialNote, _lit(c.note))


def response(cc: Context, r: Response) -> None:
    """The triples of one response."""
    s = cc.node("response", r.id)
    cc.common(s, r.id, DET.Response)
    cc.emit(s, DET.responder, cc.node("actor", r.responder))
    cc.emit(s, DET.respondsTo, cc.claimable(r.id, r.responds_to, "responds_to"))
    cc.concept(s, DET.responseKind, r.kind)
    cc.emit(s, SDO.description, nt.literal(r.summary))
    cc.opt(s, DCT.date, _date(r.date))
    cc.opt(s, SKOS.editorialNote, _lit(r.note))


def _lit(value: str | None) -> str | None:
    return None if value is None else nt.literal(value)


def _date(value: dt.date | None) -> str | None:
    return None if value is None else nt.date(value)
