"""Each new cross-record rule, on small in-memory corpora: the problem, its field, its hint.

The same rules run on real files in ``tests/bad/cases/`` (negotiation, relay classes);
here each is shown to fire on the bad record and to stay quiet on the good one.
"""

from __future__ import annotations

from typing import Any

import pytest

from schemas.corpus import Corpus
from schemas.models import Actor, Concession, Meeting, Participant, Source, Statement, Topic, Venue
from schemas.negotiation import Commitment, Proposal, Provision, Response
from schemas.references import check_references

VENUE = Venue(label="x", kind="unspecified")


def _base() -> Corpus:
    actors = {
        "ukraine": Actor(id="ukraine", name="Ukraine", kind="state"),
        "russia": Actor(id="russia", name="Russia", kind="state"),
        "wsj": Actor(id="wsj", name="WSJ", kind="media_outlet"),
    }
    topics = {"land": Topic(id="land", label="Land", kind="territory")}
    sources = {
        sid: Source(id=sid, title=sid, published="2025-12-16", text=f"{sid}.txt")
        for sid in ("one", "two")
    }
    return Corpus(actors=actors, topics=topics, sources=sources)


def _claim(corpus: Corpus, *ids: str, sid: str = "one", **fields: Any) -> None:
    st = Statement(id=f"st-{len(corpus.statements)}", source=sid, speaker="russia",
                   mode="paraphrase", venue=VENUE, date="2025-12-15", text="t",
                   supports=list(ids), **fields)
    corpus.statements[st.id] = st
    corpus.refresh()


def _concession(**fields: Any) -> Concession:
    given: dict[str, Any] = {"id": "cede", "conceder": "ukraine", "conceded_to": ["russia"],
                             "topic": "land", "kind": "withdrawal", "summary": "s",
                             "modality": "made"}
    return Concession(**(given | fields))


def _plan(*provisions: Provision, **fields: Any) -> Proposal:
    return Proposal(id="plan", title="Plan", kind="plan", provisions=list(provisions), **fields)


def _problems(corpus: Corpus) -> list[tuple[str, str]]:
    found = check_references(corpus)
    assert all(p.hint for p in found)
    return [(p.field, p.message) for p in found]


