"""`ask proposals`, `ask concessions --modality`, and relay chains in claims, on data/.

These pin the answers the later reports must give (issue 14's "must show"), through
the CLI's JSON and through the API.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph.ask.graph import Graph
from graph.cli import main

DATA = str(Path(__file__).resolve().parents[3] / "data")


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main(["ask", *args, "--data", DATA, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph.from_data(DATA)


def test_the_28_point_plan_lists_its_demands_and_gifts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = {r["proposal"]: r for r in _json(capsys, "proposals")}
    plan = rows["us-28-point-plan"]
    assert (plan["status"], plan["provision_count"]) == ("draft", 28)
    assert {d["id"] for d in plan["drafters"]} == {"unnamed-kremlin-envoy", "white-house-officials"}
    assert plan["response_deadline"] == "2025-11-27"
    targets = {(p["concession"], p["topic"]) for p in plan["provisions"]}
    assert {
        ("ukraine-cedes-donbas-territory", None),
        ("ukraine-accepts-military-caps", None),
        ("ukraine-renounces-nato-ambitions", None),
        (None, "ukraine-security-guarantees"),
        (None, "ukraine-eu-membership"),
    } <= targets
    for provision in plan["provisions"]:
        assert provision["number"] is None
        assert provision["claims"], provision["provision"]
        assert {c["source"] for c in provision["claims"]} == {
            "restatement-2025-11-22-npr-28-point-plan"
        }
    assert {"proposal", "title", "status", "provisions", "claims"} <= set(plan)


def test_demanded_concessions_of_ukraine(capsys: pytest.CaptureFixture[str]) -> None:
    rows = {r["concession"]: r for r in _json(capsys, "concessions", "--modality", "demanded")}
    assert set(rows) == {
        "ukraine-cedes-donbas-territory",
        "ukraine-accepts-military-caps",
        "ukraine-renounces-nato-ambitions",
        "ukraine-withdraws-from-donetsk",
    }
    for row in rows.values():
        assert row["conceder"]["id"] == "ukraine" and row["modality"] == "demanded"
        assert row["status"] != "confirmed"
    assert [d["id"] for d in rows["ukraine-cedes-donbas-territory"]["demanded_by"]] == ["russia"]
    assert rows["ukraine-cedes-donbas-territory"]["proposed_in"] == "us-28-point-plan"
    donetsk = rows["ukraine-withdraws-from-donetsk"]
    assert [d["id"] for d in donetsk["demanded_by"]] == ["united-states"]
    assert donetsk["proposed_in"] is None


def test_the_relayed_offer_shows_its_chain_and_one_claimant(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = {r["concession"]: r for r in _json(capsys, "concessions", "--by", "the American side")}
    offer = rows["us-offers-nato-style-guarantee"]
    assert offer["claimants"] == 1
    (claim,) = offer["claims"]
    assert claim["speaker"]["id"] == "unnamed-us-officials-berlin"
    assert [v["id"] for v in claim["via"]] == ["wall-street-journal"]
    assert claim["source"] == "restatement-2025-12-16-digest-berlin"


@pytest.mark.parametrize(
    ("modality", "count"), [("made", 2), ("hypothetical", 1), ("offered", 1), ("proposed", 0)]
)
def test_modality_filter(graph: Graph, modality: str, count: int) -> None:
    rows = graph.concessions(modality=modality)
    assert len(rows) == count
    assert all(r.modality == modality for r in rows)


def test_an_unknown_modality_is_a_usage_error(graph: Graph) -> None:
    from schemas.errors import UsageError

    with pytest.raises(UsageError, match="modality"):
        graph.concessions(modality="promised")


@pytest.mark.parametrize(
    ("by", "status", "expected"),
    [
        (None, None, ["berlin-joint-document", "us-28-point-plan", "us-berlin-security-package"]),
        ("Kyiv", None, []),
        ("White House officials", None, ["us-28-point-plan"]),
        ("the USA", "tabled", ["us-berlin-security-package"]),
        (None, "draft", ["us-28-point-plan"]),
    ],
)
def test_proposal_filters(
    graph: Graph, by: str | None, status: str | None, expected: list[str]
) -> None:
    assert [r.proposal for r in graph.proposals(by=by, status=status)] == expected


def test_as_of_keeps_only_what_was_said(graph: Graph) -> None:
    assert [r.proposal for r in graph.as_of("2025-11-22").proposals()] == ["us-28-point-plan"]
    assert len(graph.as_of("2025-08-17").proposals()) == 0
    assert graph.as_of("2025-08-17").concessions(modality="demanded").to_dicts() == []


def test_proposals_render_as_csv_and_table(graph: Graph) -> None:
    rows = graph.proposals()
    assert rows.to_csv().splitlines()[0].startswith("proposal,title,kind,status")
    assert len(list(rows.cells())) == 3


def test_responses_attach_to_what_they_answer(graph: Graph) -> None:
    rows = {r.proposal: r for r in graph.proposals()}
    package = rows["us-berlin-security-package"]
    assert {(r.response, r.kind) for r in package.responses} == {
        ("european-negotiators-accept-security-proposals", "accepts"),
        ("merz-welcomes-us-offer", "welcomes"),
    }
    (provision,) = [p for p in package.provisions if p.responses]
    assert provision.provision == "us-berlin-package-nato-style-guarantee"
    assert [r.responder.id for r in provision.responses] == ["volodymyr-zelenskyy"]
    assert all(r.claims for r in package.responses)
