"""The node and edge kinds of the network projection, and node ids.

>>> node_id(NodeKind.PROVISION, "us-28-point-plan-cede-donbas")
'provision:us-28-point-plan-cede-donbas'
>>> EdgeKind("points_to") is EdgeKind.POINTS_TO
True
"""

from __future__ import annotations

from enum import StrEnum

from schemas.corpus import Corpus

__all__ = ["CLAIMED", "EdgeKind", "NodeKind", "claimed_kind", "node_id"]


class NodeKind(StrEnum):
    """The types of node in the projection."""

    ACTOR = "actor"
    CONCESSION = "concession"
    TOPIC = "topic"
    MEETING = "meeting"
    POSITION = "position"
    STATEMENT = "statement"
    SOURCE = "source"
    PROPOSAL = "proposal"
    PROVISION = "provision"
    COMMITMENT = "commitment"
    RESPONSE = "response"


class EdgeKind(StrEnum):
    """The types of edge in the projection (see the tables of projection and records)."""

    CONCEDED = "conceded"
    CONCEDED_TO = "conceded_to"
    BENEFITS = "benefits"
    CLAIMS = "claims"
    SAID_BY = "said_by"
    ATTENDED = "attended"
    ABOUT = "about"
    REPORTED_IN = "reported_in"
    HOLDS = "holds"
    AFFILIATED_WITH = "affiliated_with"
    MADE_AT = "made_at"
    SAID_AT = "said_at"
    VIA = "via"
    REPORTED_BY = "reported_by"
    BROADER = "broader"
    PROPOSES = "proposes"
    DRAFTED = "drafted"
    SUPERSEDES = "supersedes"
    HAS_PROVISION = "has_provision"
    POINTS_TO = "points_to"
    ASKS_OF = "asks_of"
    GIVES_TO = "gives_to"
    DEMANDED = "demanded"
    PROPOSED_IN = "proposed_in"
    COMMITTED = "committed"
    COMMITTED_TO = "committed_to"
    RESPONDED = "responded"
    RESPONDS_TO = "responds_to"
    RELAYED_BY = "relayed_by"
    REVISES = "revises"


def node_id(kind: NodeKind | str, record_id: str) -> str:
    """The stable, readable node id of a record.

    >>> node_id(NodeKind.ACTOR, "russia")
    'actor:russia'
    """
    return f"{NodeKind(kind).value}:{record_id}"


CLAIMED: tuple[tuple[NodeKind, str], ...] = (
    (NodeKind.CONCESSION, "concessions"),
    (NodeKind.POSITION, "positions"),
    (NodeKind.MEETING, "meetings"),
    (NodeKind.COMMITMENT, "commitments"),
    (NodeKind.PROPOSAL, "proposals"),
    (NodeKind.PROVISION, "provisions"),
    (NodeKind.RESPONSE, "responses"),
)
"""Node kind and corpus section of every record a statement can claim."""


def claimed_kind(corpus: Corpus, record_id: str) -> NodeKind | None:
    """The node kind of a record statements can support or deny; None if it is absent."""
    for kind, section in CLAIMED:
        if record_id in corpus.section(section):
            return kind
    return None
