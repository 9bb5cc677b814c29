"""graph.ask.changes: records added and removed, and status changes, between two graphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ask.changes import Change, diff
from graph.ask.graph import Graph
from tests.graph.seedit import RUSSIA_AQ, RUSSIA_LAW, US_COMMIT, add_statement, drop_concession
from tests.seed import SEED_DATA

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return Graph.from_data(SEED_DATA)


def test_a_graph_has_no_differences_with_itself(seed_graph: Graph) -> None:
    result = diff(seed_graph, seed_graph)
    assert not result
    assert result.lines() == ["no differences"]


def test_as_of_views_show_what_was_added(seed_graph: Graph) -> None:
    result = diff(seed_graph.as_of("2025-08-01"), seed_graph)
    assert result.added["concessions"] == [RUSSIA_AQ, RUSSIA_LAW, US_COMMIT]
    assert len(result.added["positions"]) == 9 and len(result.added["meetings"]) == 3
    assert result.removed == {"concessions": [], "positions": [], "meetings": []}
    backwards = diff(seed_graph, seed_graph.as_of("2025-08-01"))
    assert backwards.removed["concessions"] == result.added["concessions"]


@pytest.mark.parametrize(
    ("speaker", "polarity", "expected"),
    [
        ("vladimir-putin", "denies", "denied"),
        ("volodymyr-zelenskyy", "denies", "disputed"),
        ("vladimir-putin", "supports", "confirmed"),
    ],
)
def test_status_changes(seed_copy: Path, seed_graph: Graph, speaker: str, polarity: str,
                        expected: str) -> None:  # fmt: skip
    add_statement(seed_copy, "new-claim", speaker, "A new sentence.", **{polarity: [RUSSIA_LAW]})
    result = diff(seed_graph, Graph.from_data(seed_copy))
    assert result.changed == [Change("concessions", RUSSIA_LAW, "status", "claimed", expected)]
    assert f"~ concession {RUSSIA_LAW}: status claimed -> {expected}" in result.lines()


def test_removed_concession(seed_copy: Path, seed_graph: Graph) -> None:
    drop_concession(seed_copy, RUSSIA_AQ)
    result = diff(seed_graph, Graph.from_data(seed_copy))
    assert result.removed["concessions"] == [RUSSIA_AQ]
    assert result.added["concessions"] == [] and result.changed == []
    assert f"- concession {RUSSIA_AQ}" in result.lines()
    obj = json.loads(result.to_json())
    assert obj["removed"]["concessions"] == [RUSSIA_AQ] and obj["changed"] == []


def test_a_new_claim_with_the_same_status_is_a_difference(
    seed_copy: Path, seed_graph: Graph
) -> None:
    """A new Witkoff claim leaves the status `claimed`, yet the evidence changed."""
    add_statement(seed_copy, "witkoff-again", "steve-witkoff", "A new sentence.",
                  supports=[RUSSIA_LAW])  # fmt: skip
    result = diff(seed_graph, Graph.from_data(seed_copy))
    assert result and result.changed == []
    assert [(c.record, c.statement, c.change, c.relation, c.speaker) for c in result.claims] == [
        (RUSSIA_LAW, "witkoff-again", "added", "supports", "Steve Witkoff")
    ]
    assert any(line.startswith(f"+ claim on concession {RUSSIA_LAW}: witkoff-again")
               for line in result.lines())  # fmt: skip
    assert json.loads(result.to_json())["claims"][0]["change"] == "added"
    back = diff(Graph.from_data(seed_copy), seed_graph)
    assert [c.change for c in back.claims] == ["removed"]
