"""Tests for graph.network.projection: typed projection, actor view, focus, GraphML/GEXF round trips."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from graph.network.projection import (
    EdgeKind,
    NodeKind,
    actor_graph,
    flatten,
    focus,
    project,
    resolve_focus,
    write_gexf,
    write_graphml,
)
from schemas.errors import NotFoundError


@pytest.fixture(scope="module")
def g(seed):
    return project(seed)


def test_node_counts_match_the_corpus(g, seed):
    kinds = [k for _, k in g.nodes(data="kind")]
    for kind, section in [
        ("actor", seed.actors),
        ("concession", seed.concessions),
        ("statement", seed.statements),
        ("meeting", seed.meetings),
        ("topic", seed.topics),
        ("position", seed.positions),
    ]:
        assert kinds.count(kind) == len(section)


def test_every_edge_kind_is_known_and_the_required_ones_occur(g):
    kinds = {k for *_, k in g.edges(keys=True)}
    assert kinds <= {e.value for e in EdgeKind}
    required = {
        "conceded",
        "conceded_to",
        "benefits",
        "claims",
        "said_by",
        "attended",
        "about",
        "reported_in",
    }
    assert required <= kinds


@pytest.mark.parametrize(
    ("u", "v", "kind"),
    [
        ("actor:russia", "concession:russia-accepts-us-article-5-like-guarantee", "conceded"),
        (
            "concession:russia-accepts-us-article-5-like-guarantee",
            "actor:united-states",
            "conceded_to",
        ),
        ("concession:russia-accepts-us-article-5-like-guarantee", "actor:ukraine", "benefits"),
        (
            "statement:witkoff-cnn-won-concession",
            "concession:russia-accepts-us-article-5-like-guarantee",
            "claims",
        ),
        ("statement:witkoff-cnn-won-concession", "actor:steve-witkoff", "said_by"),
        (
            "statement:lead-washington-meeting-ahead",
            "source:seed-2025-08-17-nato-like-guarantees",
            "said_by",
        ),
        ("actor:marco-rubio", "meeting:alaska-summit-2025", "attended"),
        (
            "statement:witkoff-cnn-won-concession",
            "source:seed-2025-08-17-nato-like-guarantees",
            "reported_in",
        ),
        ("actor:steve-witkoff", "actor:united-states", "affiliated_with"),
        (
            "statement:trump-via-putin-security-by-all-means",
            "statement:putin-joint-appearance-ready-to-work",
            "reported_by",
        ),
    ],
)
def test_edges_run_the_documented_way(g, u, v, kind):
    assert g.has_edge(u, v, kind)
    assert not g.has_edge(v, u, kind)


def test_attributes_are_typed(g):
    c = g.nodes["concession:us-direct-security-commitment"]
    assert c["status"] == "hypothetical" and c["modality"] == "hypothetical"
    assert c["corroboration"] == "confirmed"
    st = g.nodes["statement:lead-official-guarantees-not-ruled-out"]
    assert st["date"] == dt.date(2025, 8, 17) and st["date_precision"] == "not_after"
    assert g.nodes["actor:russia"]["aliases"] == ("Moscow", "the Russians", "Russians")
    assert (
        g.edges["actor:marco-rubio", "meeting:alaska-summit-2025", "attended"]["role"] == "present"
    )
    assert all(v is not None for _, d in g.nodes(data=True) for v in d.values())


def test_a_concession_carries_its_placement_only_with_made_at_or_made_on(g):
    art5 = g.nodes["concession:russia-accepts-us-article-5-like-guarantee"]
    assert (art5["date"], art5["placement"]) == (dt.date(2025, 8, 15), "inferred")
    assert "placement" not in g.nodes["concession:us-direct-security-commitment"]


def test_as_of_drops_later_claims(seed):
    # the only source is published 2025-08-17, so on the 16th nothing had been reported yet
    early = project(seed.as_of(dt.date(2025, 8, 16)))
    assert "concession:russia-accepts-us-article-5-like-guarantee" not in early
    assert not [n for n, k in early.nodes(data="kind") if k == "statement"]
    assert "actor:russia" in early
    assert "concession:russia-accepts-us-article-5-like-guarantee" in project(
        seed.as_of(dt.date(2025, 8, 17))
    )


def test_actor_graph_weights(seed):
    ag = actor_graph(seed)
    edge = ag.edges["russia", "united-states"]
    assert edge["concessions"] == 2
    assert ag.edges["steve-witkoff", "russia"]["claims"] == 5
    assert edge["weight"] == sum(
        edge[k] for k in ("concessions", "claims", "meetings", "affiliations")
    )
    assert (
        not ag.has_edge("united-states", "russia")
        or ag.edges["united-states", "russia"]["concessions"] == 0
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Moscow", "actor:russia"),
        ("witkoff", "actor:steve-witkoff"),
        ("ukraine-nato-membership", "topic:ukraine-nato-membership"),
        ("Western military presence in Ukraine", "topic:western-military-presence"),
    ],
)
def test_resolve_focus(seed, name, expected):
    assert resolve_focus(seed, name) == expected


def test_resolve_focus_unknown_suggests(seed):
    with pytest.raises(NotFoundError, match="russia"):
        resolve_focus(seed, "Moskow")


def test_focus_keeps_the_neighbourhood_and_claimants(g):
    sub = focus(g, "actor:russia")
    assert "concession:russia-legislated-no-seizure-pledge" in sub
    assert "actor:steve-witkoff" in sub  # speaker of a kept statement
    assert "actor:nato" not in sub


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted((u, v, k) for u, v, k in a.edges(keys=True)) == sorted(
        (u, v, k) for u, v, k in b.edges(keys=True)
    )
    for u, v, k, d in a.edges(keys=True, data=True):
        assert {x: y for x, y in b.edges[u, v, k].items() if x != "id"} == d


def test_graphml_round_trips(g, tmp_path):
    path = write_graphml(g, tmp_path / "seed.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    _same(flatten(g), back)
    assert back.nodes["actor:russia"]["aliases"] == "Moscow; the Russians; Russians"
    assert back.nodes[NodeKind.ACTOR.value + ":russia"]["kind"] == "actor"


def test_gexf_round_trips_nodes_and_edges(g, tmp_path):
    path = write_gexf(g, tmp_path / "seed.gexf")
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
