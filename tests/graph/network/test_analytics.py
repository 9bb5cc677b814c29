"""Tests for graph.network.analytics, with the expected answers on the seed."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.network.analytics import (
    centrality,
    shortest_chain,
    single_speaker_claims,
    who_met_whom,
    who_speaks_for_whom,
)
from schemas.errors import NotFoundError, UsageError


def test_trump_and_putin_met_in_alaska_with_witkoff_and_rubio(seed):
    met = [e for e in who_met_whom(seed) if e.pair == ("donald-trump", "vladimir-putin")]
    assert len(met) == 1
    (e,) = met
    assert e.meeting == "alaska-summit-2025" and e.date == dt.date(2025, 8, 15)
    assert e.present == ("marco-rubio", "steve-witkoff") and e.status == "held"


@pytest.mark.parametrize(
    ("statuses", "pairs"), [(("held",), 6), (("planned",), 3), (("proposed",), 3), ((), 0)]
)
def test_who_met_whom_by_status(seed, statuses, pairs):
    assert len(who_met_whom(seed, statuses=statuses)) == pairs


def test_who_met_whom_filters_by_alias(seed):
    assert {e.pair for e in who_met_whom(seed, "Zelenskiy", ("planned",))} == {
        ("donald-trump", "volodymyr-zelenskyy"),
        ("european-leaders", "volodymyr-zelenskyy"),
    }
    with pytest.raises(NotFoundError):
        who_met_whom(seed, "Nobody Known")


@pytest.mark.parametrize(
    ("speaker", "principal", "role"),
    [
        ("steve-witkoff", "united-states", "Special Envoy to Russia"),
        ("marco-rubio", "united-states", "Secretary of State"),
        ("vladimir-putin", "russia", "President"),
    ],
)
def test_who_speaks_for_whom(seed, speaker, principal, role):
    links = {(x.speaker, x.principal): x for x in who_speaks_for_whom(seed)}
    assert links[speaker, principal].roles == (role,)
    assert all(seed.statements[s].speaker == speaker for s in links[speaker, principal].statements)


def test_narration_speaks_for_no_one(seed):
    assert all(x.speaker in seed.actors for x in who_speaks_for_whom(seed))


def test_both_russian_concessions_rest_on_witkoff_alone(seed):
    single = {s.record: s for s in single_speaker_claims(seed, ["concession"])}
    for rid in (
        "russia-accepts-us-article-5-like-guarantee",
        "russia-legislated-no-seizure-pledge",
    ):
        assert single[rid].speaker == "steve-witkoff"
        assert single[rid].other_side_only
    assert single["us-direct-security-commitment"].conceder_side is True


def test_single_speaker_excludes_multi_speaker_records(seed):
    records = {s.record for s in single_speaker_claims(seed)}
    assert "washington-meeting-2025-08-18" not in records  # narration and Rubio
    assert "three-leader-meeting-proposal" in records


@pytest.mark.parametrize(
    ("a", "b", "length", "via"),
    [
        ("Zelenskyy", "Putin", 2, "meeting:three-leader-meeting-proposal"),
        ("Witkoff", "Trump", 2, None),
        ("Putin", "Moscow", 1, None),
    ],
)
def test_shortest_chain(seed, a, b, length, via):
    chain = shortest_chain(seed, a, b)
    assert chain is not None and len(chain) == length
    assert chain.nodes[0].startswith("actor:") and chain.nodes[-1].startswith("actor:")
    if via:
        assert via in chain.nodes


def test_no_chain_to_an_isolated_actor(seed):
    assert shortest_chain(seed, "NATO", "Russia") is None


def test_centrality_ranking_sanity(seed):
    degree = [a for a, _ in centrality(seed)]
    assert degree[0] == "donald-trump"
    assert degree.index("united-states") < degree.index("nato")
    assert dict(centrality(seed))["nato"] == 0.0
    between = dict(centrality(seed, "betweenness"))
    assert between["donald-trump"] > between["cnn"]
    weighted = centrality(seed, "weighted")
    assert [s for _, s in weighted] == sorted((s for _, s in weighted), reverse=True)
    with pytest.raises(UsageError):
        centrality(seed, "closeness")  # type: ignore[arg-type]