CEDE = Provision(id="plan-cede", summary="s", concession="cede")
CASES: dict[str, tuple[dict[str, Any], str, str]] = {
    "demanded without demanded_by": (
        {"concessions": [_concession(modality="demanded")]},
        "demanded_by", "a demanded concession names who demands it"),
    "demanded by the conceder": (
        {"concessions": [_concession(modality="demanded", demanded_by=["ukraine"])]},
        "demanded_by[0]", "is the conceder"),
    "proposed without proposed_in": (
        {"concessions": [_concession(modality="proposed")]},
        "proposed_in", "names the proposal it is a provision of"),
    "proposed_in a plan without its provision": (
        {"concessions": [_concession(modality="proposed", proposed_in="plan")],
         "proposals": [_plan(Provision(id="plan-x", summary="s", topic="land"))]},
        "proposed_in", "no provision of 'plan' points to this concession"),
    "provision pointing nowhere": (
        {"proposals": [_plan(Provision(id="plan-x", summary="s"))]},
        "provisions[0].concession", "the provision points nowhere"),
    "provision to an unknown commitment": (
        {"proposals": [_plan(Provision(id="plan-x", summary="s", commitment="nope"))]},
        "provisions[0].commitment", "unknown commitment 'nope'"),
    "provision with two targets": (
        {"proposals": [_plan(Provision(id="plan-x", summary="s", topic="land",
                                       concession="cede"))],
         "concessions": [_concession()]},
        "provisions[0].topic", "already points to a concession"),
    "provision numbered twice": (
        {"proposals": [_plan(Provision(id="plan-a", summary="s", topic="land", number=1),
                             Provision(id="plan-b", summary="s", topic="land", number=1))]},
        "provisions[1].number", "number 1 is used twice"),
    "more provisions than the count": (
        {"proposals": [_plan(Provision(id="plan-a", summary="s", topic="land"),
                             Provision(id="plan-b", summary="s", topic="land"),
                             provision_count=1)]},
        "provision_count", "2 provisions curated, more than provision_count"),
    "superseding an unknown proposal": (
        {"proposals": [_plan(Provision(id="plan-a", summary="s", topic="land"),
                             supersedes="plan-0")]},
        "supersedes", "unknown proposal 'plan-0'"),
    "commitment demanded": (
        {"commitments": [Commitment(id="pledge", committer="russia", committed_to=["ukraine"],
                                    topic="land", kind="support", summary="s",
                                    modality="demanded")]},
        "modality", "a commitment is not demanded"),
    "response to nothing": (
        {"responses": [Response(id="no", responder="ukraine", responds_to="plan",
                                kind="rejects", summary="s")]},
        "responds_to", "unknown concession or commitment or proposal or provision 'plan'"),
    "member count on a state": (
        {"actors": [Actor(id="g", name="G", kind="state", member_count=26)]},
        "member_count", "member_count is for groups, not a state"),
    "also_broader alone": (
        {"topics": [Topic(id="sub", label="Sub", kind="territory", also_broader=["land"])]},
        "also_broader", "also_broader given without broader"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_reports_field_and_message(name: str) -> None:
    records, field, message = CASES[name]
    corpus = _base()
    for section, items in records.items():
        for item in items:
            corpus.section(section)[item.id] = item
    for record_id in [*corpus.concessions, *corpus.commitments, *corpus.proposals,
                      *corpus.responses, *corpus.provisions]:
        _claim(corpus, record_id)
    problems = _problems(corpus)
    assert any(f == field and message in m for f, m in problems), problems


PLACEMENTS = [  # made_at, made_on, placement -> the placement problem, if any
    ("summit", None, None, "made_at given without placement"),
    (None, "2025-08-15", None, "made_on given without placement"),
    ("summit", "2025-08-15", None, "made_at and made_on given without placement"),
    (None, None, "inferred", "placement given without made_at or made_on"),
    (None, None, "stated", "placement given without made_at or made_on"),
    ("summit", None, "stated", None),
    (None, "2025-08-15", "inferred", None),
    ("summit", "2025-08-15", "inferred", None),
    (None, None, None, None),
]


@pytest.mark.parametrize("section", ["concessions", "commitments"])
@pytest.mark.parametrize(("made_at", "made_on", "placement", "message"), PLACEMENTS)
def test_placement_goes_with_made_at_or_made_on(
    section: str, made_at: str | None, made_on: str | None, placement: str | None,
    message: str | None,
) -> None:  # fmt: skip
    corpus = _base()
    corpus.meetings["summit"] = Meeting(id="summit", title="Summit", status="held",
                                        participants=[Participant(actor="russia", role="principal")])
    given = {"made_at": made_at, "made_on": made_on, "placement": placement}
    fields = {k: v for k, v in given.items() if v is not None}
    if section == "concessions":
        corpus.concessions["cede"] = _concession(**fields)
    else:
        corpus.commitments["cede"] = Commitment(
            id="cede", committer="russia", committed_to=["ukraine"], topic="land",
            kind="support", summary="s", modality="made", **fields)  # fmt: skip
    _claim(corpus, "cede", "summit")
    problems = _problems(corpus)
    assert [m for f, m in problems if f == "placement"] == ([message] if message else [])
    assert [f for f, _ in problems if f != "placement"] == []


def test_good_proposal_passes() -> None:
    corpus = _base()
    corpus.concessions["cede"] = _concession(modality="demanded", demanded_by=["russia"],
                                             proposed_in="plan")
    corpus.proposals["plan"] = _plan(CEDE, response_deadline="2025-11-27", date="2025-11-21")
    _claim(corpus, "cede", "plan", "plan-cede")
    assert _problems(corpus) == []


def test_unclaimed_provision_is_reported_at_its_id() -> None:
    corpus = _base()
    corpus.proposals["plan"] = _plan(Provision(id="plan-x", summary="s", topic="land"))
    _claim(corpus, "plan")
    assert _problems(corpus) == [
        ("provisions[0].id", "no statement supports or denies this provision")
    ]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"via": ["ukraine"]}, "via[0]", "'ukraine' is a state, not a media outlet"),
        ({"via": ["wsj", "wsj"]}, "via[1]", "is the speaker or named twice"),
        ({"via": ["nyt"]}, "via[0]", "unknown actor 'nyt'"),
        ({"revises": "st-0", "sid": "two"}, "revises", "is a statement of another source"),
        ({"revises": "st-9"}, "revises", "unknown statement 'st-9'"),
    ],
)
def test_relay_and_revision_rules(fields: dict[str, Any], field: str, message: str) -> None:
    corpus = _base()
    _claim(corpus)
    _claim(corpus, **fields)
    assert any(f == field and message in m for f, m in _problems(corpus))


def test_a_revision_within_its_source_passes() -> None:
    corpus = _base()
    _claim(corpus)
    _claim(corpus, revises="st-0", via=["wsj"])
    assert _problems(corpus) == []


def test_revision_loop_is_circular() -> None:
    corpus = _base()
    _claim(corpus, revises="st-1")
    _claim(corpus, revises="st-0")
    assert ("revises", "circular revises: st-0 -> st-1 -> st-0") in _problems(corpus)


@pytest.mark.parametrize(
    ("kind", "restates", "message"),
    [
        ("restatement", None, "a restatement names the report it restates"),
        ("news_article", {"publisher": "P", "title": "T", "published": "2025-12-16"},
         "restates is for kind restatement, not news_article"),
    ],
)
def test_restatement_rules(kind: str, restates: dict[str, Any] | None, message: str) -> None:
    corpus = _base()
    corpus.sources["one"] = Source(id="one", title="t", published="2025-12-16", text="one.txt",
                                   kind=kind, restates=restates)
    assert ("restates", message) in _problems(corpus)
