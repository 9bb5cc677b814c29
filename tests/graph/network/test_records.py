"""The network projection of proposals, provisions, commitments, responses, relays, revisions."""

from __future__ import annotations

import pytest

from graph.network.kinds import EdgeKind, NodeKind, claimed_kind
from graph.network.projection import project
from schemas import Corpus


@pytest.fixture(scope="module")
def g(curated: Corpus):  # type: ignore[no-untyped-def]
    return project(curated)


@pytest.mark.parametrize(
    ("u", "v", "kind"),
    [
        ("actor:united-states", "proposal:us-28-point-plan", "proposes"),
        ("actor:unnamed-kremlin-envoy", "proposal:us-28-point-plan", "drafted"),
        ("proposal:us-28-point-plan", "provision:us-28-point-plan-cede-donbas", "has_provision"),
        ("provision:us-28-point-plan-cede-donbas", "concession:ukraine-cedes-donbas-territory",
         "points_to"),
        ("provision:us-28-point-plan-eu-membership", "topic:ukraine-eu-membership", "points_to"),
        ("provision:us-28-point-plan-cede-donbas", "actor:ukraine", "asks_of"),
        ("actor:russia", "concession:ukraine-cedes-donbas-territory", "demanded"),
        ("concession:ukraine-cedes-donbas-territory", "proposal:us-28-point-plan", "proposed_in"),
        ("actor:twenty-six-nations", "commitment:twenty-six-nations-pledge-guarantees",
         "committed"),
        ("commitment:twenty-six-nations-pledge-guarantees", "actor:ukraine", "committed_to"),
        ("actor:friedrich-merz", "response:merz-welcomes-us-offer", "responded"),
        ("response:zelenskyy-welcomes-nato-type-provision",
         "provision:us-berlin-package-nato-style-guarantee", "responds_to"),
        ("statement:berlin-us-officials-nato-style-promise", "actor:wall-street-journal",
         "relayed_by"),
        ("statement:paris-macron-qualified-some-outside", "statement:paris-macron-26-would-deploy",
         "revises"),
        ("topic:international-force-for-ukraine", "topic:western-military-presence", "broader"),
        ("concession:us-offers-nato-style-guarantee", "topic:us-direct-commitment", "about"),
        ("statement:npr-maynes-cede-donbas", "provision:us-28-point-plan-cede-donbas", "claims"),
    ],
)  # fmt: skip
def test_edges(g, u: str, v: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert g.has_edge(u, v, kind)
    assert EdgeKind(kind).value == kind


def test_nodes_carry_their_kind_and_status(g) -> None:  # type: ignore[no-untyped-def]
    assert g.nodes["proposal:us-28-point-plan"]["status"] == "draft"
    assert g.nodes["provision:us-28-point-plan-cede-donbas"]["proposal"] == "us-28-point-plan"
    pledge = g.nodes["commitment:twenty-six-nations-pledge-guarantees"]
    assert (pledge["kind"], pledge["status"], pledge["modality"]) == ("commitment", "claimed", "made")
    assert pledge["placement"] == "inferred"
    assert "placement" not in g.nodes["commitment:twenty-six-nations-deploy-to-ukraine"]
    assert {NodeKind(d["kind"]) for _, d in g.nodes(data=True)} == set(NodeKind)


def test_claimed_kind(curated: Corpus) -> None:
    assert claimed_kind(curated, "us-28-point-plan-cede-donbas") is NodeKind.PROVISION
    assert claimed_kind(curated, "merz-welcomes-us-offer") is NodeKind.RESPONSE
    assert claimed_kind(curated, "nothing") is None
