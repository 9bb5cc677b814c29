"""Proposals, provisions, commitments and responses in the network projection.

:func:`graph.network.projection.project` calls :func:`add_nodes` after its own
nodes and :func:`add_edges` after its own edges. The edges these records add:

==================  ==================================  ===================================
kind                from -> to                          meaning
==================  ==================================  ===================================
``proposes``        actor -> proposal                   a claimed proposer
``drafted``         actor -> proposal                   a claimed drafter
``supersedes``      proposal -> proposal                the earlier version it replaces
``has_provision``   proposal -> provision               with the provision's position
``points_to``       provision -> concession | ...       the record it proposes or deals with
``asks_of``         provision -> actor                  whom it asks something of
``gives_to``        provision -> actor                  whom it gives something to
``demanded``        actor -> concession                 who demands it of the conceder
``proposed_in``     concession -> proposal              the proposal it is a provision of
``committed``       actor -> commitment                 the committer
``committed_to``    commitment -> actor                 the partner it is made to
``responded``       actor -> response                   the responder
``responds_to``     response -> record                  what it answers
``relayed_by``      statement -> actor                  an outlet that relayed it (position)
``revises``         statement -> statement              an earlier statement it qualifies
==================  ==================================  ===================================

Commitments also get ``benefits``, ``about`` and ``made_at`` edges like concessions;
further topics and further broader topics add ``about`` and ``broader`` edges.

>>> from schemas import load
>>> from graph.network.projection import project
>>> g = project(load("data"))
>>> g.has_edge("proposal:us-28-point-plan", "provision:us-28-point-plan-cede-donbas",
...            "has_provision")
True
>>> g.has_edge("provision:us-28-point-plan-cede-donbas",
...            "concession:ukraine-cedes-donbas-territory", "points_to")
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graph.network.kinds import EdgeKind, NodeKind, claimed_kind, node_id
from schemas.corpus import Corpus

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["add_edges", "add_nodes"]

Edge = Callable[..., None]
"""``edge(u, v, kind, **attrs)``: adds an edge when both ends are in the graph."""
K = EdgeKind


def add_nodes(g: nx.MultiDiGraph, corpus: Corpus) -> None:
    """One node per proposal, provision, commitment and response."""
    from graph.ask.status import claims_of, derive_status

    for p in sorted(corpus.proposals.values(), key=lambda p: p.id):
        g.add_node(
            node_id(NodeKind.PROPOSAL, p.id), kind="proposal", record_id=p.id, label=p.title,
            proposal_kind=p.kind.value, status=p.status.value if p.status else None,
            date=p.date, response_deadline=p.response_deadline,
            provision_count=p.provision_count, note=p.note,
        )  # fmt: skip
        for i, item in enumerate(p.provisions, start=1):
            g.add_node(
                node_id(NodeKind.PROVISION, item.id), kind="provision", record_id=item.id,
                label=item.summary, proposal=p.id, position=i, number=item.number,
                note=item.note,
            )  # fmt: skip
    for c in sorted(corpus.commitments.values(), key=lambda c: c.id):
        status = derive_status(claims_of(corpus, c.id, c.committer)).value
        g.add_node(
            node_id(NodeKind.COMMITMENT, c.id), kind="commitment", record_id=c.id,
            label=c.summary, status=status, commitment_kind=c.kind.value,
            modality=c.modality.value, conditions=tuple(c.conditions), date=c.made_on,
            placement=c.placement.value if c.placement else None,
            note=c.note, plover=c.plover.value if c.plover else None,
        )  # fmt: skip
    for r in sorted(corpus.responses.values(), key=lambda r: r.id):
        g.add_node(
            node_id(NodeKind.RESPONSE, r.id), kind="response", record_id=r.id, label=r.summary,
            response_kind=r.kind.value, date=r.date, note=r.note,
        )  # fmt: skip


def add_edges(corpus: Corpus, edge: Edge) -> None:
    """The edges of the module table (``edge`` skips ends missing from the graph)."""
    for t in corpus.topics.values():
        for other in t.also_broader:
            edge(f"topic:{t.id}", f"topic:{other}", K.BROADER)
    for p in corpus.proposals.values():
        _proposal(p, edge)
    for c in corpus.concessions.values():
        cid = f"concession:{c.id}"
        for actor in c.demanded_by:
            edge(f"actor:{actor}", cid, K.DEMANDED, modality=c.modality.value)
        if c.proposed_in:
            edge(cid, f"proposal:{c.proposed_in}", K.PROPOSED_IN)
        for topic in c.also_topics:
            edge(cid, f"topic:{topic}", K.ABOUT)
    for m in corpus.commitments.values():
        mid = f"commitment:{m.id}"
        edge(f"actor:{m.committer}", mid, K.COMMITTED, modality=m.modality.value)
        for actor in m.committed_to:
            edge(mid, f"actor:{actor}", K.COMMITTED_TO)
        for actor in m.beneficiaries:
            edge(mid, f"actor:{actor}", K.BENEFITS)
        for topic in m.all_topics():
            edge(mid, f"topic:{topic}", K.ABOUT)
        if m.made_at:
            edge(mid, f"meeting:{m.made_at}", K.MADE_AT, date=m.made_on)
    for r in corpus.responses.values():
        rid = f"response:{r.id}"
        edge(f"actor:{r.responder}", rid, K.RESPONDED, response_kind=r.kind.value)
        kind = claimed_kind(corpus, r.responds_to)
        if kind is not None:
            edge(rid, node_id(kind, r.responds_to), K.RESPONDS_TO, response_kind=r.kind.value)
    for st in corpus.statements.values():
        sid = f"statement:{st.id}"
        for i, outlet in enumerate(st.via, start=1):
            edge(sid, f"actor:{outlet}", K.RELAYED_BY, position=i)
        if st.revises:
            edge(sid, f"statement:{st.revises}", K.REVISES)


def _proposal(p: Any, edge: Edge) -> None:
    pid = f"proposal:{p.id}"
    for actor in p.proposers:
        edge(f"actor:{actor}", pid, K.PROPOSES)
    for actor in p.drafters:
        edge(f"actor:{actor}", pid, K.DRAFTED)
    if p.supersedes:
        edge(pid, f"proposal:{p.supersedes}", K.SUPERSEDES)
    if p.topic:
        edge(pid, f"topic:{p.topic}", K.ABOUT)
    for i, item in enumerate(p.provisions, start=1):
        vid = f"provision:{item.id}"
        edge(pid, vid, K.HAS_PROVISION, position=i, number=item.number)
        target = item.target()
        if target is not None:
            edge(vid, f"{target[0]}:{target[1]}", K.POINTS_TO)
        for actor in item.asks_of:
            edge(vid, f"actor:{actor}", K.ASKS_OF)
        for actor in item.gives_to:
            edge(vid, f"actor:{actor}", K.GIVES_TO)
