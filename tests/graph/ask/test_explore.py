"""graph.ask.explore: the notebook tables, checked against the seed's known answers."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from graph.ask.explore import (
    ASPECTS,
    claims_frame,
    compare_concessions,
    ordered,
    record_differences,
    side_of,
    sparql_frame,
    stance_matrix,
    support_summary,
    timeline_frame,
)
from graph.ask.graph import Graph
from graph.ask.rows import ClaimRow, Ref
from schemas import Corpus
from schemas.errors import NotFoundError

ARTICLE5 = "russia-accepts-us-article-5-like-guarantee"
PLEDGE = "russia-legislated-no-seizure-pledge"
US_COMMITMENT = "us-direct-security-commitment"
SEED_SOURCE = "seed-2025-08-17-nato-like-guarantees"


@pytest.fixture(scope="module")
def g(seed: Corpus) -> Graph:
    return Graph.from_corpus(seed)


def _row(g: Graph, cid: str):
    return next(r for r in g.concessions() if r.concession == cid)


def _claim(speaker: str, name: str, *, denies: bool = False, own: bool = False) -> ClaimRow:
    return ClaimRow("s", Ref(speaker, name), "CNN", dt.date(2025, 8, 17), "day", "q", "src",
                    "direct_quote", denies, own)  # fmt: skip


@pytest.mark.parametrize(
    ("speaker", "own", "expected"),
    [
        ("steve-witkoff", False, "counterpart"),  # speaks for the United States
        ("vladimir-putin", True, "conceder"),
        ("nato", False, "third party"),
        (SEED_SOURCE, False, "source"),
    ],
)
def test_side_of(g: Graph, speaker: str, own: bool, expected: str) -> None:
    assert side_of(g, _row(g, PLEDGE), _claim(speaker, speaker, own=own)) == expected


def test_claims_frame_lists_every_claim_with_provenance(g: Graph) -> None:
    frame = claims_frame(g, g.concessions())
    assert len(frame) == 7
    russian = frame[frame.conceder == "Russia"]
    assert set(russian.speaker) == {"Steve Witkoff"}
    assert set(russian.side) == {"counterpart"}
    assert set(russian.venue) == {"CNN", "Reuters", "Fox News Sunday"}
    assert set(frame[frame.concession == US_COMMITMENT].side) == {"conceder"}
    assert frame.quote.str.len().min() > 10


def test_claims_frame_of_nothing_keeps_its_columns(g: Graph) -> None:
    frame = claims_frame(g, [])
    assert frame.empty
    assert list(frame.columns)[:3] == ["concession", "conceder", "status"]


@pytest.mark.parametrize(
    ("aspect", "article5", "pledge"),
    [
        ("status", "claimed", "claimed"),
        ("claimants", 1, 1),
        ("statements", 3, 2),
        ("direct quotes", 2, 1),
        ("paraphrases", 1, 1),
        ("venues", "CNN, Reuters", "Fox News Sunday"),
        ("conditions", "none", "after a peace deal"),
        ("from the conceder's side", 0, 0),
        ("claimed only by the other side", True, True),
    ],
)
def test_compare_russian_concessions(
    g: Graph, aspect: str, article5: object, pledge: object
) -> None:
    table = compare_concessions(g, [ARTICLE5, PLEDGE])
    assert list(table.index) == list(ASPECTS)
    assert table.loc[aspect, ARTICLE5] == article5
    assert table.loc[aspect, PLEDGE] == pledge


def test_compare_own_side_concession_is_not_other_side_only(g: Graph) -> None:
    table = compare_concessions(g, [US_COMMITMENT])
    assert table.loc["status", US_COMMITMENT] == "hypothetical"
    assert table.loc["claimed only by the other side", US_COMMITMENT] is False


def test_compare_after_a_denial_by_the_conceder_side(g: Graph) -> None:
    from unittest import mock

    row = _row(g, PLEDGE)
    denied = dataclasses.replace(
        row, status="denied",
        claims=(*row.claims, _claim("vladimir-putin", "Vladimir Putin", denies=True, own=True)),
    )  # fmt: skip
    with mock.patch.object(Graph, "concessions", return_value=[denied]):
        table = compare_concessions(g, [PLEDGE])
    assert table.loc["from the conceder's side", PLEDGE] == 1
    assert table.loc["claimed only by the other side", PLEDGE] is False
    assert table.loc["statements", PLEDGE] == 2  # denials are not assertions
    assert table.loc["support", PLEDGE].endswith("1 from Russia's side; 1 denial")


def test_compare_unknown_concession_names_candidates(g: Graph) -> None:
    with pytest.raises(NotFoundError) as err:
        compare_concessions(g, ["russia-concedes-crimea"])
    assert ARTICLE5 in err.value.candidates


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([_claim("steve-witkoff", "Steve Witkoff")],
         "claimed: 1 statement (1 quote) by 1 speaker in 1 source; none from Russia's side"),
        ([_claim("steve-witkoff", "Steve Witkoff"),
          _claim("vladimir-putin", "Vladimir Putin", denies=True, own=True)],
         "denied: 1 statement (1 quote) by 1 speaker in 1 source; 1 from Russia's side; 1 denial"),
    ],
)  # fmt: skip
def test_support_summary(g: Graph, claims: list[ClaimRow], expected: str) -> None:
    status = "denied" if any(c.denies for c in claims) else "claimed"
    row = dataclasses.replace(_row(g, PLEDGE), claims=tuple(claims), status=status)
    assert support_summary(g, row) == expected


@pytest.mark.parametrize(
    ("topic", "actor", "cell"),
    [
        ("article-5-like-guarantee", "Russia", "not_ruled_out; concedes (claimed)"),
        ("article-5-like-guarantee", "Donald Trump", "considers"),
        ("ukraine-nato-membership", "Vladimir Putin", "opposes"),
        ("us-direct-commitment", "United States", "considers; floats (hypothetical)"),
        ("us-direct-commitment", "Trump-aligned Republicans", "opposes"),
        ("legislated-no-seizure-pledge", "Russia", "concedes (claimed)"),
        ("legislated-no-seizure-pledge", "Donald Trump", ""),
    ],
)
def test_stance_matrix_cells(g: Graph, topic: str, actor: str, cell: str) -> None:
    assert stance_matrix(g).loc[topic, actor] == cell


def test_stance_matrix_shape(g: Graph) -> None:
    matrix = stance_matrix(g)
    assert matrix.shape == (7, 5)
    assert matrix.index.name == "topic"


def test_stance_matrix_as_of_before_anything_was_said(g: Graph) -> None:
    assert stance_matrix(g.as_of("2025-08-01")).empty


def test_timeline_is_in_date_order_with_undated_meetings_last(g: Graph, seed: Corpus) -> None:
    t = timeline_frame(g)
    assert len(t) == len(seed.meetings) + len(seed.statements)
    dated = [d for d in t.date if d]
    assert dated == sorted(dated)
    assert t.iloc[-1].record == "three-leader-meeting-proposal"
    assert t.iloc[0].kind == "meeting"  # the meeting comes before what was said at it
    not_after = t[t.record == "trump-social-big-progress"].status.item()
    assert not_after == "direct_quote (on or before)"


def test_sparql_frame_shortens_iris(g: Graph) -> None:
    q = """PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?s ?who WHERE { GRAPH ?g { ?s prov:wasAttributedTo ?who } }
    ORDER BY ?s LIMIT 2"""
    frame = sparql_frame(g.sparql(q))
    assert list(frame.columns) == ["s", "who"]
    assert frame.iloc[0].s.startswith("statement:")
    assert frame.iloc[0].who.split(":")[0] in {"actor", "source"}


def test_sparql_frame_refuses_ask(g: Graph) -> None:
    with pytest.raises(TypeError):
        sparql_frame(g.sparql("ASK { ?s ?p ?o }"))


def test_record_differences_counts(seed: Corpus) -> None:
    other = dataclasses.replace(
        seed,
        actors={k: v for k, v in seed.actors.items() if k != "nato"},
        topics={**seed.topics, "ceasefire": seed.topics["three-leader-meeting"].model_copy(
            update={"id": "ceasefire"})},
        positions={**seed.positions, "putin-opposes-ukraine-nato-membership":
                   seed.positions["putin-opposes-ukraine-nato-membership"].model_copy(
                       update={"stance": "supports"})},
    )  # fmt: skip
    diff = record_differences(seed, other)
    assert diff.loc["actors"].tolist() == [16, 15, 1, 0, 0]
    assert diff.loc["topics", "added"] == 1
    assert diff.loc["positions", "changed"] == 1
    assert diff.loc["statements"].tolist() == [21, 21, 0, 0, 0]


def test_ordered_sorts_and_keeps_everything(seed: Corpus) -> None:
    import networkx as nx

    from graph.draw.dispatch import prepare

    sub = prepare(seed, focus="Moscow")
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(sub.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(sub.edges(keys=True, data=True))))
    out = ordered(shuffled)
    assert list(out) == sorted(sub)
    assert list(out.edges(keys=True)) == sorted(sub.edges(keys=True))
    assert dict(out.nodes(data=True)) == dict(sub.nodes(data=True))
    assert nx.utils.edges_equal(out.edges(keys=True, data=True), sub.edges(keys=True, data=True))
