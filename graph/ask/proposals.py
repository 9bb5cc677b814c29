"""Proposals and their provisions, as :meth:`graph.ask.graph.Graph.proposals` answers them.

A plain function over a :class:`~graph.ask.context.Context`, like the views of
:mod:`graph.ask.views`. Each proposal row carries who is claimed to propose and
draft it, its status and deadline, every claim about it, the responses to it, and
its provisions in order, each with what it points to, the claims about that
provision and the responses to it.

>>> from graph.ask.graph import Graph
>>> (plan,) = [p for p in Graph.from_data("data").proposals() if p.provision_count == 28]
>>> [d.id for d in plan.drafters], plan.response_deadline.isoformat()
(['unnamed-kremlin-envoy', 'white-house-officials'], '2025-11-27')
>>> plan.provisions[0].to_dict()["concession"]
'ukraine-cedes-donbas-territory'
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.ask.claims import verdict
from graph.ask.registry import concept_value, record_id, to_date
from graph.ask.results import Rows
from graph.ask.rows import ClaimRow, Ref
from graph.options import choice

if TYPE_CHECKING:
    from graph.ask.context import Context

__all__ = ["ProposalRow", "ProvisionRow", "ResponseRow", "proposals"]

Json = dict[str, Any]
_TARGETS = ("concession", "commitment", "topic")


def _refs(refs: tuple[Ref, ...]) -> list[Json]:
    return [r.to_dict() for r in refs]


@dataclass(frozen=True, slots=True)
class ResponseRow:
    """A claimed answer to a proposal or one of its provisions."""

    response: str
    responder: Ref
    kind: str
    summary: str
    claims: tuple[ClaimRow, ...] = ()

    def to_dict(self) -> Json:
        """``{response, responder, kind, summary, claims}``."""
        return {
            "response": self.response,
            "responder": self.responder.to_dict(),
            "kind": self.kind,
            "summary": self.summary,
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class ProvisionRow:
    """One provision of a proposal: what it asks and gives, what it points to, its claims."""

    provision: str
    number: int | None
    summary: str
    asks_of: tuple[Ref, ...]
    gives_to: tuple[Ref, ...]
    points_to_kind: str | None
    points_to: str | None
    claims: tuple[ClaimRow, ...] = ()
    responses: tuple[ResponseRow, ...] = ()

    def to_dict(self) -> Json:
        """``{provision, number, summary, asks_of, gives_to, points_to, concession, ...}``."""
        out: Json = {
            "provision": self.provision,
            "number": self.number,
            "summary": self.summary,
            "asks_of": _refs(self.asks_of),
            "gives_to": _refs(self.gives_to),
            "points_to": (
                {"kind": self.points_to_kind, "id": self.points_to} if self.points_to else None
            ),
        }
        for kind in _TARGETS:
            out[kind] = self.points_to if self.points_to_kind == kind else None
        out["claims"] = [c.to_dict() for c in self.claims]
        out["responses"] = [r.to_dict() for r in self.responses]
        return out


@dataclass(frozen=True, slots=True)
class ProposalRow:
    """A claimed proposal: who proposes and drafts it, its status, provisions and claims."""

    proposal: str
    title: str
    kind: str
    status: str | None
    topic: str | None
    proposers: tuple[Ref, ...]
    drafters: tuple[Ref, ...]
    response_deadline: dt.date | None
    response_from: tuple[Ref, ...]
    supersedes: str | None
    provision_count: int | None
    provisions: tuple[ProvisionRow, ...]
    claimants: int
    sources: int
    claims: tuple[ClaimRow, ...]
    responses: tuple[ResponseRow, ...] = ()

    def to_dict(self) -> Json:
        """The stable JSON object of one proposal."""
        return {
            "proposal": self.proposal,
            "title": self.title,
            "kind": self.kind,
            "status": self.status,
            "topic": self.topic,
            "proposers": _refs(self.proposers),
            "drafters": _refs(self.drafters),
            "response_deadline": self.response_deadline.isoformat()
            if self.response_deadline
            else None,
            "response_from": _refs(self.response_from),
            "supersedes": self.supersedes,
            "provision_count": self.provision_count,
            "provisions": [p.to_dict() for p in self.provisions],
            "claimants": self.claimants,
            "sources": self.sources,
            "claims": [c.to_dict() for c in self.claims],
            "responses": [r.to_dict() for r in self.responses],
        }

    def flat(self) -> Json:
        """One flat record for CSV and DataFrames (lists joined with ``"; "``)."""
        return {
            "proposal": self.proposal,
            "title": self.title,
            "kind": self.kind,
            "status": self.status or "",
            "topic": self.topic or "",
            "proposers": "; ".join(r.id for r in self.proposers),
            "drafters": "; ".join(r.id for r in self.drafters),
            "response_deadline": self.response_deadline.isoformat()
            if self.response_deadline
            else "",
            "provisions": "; ".join(p.provision for p in self.provisions),
            "claimants": self.claimants,
            "sources": self.sources,
            "statements": "; ".join(c.statement for c in self.claims),
        }


def proposals(
    ctx: Context, *, by: str | None = None, status: str | None = None
) -> Rows[ProposalRow]:
    """Proposals, optionally by a claimed proposer or drafter (``by``) and status.

    With an as-of day, a proposal shows when it or one of its provisions had
    been claimed by then, with only the provisions claimed by then.
    """
    from schemas.vocab import ProposalStatus

    who = ctx.resolve_actor(by) if by is not None else None
    want = choice(status, ProposalStatus, "proposal status")
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pid, link, value in ctx.select("proposal_links"):
        links[pid, link].append(value)
    answers = _responses(ctx)
    items = _provisions(ctx, answers)
    claims = ctx.claims_about("Proposal")
    out: list[ProposalRow] = []
    for pid, title, kind, status_iri, deadline, topic, count in ctx.select("proposals"):
        said = tuple(claims.get(pid, ()))
        provisions = tuple(p for p in items.get(pid, ()) if not ctx.restricted or p.claims)
        if ctx.restricted and not said and not provisions:
            continue
        state = concept_value(status_iri, "proposal-status") if status_iri else None
        if want is not None and state != want:
            continue
        people = {*links[pid, "proposer"], *links[pid, "drafter"]}
        if who is not None and who not in people:
            continue
        _, claimants, sources = verdict(said)
        out.append(
            ProposalRow(
                proposal=pid,
                title=title,
                kind=concept_value(kind, "proposal-kind"),
                status=state,
                topic=topic or None,
                proposers=tuple(map(ctx.ref, links[pid, "proposer"])),
                drafters=tuple(map(ctx.ref, links[pid, "drafter"])),
                response_deadline=to_date(deadline),
                response_from=tuple(map(ctx.ref, links[pid, "response_from"])),
                supersedes=next(iter(links[pid, "supersedes"]), None),
                provision_count=int(count) if count else None,
                provisions=provisions,
                claimants=claimants,
                sources=sources,
                claims=said,
                responses=answers.get(pid, ()),
            )
        )
    return Rows("proposals", out)


def _responses(ctx: Context) -> dict[str, tuple[ResponseRow, ...]]:
    """Responses said by the view's day, by the id of the record they answer."""
    claims = ctx.claims_about("Response")
    out: dict[str, list[ResponseRow]] = defaultdict(list)
    for rid, responder, target, kind, summary in ctx.select("responses"):
        said = tuple(claims.get(rid, ()))
        if ctx.day is not None and not said:
            continue
        answered_how = concept_value(kind, "response-kind")
        row = ResponseRow(rid, ctx.ref(responder), answered_how, summary, said)
        out[record_id(target)].append(row)
    return {key: tuple(rows) for key, rows in out.items()}


def _provisions(
    ctx: Context, answers: dict[str, tuple[ResponseRow, ...]]
) -> dict[str, list[ProvisionRow]]:
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for vid, link, value in ctx.select("provision_links"):
        links[vid, link].append(value)
    claims = ctx.claims_about("Provision")
    out: dict[str, list[tuple[int, ProvisionRow]]] = defaultdict(list)
    for pid, vid, position, number, summary, target in ctx.select("provisions"):
        kind = target[: target.rfind("/")].rsplit("/", 1)[-1] if target else None
        row = ProvisionRow(
            provision=vid,
            number=int(number) if number else None,
            summary=summary,
            asks_of=tuple(map(ctx.ref, links[vid, "asks_of"])),
            gives_to=tuple(map(ctx.ref, links[vid, "gives_to"])),
            points_to_kind=kind,
            points_to=record_id(target) if target else None,
            claims=tuple(claims.get(vid, ())),
            responses=answers.get(vid, ()),
        )
        out[pid].append((int(position), row))
    return {pid: [row for _, row in sorted(rows, key=lambda r: r[0])] for pid, rows in out.items()}
