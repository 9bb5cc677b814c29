"""Facts of the three later reports as curated, asserted against the loaded corpus.

Each test pins one thing a reader of the texts can check: a date resolved, an alias
mapped, a speaker kept unnamed, a relay chain, a revision, a demand and who makes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from schemas import Corpus
from schemas.vocab import (
    Modality,
    ParticipantRole,
    ProposalStatus,
    ResponseKind,
    SourceKind,
    StatementMode,
    VenueKind,
)

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"
CORPUS = Path("/work/shared/corpus")
PARIS = "restatement-2025-09-05-coalition-paris"
NPR = "restatement-2025-11-22-npr-28-point-plan"
BERLIN = "restatement-2025-12-16-digest-berlin"
TEXTS = {
    PARIS: "2025-09-04_coalition-paris.txt",
    NPR: "2025-11-22_npr-28-point-plan.txt",
    BERLIN: "2025-12-16_digest-berlin.txt",
}


@pytest.mark.parametrize("source", sorted(TEXTS))
def test_text_is_stored_unchanged_and_pinned(curated: Corpus, source: str) -> None:
    stored = (SOURCES / TEXTS[source]).read_bytes()
    assert curated.sources[source].sha256 == hashlib.sha256(stored).hexdigest()
    if (CORPUS / TEXTS[source]).exists():
        assert stored == (CORPUS / TEXTS[source]).read_bytes()


@pytest.mark.parametrize(
    ("source", "publisher", "published"),
    [
        (PARIS, "The Daily Star (Reuters wire)", dt.date(2025, 9, 5)),
        (NPR, "NPR (transcript carried by KACU)", dt.date(2025, 11, 22)),
        (BERLIN, "Newser", dt.date(2025, 12, 16)),
    ],
)
def test_restatement_names_its_original_and_banner_is_furniture(
    curated: Corpus, source: str, publisher: str, published: dt.date
) -> None:
    src = curated.sources[source]
    assert src.kind is SourceKind.RESTATEMENT
    assert src.restates is not None
    assert (src.restates.publisher, src.restates.published) == (publisher, published)
    banner = curated.texts[source].splitlines()[0]
    assert src.furniture == [banner]
    assert banner.startswith("RESTATEMENT, NOT THE ORIGINAL TEXT")


@pytest.mark.parametrize(("source", "truncated"), [(PARIS, False), (NPR, True), (BERLIN, True)])
def test_truncated_endings_are_recorded_not_completed(
    curated: Corpus, source: str, truncated: bool
) -> None:
    assert curated.sources[source].truncated is truncated
    last = curated.texts[source].rstrip("\n").rsplit("\n", 1)[-1]
    anchored = [s for s in curated.statements.values() if s.source == source]
    assert all(st.evidence is not None for st in anchored)
    if truncated:  # nothing stands on the cut sentence
        assert not any(last in st.text for st in anchored)


@pytest.mark.parametrize(
    ("statement", "day"),
    [
        ("paris-macron-26-nations-pledged", dt.date(2025, 9, 4)),  # "on Thursday"
        ("npr-trump-oval-office-approve-it", dt.date(2025, 11, 21)),  # "yesterday"
        ("berlin-us-officials-nato-style-promise", dt.date(2025, 12, 15)),  # "on Monday"
        ("berlin-zelensky-different-positions", dt.date(2025, 12, 15)),
    ],
)
def test_relative_dates_are_resolved(curated: Corpus, statement: str, day: dt.date) -> None:
    st = curated.statements[statement]
    assert st.date == day
    assert st.date_note


def test_deadline_and_talks_dates(curated: Corpus) -> None:
    plan = curated.proposals["us-28-point-plan"]
    assert plan.response_deadline == dt.date(2025, 11, 27)  # "by Thursday"
    assert plan.response_from == ["volodymyr-zelenskyy"]
    talks = curated.meetings["berlin-talks-2025-12"]
    assert (talks.start, talks.end) == (dt.date(2025, 12, 14), dt.date(2025, 12, 15))
    roles = {p.actor: p.role for p in talks.participants}
    assert roles["russia"] is ParticipantRole.ABSENT  # "Russia is not part of the Berlin talks"


@pytest.mark.parametrize(
    ("alias", "actor"),
    [
        ("Zelensky", "volodymyr-zelenskyy"),
        ("Zelenskiy", "volodymyr-zelenskyy"),
        ("Zelenskyy", "volodymyr-zelenskyy"),
        ("the Journal", "wall-street-journal"),
        ("the American side", "united-states"),
        ("the USA", "united-states"),
        ("Kyiv", "ukraine"),
        ("Macron", "emmanuel-macron"),
    ],
)
def test_aliases_resolve_to_one_actor(curated: Corpus, alias: str, actor: str) -> None:
    assert curated.resolve_actor(alias).id == actor


@pytest.mark.parametrize(
    "actor",
    ["unnamed-us-officials-berlin", "european-officials", "white-house-officials",
     "unnamed-kremlin-envoy"],
)
def test_unnamed_speakers_stay_unnamed(curated: Corpus, actor: str) -> None:
    record = curated.actors[actor]
    assert record.wikidata is None
    assert record.name.startswith("unnamed ")  # kept unnamed, never guessed to be someone


def test_twenty_six_nations_are_counted_not_invented(curated: Corpus) -> None:
    group = curated.actors["twenty-six-nations"]
    assert group.member_count == 26
    members = [a for a in curated.actors.values() if any(f.of == group.id for f in a.affiliations)]
    assert [a.id for a in members] == ["some-of-the-twenty-six-nations"]
    pledge = curated.commitments["twenty-six-nations-pledge-guarantees"]
    assert pledge.committer == group.id
    assert "twenty-six-nations-pledge-guarantees" not in curated.concessions


def test_macron_revises_his_own_first_account(curated: Corpus) -> None:
    later = curated.statements["paris-macron-qualified-some-outside"]
    first = curated.statements[later.revises or ""]
    assert first.id == "paris-macron-26-would-deploy"
    assert first.speaker == later.speaker == "emmanuel-macron"
    assert first.source == later.source == PARIS


def test_us_contributions_are_expected(curated: Corpus) -> None:
    assert curated.commitments["us-contributions-to-guarantees"].modality is Modality.EXPECTED


def test_transcript_turns_are_direct_speech_on_air(curated: Corpus) -> None:
    turns = [
        s for s in curated.statements.values()
        if s.source == NPR and s.speaker in ("scott-simon", "charles-maynes")
    ]
    assert len(turns) >= 8
    assert all(s.mode is StatementMode.DIRECT_QUOTE for s in turns)
    assert all(s.venue.kind is VenueKind.BROADCAST for s in turns)


def test_relayed_offer_has_one_claimant_and_its_chain(curated: Corpus) -> None:
    claims = curated.supporting("us-offers-nato-style-guarantee")
    assert {s.speaker for s in claims} == {"unnamed-us-officials-berlin"}
    (relayed,) = claims
    assert relayed.via == ["wall-street-journal"]
    assert relayed.source == BERLIN


def test_private_communication_is_relayed_by_reuters(curated: Corpus) -> None:
    (st,) = curated.supporting("ukraine-withdraws-from-donetsk")
    assert st.venue.kind is VenueKind.PRIVATE_COMMUNICATION
    assert (st.speaker, st.via) == ("united-states", ["reuters"])


@pytest.mark.parametrize(
    ("concession", "demanded_by", "proposed_in"),
    [
        ("ukraine-cedes-donbas-territory", ["russia"], "us-28-point-plan"),
        ("ukraine-accepts-military-caps", ["russia"], "us-28-point-plan"),
        ("ukraine-renounces-nato-ambitions", ["russia"], "us-28-point-plan"),
        ("ukraine-withdraws-from-donetsk", ["united-states"], None),
    ],
)
def test_demands_on_ukraine(
    curated: Corpus, concession: str, demanded_by: list[str], proposed_in: str | None
) -> None:
    c = curated.concessions[concession]
    assert (c.conceder, c.modality) == ("ukraine", Modality.DEMANDED)
    assert (c.demanded_by, c.proposed_in) == (demanded_by, proposed_in)
    # nobody speaking for Ukraine asserts any of them
    assert not any(curated.speaks_for(s.speaker, "ukraine", s.date)
                   for s in curated.supporting(concession))


def test_28_point_plan_provisions(curated: Corpus) -> None:
    plan = curated.proposals["us-28-point-plan"]
    assert (plan.status, plan.provision_count) == (ProposalStatus.DRAFT, 28)
    assert plan.drafters == ["unnamed-kremlin-envoy", "white-house-officials"]
    targets = {p.target() for p in plan.provisions}
    assert {("concession", "ukraine-cedes-donbas-territory"),
            ("concession", "ukraine-accepts-military-caps"),
            ("concession", "ukraine-renounces-nato-ambitions"),
            ("topic", "ukraine-security-guarantees"),
            ("topic", "ukraine-eu-membership")} <= targets
    assert all(p.number is None for p in plan.provisions)  # the transcript numbers none
    for item in plan.provisions:
        assert {s.source for s in curated.supporting(item.id)} == {NPR}


@pytest.mark.parametrize(
    ("topic", "broader"),
    [
        ("donetsk-region", ["donbas-territory"]),
        ("international-force-for-ukraine",
         ["ukraine-security-guarantees", "western-military-presence"]),
    ],
)
def test_broader_topics(curated: Corpus, topic: str, broader: list[str]) -> None:
    assert curated.topics[topic].all_broader() == broader


def test_cross_source_links_are_the_supported_ones(curated: Corpus) -> None:
    august = curated.concessions["russia-accepts-us-article-5-like-guarantee"]
    december = curated.concessions["us-offers-nato-style-guarantee"]
    assert august.topic == december.topic == "article-5-like-guarantee"
    assert december.all_topics()[1:] == ["us-direct-commitment", "western-military-presence"]
    donetsk = curated.concessions["ukraine-withdraws-from-donetsk"]
    assert curated.topics[donetsk.topic].broader == (
        curated.concessions["ukraine-cedes-donbas-territory"].topic
    )
    assert all(p.supersedes is None for p in curated.proposals.values())  # "earlier drafts"


@pytest.mark.parametrize(
    ("response", "kind", "answers"),
    [
        ("zelenskyy-welcomes-nato-type-provision", ResponseKind.WELCOMES,
         "us-berlin-package-nato-style-guarantee"),
        ("merz-welcomes-us-offer", ResponseKind.WELCOMES, "us-berlin-security-package"),
        ("european-negotiators-accept-security-proposals", ResponseKind.ACCEPTS,
         "us-berlin-security-package"),
    ],
)
def test_responses_attach_to_what_they_answer(
    curated: Corpus, response: str, kind: ResponseKind, answers: str
) -> None:
    r = curated.responses[response]
    assert (r.kind, r.responds_to) == (kind, answers)
    assert answers in curated.proposals or answers in curated.provisions


def test_only_checked_qids(curated: Corpus) -> None:
    checked = {"Q22686", "Q7747", "Q3874799", "Q324546", "Q60772", "Q30", "Q159", "Q212",
               "Q7184", "Q458", "Q8880", "Q48340", "Q130879", "Q29468", "Q186068"}
    assert {a.wikidata for a in curated.actors.values() if a.wikidata} <= checked


def test_seed_answers_are_unchanged_by_the_later_reports(seed: Corpus, curated: Corpus) -> None:
    for cid, concession in seed.concessions.items():
        assert curated.concessions[cid] == concession
        assert curated.supporting(cid) == seed.supporting(cid)
    assert curated.as_of(dt.date(2025, 8, 17)).counts() | {"actors": 0, "topics": 0} == (
        seed.counts() | {"actors": 0, "topics": 0}
    )
