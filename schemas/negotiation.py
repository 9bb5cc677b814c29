"""Records of a negotiation over time: proposals and their provisions, commitments, responses.

Like concessions, positions and meetings, none of these is a fact: each is
backed only by the statements whose ``supports`` (or ``denies``) name it. A
provision has its own id, so that statements can claim it one by one.

>>> plan = Proposal(id="plan", title="A plan", kind="plan", provisions=[
...     Provision(id="plan-cede", summary="Ukraine cedes land.", concession="cede")])
>>> plan.provisions[0].target()
('concession', 'cede')
>>> Provision(id="p", summary="Points nowhere.").target() is None
True
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from schemas.models import Identified, Label, Record, Slug
from schemas.vocab import (
    CommitmentKind,
    Modality,
    Placement,
    PloverEvent,
    ProposalKind,
    ProposalStatus,
    ResponseKind,
)

__all__ = ["TARGET_FIELDS", "Commitment", "Proposal", "Provision", "Response"]

TARGET_FIELDS = ("concession", "commitment", "topic")
"""The fields a provision points through, each naming one record of its section."""


class Provision(Record):
    """One point of a proposal: what it asks of or gives to whom, pointing to one record."""

    id: Slug = Field(description="Unique id across all records; statements claim it by this id.")
    number: int | None = Field(
        None, ge=0, le=10_000, description="Its number, only where the source numbers it."
    )
    summary: Label = Field(description="What the provision says, in one neutral sentence.")
    asks_of: list[Slug] = Field(
        default_factory=list, description="Ids of the actors it asks something of."
    )
    gives_to: list[Slug] = Field(
        default_factory=list, description="Ids of the actors it gives something to."
    )
    concession: Slug | None = Field(
        None, description="Id of the concession it proposes or codifies (one target only)."
    )
    commitment: Slug | None = Field(
        None, description="Id of the commitment it proposes (one target only)."
    )
    topic: Slug | None = Field(
        None, description="Id of the topic it deals with, when no concession or commitment fits."
    )
    note: str | None = Field(None, description="Curator's note.")

    def target(self) -> tuple[str, str] | None:
        """``(field, id)`` of what it points to: the first of concession, commitment, topic."""
        for name in TARGET_FIELDS:
            value: str | None = getattr(self, name)
            if value is not None:
                return name, value
        return None


class Proposal(Identified):
    """A plan, draft, framework, package or joint document, and its provisions."""

    id: Slug = Field(description="Unique id across all records.")
    title: Label = Field(description="Short title, e.g. 'US 28-point draft peace plan'.")
    kind: ProposalKind = Field(description="Plan, framework, package or joint document.")
    topic: Slug | None = Field(None, description="Id of the topic it belongs to, if any.")
    proposers: list[Slug] = Field(
        default_factory=list, description="Ids of the actors claimed to put it forward."
    )
    drafters: list[Slug] = Field(
        default_factory=list, description="Ids of the actors claimed to have drafted it."
    )
    date: dt.date | None = Field(
        None, description="Date it was drafted or tabled, where the statements give one."
    )
    status: ProposalStatus | None = Field(
        None, description="Draft, tabled, accepted, rejected or superseded, where claimed."
    )
    supersedes: Slug | None = Field(None, description="Id of the earlier version it replaces.")
    provision_count: int | None = Field(
        None,
        ge=1,
        le=10_000,
        description="How many provisions the source says it has ('28 separate points'), "
        "when the records carry only some of them.",
    )
    response_deadline: dt.date | None = Field(
        None, description="Date an answer is expected by ('by Thursday'), resolved."
    )
    response_from: list[Slug] = Field(
        default_factory=list, description="Ids of the actors whose answer is expected."
    )
    deadline_note: str | None = Field(None, description="How the deadline was resolved.")
    provisions: list[Provision] = Field(
        default_factory=list, description="Its provisions, in the order the source gives them."
    )
    note: str | None = Field(None, description="Curator's note.")


class Commitment(Identified):
    """A pledge among partners: who promises what to whom (not a concession to a counterpart)."""

    id: Slug = Field(description="Unique id across all records.")
    committer: Slug = Field(description="Id of the actor (often a group) said to commit.")
    committed_to: list[Slug] = Field(
        min_length=1, description="Ids of the partner(s) the promise is made to."
    )
    beneficiaries: list[Slug] = Field(
        default_factory=list, description="Ids of the actors who gain from it."
    )
    topic: Slug = Field(description="Id of the main topic it concerns.")
    also_topics: list[Slug] = Field(
        default_factory=list, description="Ids of further topics it concerns, if any."
    )
    kind: CommitmentKind = Field(description="What is promised.")
    summary: Label = Field(description="One sentence in neutral words.")
    conditions: list[Label] = Field(
        default_factory=list, description="Conditions as the source states them."
    )
    modality: Modality = Field(description="Made, offered, expected, ... (as for concessions).")
    made_at: Slug | None = Field(None, description="Id of the meeting where it was made, if known.")
    made_on: dt.date | None = Field(None, description="Date it was made, if known.")
    placement: Placement | None = Field(
        None,
        description="Whether a statement places it at made_at / on made_on (stated) or the "
        "curator inferred them (inferred); required with made_at or made_on, only with them.",
    )
    plover: PloverEvent | None = Field(None, description="PLOVER event type, where one fits.")
    note: str | None = Field(None, description="Curator's note.")

    def all_topics(self) -> list[str]:
        """``topic`` then ``also_topics``: every topic, in curated order."""
        return [self.topic, *self.also_topics]


class Response(Identified):
    """A party's answer to a given offer, demand, proposal or provision."""

    id: Slug = Field(description="Unique id across all records.")
    responder: Slug = Field(description="Id of the actor who responds.")
    responds_to: Slug = Field(
        description="Id of the concession, commitment, proposal or provision it answers."
    )
    kind: ResponseKind = Field(description="Welcomes, accepts or rejects.")
    summary: Label = Field(description="One sentence in neutral words.")
    date: dt.date | None = Field(None, description="Date of the response, where known.")
    note: str | None = Field(None, description="Curator's note.")
