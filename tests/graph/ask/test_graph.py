"""graph.ask.graph: every view and filter on the seed, the status rule, as-of, injection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.ask.engine import Iri
from graph.ask.graph import Graph, query_text
from graph.ask.status import status_of
from graph.ask.words import status_word
from schemas import Corpus, load
from schemas.errors import NotFoundError, UsageError
from tests.graph.seedit import (
    RUSSIA_AQ,
    RUSSIA_LAW,
    SOURCE,
    US_COMMIT,
    add_actor,
    add_statement,
)
from tests.seed import SEED_DATA

ROOT = Path(__file__).resolve().parents[3]
RUSSIAN = [RUSSIA_AQ, RUSSIA_LAW]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph.from_data(SEED_DATA)


# --- who conceded what -------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Russia", "russia", "Moscow", "the Russians", " MOSCOW "])
def test_both_russian_concessions_with_witkoffs_claims(graph: Graph, name: str) -> None:
    rows = graph.concessions(by=name)
    assert [r.concession for r in rows] == RUSSIAN
    assert {r.status for r in rows} == {"claimed"}
    for row in rows:
        assert row.conceder.id == "russia" and row.conceder.name == "Russia"
        assert {c.speaker.name for c in row.claims} == {"Steve Witkoff"}
        assert row.claimants == 1 and row.sources == 1
    venues = {r.concession: {c.venue for c in r.claims} for r in rows}
    assert venues == {RUSSIA_AQ: {"CNN", "Reuters"}, RUSSIA_LAW: {"Fox News Sunday"}}


def test_claims_carry_provenance(graph: Graph, seed: Corpus) -> None:
    for row in graph.concessions():
        assert row.claims, row.concession
        for claim in row.claims:
            st = seed.statements[claim.statement]
            assert claim.speaker.id == st.speaker
            assert claim.venue == st.venue.label
            assert claim.date == st.date and claim.date_precision == st.date_precision.value
            assert claim.quote == st.text and claim.source == st.source == SOURCE
            assert claim.mode == st.mode.value
        ids = [c.statement for c in row.claims]
        assert sorted(ids) == sorted(s.id for s in seed.supporting(row.concession))


def test_concession_fields(graph: Graph) -> None:
    (row,) = graph.concessions(by="russia", topic="legislated-no-seizure-pledge")
    assert [r.id for r in row.conceded_to] == ["united-states"]
    assert [r.name for r in row.beneficiaries] == ["Ukraine"]
    assert row.conditions == ("after a peace deal",)
    assert (row.modality, row.kind) == ("made", "territorial_pledge")
    assert row.summary.startswith("Russia agreed to enshrine in law")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [*RUSSIAN, US_COMMIT]),
        ({"by": "Washington"}, [US_COMMIT]),
        ({"by": "Kyiv"}, []),
        ({"to": "US"}, RUSSIAN),
        ({"to": "Ukraine"}, [US_COMMIT]),
        ({"beneficiary": "Kyiv"}, [*RUSSIAN, US_COMMIT]),
        ({"beneficiary": "Russia"}, []),
        ({"claimant": "Witkoff"}, RUSSIAN),
        ({"claimant": "Rubio"}, [US_COMMIT]),
        ({"claimant": "Putin"}, []),
        ({"topic": "article-5-like-guarantee"}, [RUSSIA_AQ]),
        ({"topic": "Direct US commitment to a security guarantee for Ukraine"}, [US_COMMIT]),
        ({"status": "claimed"}, RUSSIAN),
        # a hypothetical floated by the conceder's own side is not a confirmed concession
        ({"status": "confirmed"}, []),
        ({"modality": "hypothetical"}, [US_COMMIT]),
        ({"status": "denied"}, []),
        ({"by": "Moscow", "to": "US", "claimant": "Witkoff", "status": "claimed"}, RUSSIAN),
    ],
)
def test_concession_filters(graph: Graph, filters: dict[str, str], expected: list[str]) -> None:
    assert [r.concession for r in graph.concessions(**filters)] == expected


def test_statuses_agree_with_the_corpus_rule(graph: Graph, seed: Corpus) -> None:
    rows = graph.concessions()
    assert {r.concession: r.corroboration for r in rows} == {
        cid: status_of(seed, cid).value for cid in seed.concessions
    }
    assert {r.concession: r.status for r in rows} == {
        cid: status_word(seed.concessions[cid].modality.value, status_of(seed, cid).value)
        for cid in seed.concessions
    }


# --- the status rule -------------------------------------------------------------------
PESKOV = {
    "id": "dmitry-peskov",
    "name": "Dmitry Peskov",
    "kind": "person",
    "aliases": ["Kremlin spokesman"],
    "affiliations": [{"of": "russia", "role": "Kremlin spokesman", "start": "2012-05-22"}],
}
LATE_PESKOV = {
    **PESKOV,
    "affiliations": [{"of": "russia", "role": "spokesman", "start": "2026-01-01"}],
}


@pytest.mark.parametrize(
    ("actor", "speaker", "polarity", "expected"),
    [
        (None, "vladimir-putin", "supports", "confirmed"),
        (None, "russia", "supports", "confirmed"),
        (PESKOV, "dmitry-peskov", "supports", "confirmed"),
        (None, "vladimir-putin", "denies", "denied"),
        (PESKOV, "dmitry-peskov", "denies", "denied"),
        (None, "volodymyr-zelenskyy", "denies", "disputed"),
        (None, "marco-rubio", "denies", "disputed"),
        (None, "volodymyr-zelenskyy", "supports", "claimed"),
        # affiliated only after the statement's date: not the conceder's side
        (LATE_PESKOV, "dmitry-peskov", "supports", "claimed"),
        (LATE_PESKOV, "dmitry-peskov", "denies", "disputed"),
    ],
)
def test_a_synthetic_statement_flips_the_status(
    seed_copy: Path, actor: dict[str, object] | None, speaker: str, polarity: str, expected: str
) -> None:
    if actor is not None:
        add_actor(seed_copy, actor)
    add_statement(
        seed_copy, "synthetic-claim", speaker, "A synthetic sentence about the guarantee.",
        **{polarity: [RUSSIA_AQ]},
    )  # fmt: skip
    graph = Graph.from_data(seed_copy)
    statuses = {r.concession: r.status for r in graph.concessions()}
    assert statuses[RUSSIA_AQ] == expected
    assert statuses[RUSSIA_LAW] == "claimed"  # untouched
    corpus = load(seed_copy)
    assert statuses[RUSSIA_AQ] == status_of(corpus, RUSSIA_AQ).value
    (row,) = graph.concessions(topic="article-5-like-guarantee")
    (mine,) = [c for c in row.claims if c.statement == "synthetic-claim"]
    assert mine.denies is (polarity == "denies")
    assert mine.conceder_side is (expected in {"confirmed", "denied"})
    assert [r.concession for r in graph.concessions(status=expected)].count(RUSSIA_AQ) == 1


def test_a_later_own_denial_wins_over_an_earlier_confirmation(seed_copy: Path) -> None:
    add_statement(seed_copy, "putin-yes", "vladimir-putin", "Putin said yes.",
                  supports=[RUSSIA_LAW], date="2025-08-15")  # fmt: skip
    add_statement(seed_copy, "putin-no", "vladimir-putin", "Putin later said no.",
                  denies=[RUSSIA_LAW], date="2025-08-17")  # fmt: skip
    (row,) = Graph.from_data(seed_copy).concessions(topic="legislated-no-seizure-pledge")
    assert row.status == "denied"
    assert row.claimants == 2  # Witkoff and Putin assert it; the denial is not counted


# --- as of ------------------------------------------------------------------------------
def test_as_of_before_the_article_is_empty(graph: Graph) -> None:
    early = graph.as_of(dt.date(2025, 8, 16))
    assert len(early.concessions()) == len(early.positions()) == len(early.meetings()) == 0
    assert len(early.statements()) == 0
    assert early.resolve_actor("Moscow") == "russia"  # actors stay
    assert len(graph.as_of("2025-08-17").concessions()) == 3


def test_as_of_drops_later_statements(seed_copy: Path) -> None:
    add_statement(seed_copy, "putin-denies-later", "vladimir-putin", "Putin denied it later.",
                  denies=[RUSSIA_AQ], date="2025-08-17")  # fmt: skip
    add_statement(seed_copy, "putin-confirms-earlier", "vladimir-putin", "Putin agreed then.",
                  supports=[RUSSIA_AQ], date="2025-08-15")  # fmt: skip
    graph = Graph.from_data(seed_copy)
    assert {r.concession: r.status for r in graph.concessions()}[RUSSIA_AQ] == "denied"
    # the source is published 2025-08-17, so nothing is said before: as-of needs the source too
    assert len(graph.as_of("2025-08-16").concessions()) == 0


def test_as_of_matches_corpus_as_of_on_a_synthetic_corpus(tmp_path: Path) -> None:
    from graph.synth.corpus import generate

    generate(300, tmp_path / "synth", seed=3)
    corpus = load(tmp_path / "synth")
    graph = Graph.from_corpus(corpus)
    days = sorted({s.date for s in corpus.statements.values()})
    for day in [days[0], days[len(days) // 3], days[len(days) // 2], days[-1]]:
        sub = corpus.as_of(day)
        view = graph.as_of(day)
        got = {r.concession: r.corroboration for r in view.concessions()}
        assert got == {cid: status_of(sub, cid).value for cid in sub.concessions}
        assert {r.position for r in view.positions()} == set(sub.positions)
        assert {r.meeting for r in view.meetings()} == set(sub.meetings)
        assert {r.statement for r in view.statements()} == set(sub.statements)


def test_bad_as_of_date_is_a_usage_error(graph: Graph) -> None:
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        graph.as_of("17 August")


# --- other views ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["alaska-summit-2025", "three-leader-meeting-proposal",
              "washington-meeting-2025-08-18"]),
        ({"participant": "Zelenskiy"}, ["three-leader-meeting-proposal",
                                        "washington-meeting-2025-08-18"]),
        ({"participant": "Witkoff"}, ["alaska-summit-2025"]),
        ({"status": "planned"}, ["washington-meeting-2025-08-18"]),
        ({"status": "cancelled"}, []),
        ({"since": "2025-08-16"}, ["washington-meeting-2025-08-18"]),
        ({"until": "2025-08-16"}, ["alaska-summit-2025"]),
        ({"since": "2025-08-01", "until": "2025-08-31"}, ["alaska-summit-2025",
                                                          "washington-meeting-2025-08-18"]),
    ],
)  # fmt: skip
def test_meeting_filters(graph: Graph, filters: dict[str, str], expected: list[str]) -> None:
    assert [m.meeting for m in graph.meetings(**filters)] == expected


def test_meeting_rows(graph: Graph) -> None:
    (alaska,) = graph.meetings(status="held")
    assert (alaska.title, alaska.start, alaska.end, alaska.location) == (
        "Trump-Putin meeting in Alaska", dt.date(2025, 8, 15), None, "Alaska",
    )  # fmt: skip
    assert [(p.id, p.role) for p in alaska.participants][:2] == [
        ("donald-trump", "principal"), ("vladimir-putin", "principal"),
    ]  # fmt: skip
    assert {c.statement for c in alaska.claims} == {
        "narration-witkoff-rubio-present-in-alaska", "narration-putin-spoke-alongside-trump",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "Moscow"}, ["russia-does-not-rule-out-us-guarantee",
                               "russia-opposes-western-military-presence"]),
        ({"topic": "ukraine-security-guarantees"}, ["putin-supports-ukraine-security",
                                                    "trump-supports-ukraine-security"]),
        ({"stance": "opposes"}, ["putin-opposes-ukraine-nato-membership",
                                 "republicans-resist-us-commitment",
                                 "russia-opposes-western-military-presence"]),
        ({"actor": "Putin", "stance": "supports"}, ["putin-supports-ukraine-security"]),
    ],
)  # fmt: skip
def test_position_filters(graph: Graph, filters: dict[str, str], expected: list[str]) -> None:
    assert [p.position for p in graph.positions(**filters)] == expected


def test_position_date_is_the_first_claim(graph: Graph) -> None:
    (row,) = graph.positions(actor="Putin", stance="supports")
    assert row.date == dt.date(2025, 8, 15)  # the joint appearance, before the article
    assert row.actor.name == "Vladimir Putin" and len(row.claims) == 2


@pytest.mark.parametrize(
    ("filters", "count"),
    [
        ({}, 21),
        ({"speaker": "Witkoff"}, 5),
        ({"speaker": SOURCE}, 6),  # narration: the article's own voice
        ({"venue": "CNN"}, 4),
        ({"venue": "reuters"}, 1),
        ({"venue": "no such venue"}, 0),
        ({"source": SOURCE}, 21),
        ({"speaker": "Rubio", "venue": "Fox News"}, 2),
    ],
)
def test_statement_filters(graph: Graph, filters: dict[str, str], count: int) -> None:
    assert len(graph.statements(**filters)) == count


def test_statement_rows_link_what_they_claim(graph: Graph) -> None:
    rows = {r.statement: r for r in graph.statements(speaker="Rubio")}
    assert rows["rubio-fox-concession-like-that"].supports == (
        "us-direct-security-commitment", "washington-meeting-2025-08-18",
    )  # fmt: skip
    assert rows["rubio-cnn-some-progress"].supports == ()


def test_actor_profile(graph: Graph) -> None:
    profile = graph.actor("Moscow")
    assert profile.actor.id == "russia" and profile.kind == "state"
    assert "Moscow" in profile.aliases and profile.wikidata == "Q159"
    assert [c.concession for c in profile.conceded] == RUSSIAN
    assert [p.position for p in profile.positions] == [
        "russia-does-not-rule-out-us-guarantee", "russia-opposes-western-military-presence",
    ]  # fmt: skip
    us = graph.actor("United States")
    assert [c.concession for c in us.received] == RUSSIAN
    putin = graph.actor("Putin")
    assert [(a.of.id, a.role) for a in putin.affiliations] == [("russia", "President")]
    assert [m.meeting for m in putin.meetings] == ["alaska-summit-2025",
                                                   "three-leader-meeting-proposal"]  # fmt: skip
    assert len(putin.statements) == 2


def test_topic_matrix(graph: Graph) -> None:
    cells = graph.topic("Article 5-like US security guarantee for Ukraine")
    assert [(c.actor.id, c.stance) for c in cells] == [
        ("donald-trump", "considers"), ("russia", "concedes (claimed)"),
        ("russia", "not_ruled_out"),
    ]  # fmt: skip
    frame = cells.to_frame().pivot_table(
        index="actor", columns="date", values="stance", aggfunc="first"
    )
    assert frame.loc["russia", "2025-08-17"] == "concedes (claimed)"


# --- errors -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "what", "closest"),
    [
        (lambda g: g.concessions(by="Rusia"), "actor", "russia"),
        (lambda g: g.concessions(to="Ukrain"), "actor", "ukraine"),
        (lambda g: g.positions(actor="Zelenskky"), "actor", "volodymyr-zelenskyy"),
        (lambda g: g.concessions(topic="article-5-like"), "topic", "article-5-like-guarantee"),
        (lambda g: g.topic("three-leader"), "topic", "three-leader-meeting"),
        (lambda g: g.actor("Putn"), "actor", "vladimir-putin"),
        (lambda g: g.statements(source="seed"), "source", None),
    ],
)
def test_unknown_names_list_the_closest(graph: Graph, call, what: str, closest: str | None) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError) as caught:
        call(graph)
    assert caught.value.what == what
    if closest is not None:
        assert any(c.startswith(closest) for c in caught.value.candidates)


@pytest.mark.parametrize(
    "call",
    [
        lambda g: g.concessions(status="true"),
        lambda g: g.meetings(status="happened"),
        lambda g: g.positions(stance="loves"),
        lambda g: g.meetings(since="yesterday"),
    ],
)
def test_bad_choices_are_usage_errors(graph: Graph, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError):
        call(graph)


# --- injection --------------------------------------------------------------------------
HOSTILE = [
    'russia" } ; DROP ALL ; #',
    "russia> <http://x> .",
    "x> <http://x> .",
    "} UNION { ?s ?p ?o }",
    "russia' . FILTER(true) #",
    "\\u0022 ) }",
    "<http://w3id.org/detente/id/actor/russia>",
]
ACTOR_FILTERS = [
    ("concessions", "by"), ("concessions", "to"), ("concessions", "beneficiary"),
    ("concessions", "claimant"), ("meetings", "participant"), ("positions", "actor"),
    ("statements", "speaker"),
]  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(
    ("view", "name"), [*ACTOR_FILTERS, ("concessions", "topic"), ("positions", "topic")]
)
def test_injection_in_a_resolved_filter_is_a_clean_not_found(
    graph: Graph, view: str, name: str, value: str
) -> None:
    before = len(graph.engine)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        getattr(graph, view)(**{name: value})
    assert len(graph.engine) == before  # type: ignore[arg-type]


@pytest.mark.parametrize("value", HOSTILE)
def test_injection_in_free_text_and_bound_values_matches_nothing(graph: Graph, value: str) -> None:
    assert len(graph.statements(venue=value)) == 0
    for query, var in [("concessions", "conceder"), ("concessions", "topic"),
                       ("positions", "actor"), ("positions", "topic")]:  # fmt: skip
        assert graph.select(query, **{var: value}) == []
    assert graph.select("claims", type=Iri("http://x")) == []
    assert len(graph.concessions()) == 3  # nothing was dropped


def test_no_query_formats_values_into_its_text() -> None:
    # every filter variable is projected, so pyoxigraph can bind it; no "{}" or "%s" slots
    for name in ["concessions", "positions", "statements", "claims"]:
        text = query_text(name)
        assert "{0}" not in text and "%s" not in text and "{}" not in text.replace("{ }", "")
    with pytest.raises(UsageError, match="no named query"):
        query_text("../secrets")


def test_sparql_runs_any_read_only_query(graph: Graph) -> None:
    result = graph.sparql(
        "PREFIX det: <https://w3id.org/detente/ns#> "
        "SELECT (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?c a det:Concession } }"
    )
    assert isinstance(result, dict)
    assert result["results"]["bindings"][0]["n"]["value"] == "3"
    assert graph.sparql("ASK { GRAPH ?g { ?s ?p ?o } }") is True
    with pytest.raises(UsageError, match="only read-only queries"):
        graph.sparql("DROP ALL")


def test_from_build_reads_what_detente_build_wrote(tmp_path: Path) -> None:
    from graph.cli import main

    assert main(["build", str(SEED_DATA), "--out", str(tmp_path / "b")]) == 0
    built = Graph.from_build(tmp_path / "b")
    fresh = Graph.from_data(SEED_DATA)
    assert built.concessions().to_json() == fresh.concessions().to_json()
    assert Graph.open(tmp_path / "b" / "detente.trig").meetings() == fresh.meetings()
    with pytest.raises(UsageError, match=r"holds no build.*detente build"):
        Graph.from_build(tmp_path / "nothing")


@pytest.mark.parametrize(("name", "rel"), [("concession_supports", "supports"),
                                           ("concession_denies", "denies")])  # fmt: skip
def test_concession_claim_queries_equal_the_generic_claims_query(
    graph: Graph, name: str, rel: str
) -> None:
    from graph.rdf.terms import PREFIXES

    DET = PREFIXES["det"]  # noqa: N806

    generic = graph.select("claims", type=Iri(DET + "Concession"))
    expected = sorted((r[0], *r[2:10]) for r in generic if r[1] == DET + rel)
    assert expected or rel == "denies"  # the seed denies no concession
    assert sorted(graph.select(name)) == expected


def test_concessions_are_judged_the_same_on_a_fresh_graph(graph: Graph) -> None:
    fresh = Graph(graph.engine)
    assert fresh.concessions().to_json() == graph.concessions().to_json()
    sides = {c.statement: c.conceder_side for r in fresh.concessions() for c in r.claims}
    assert True in sides.values() and False in sides.values()
