"""Facts of the curated seed article, asserted against the loaded corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schemas import Corpus
from schemas.vocab import DatePrecision, MeetingStatus, ParticipantRole, StatementMode

SEED_TEXT = Path(__file__).resolve().parents[2] / "data" / "sources" / "000_15c4d2cb88880b08.txt"
RUSSIAN_CONCESSIONS = {
    "russia-accepts-us-article-5-like-guarantee": {"CNN"},
    "russia-legislated-no-seizure-pledge": {"Fox News Sunday"},
}


def test_alaska_meeting_is_held_on_2025_08_15(seed: Corpus) -> None:
    alaska = seed.meetings["alaska-summit-2025"]
    assert alaska.status is MeetingStatus.HELD
    assert alaska.start == dt.date(2025, 8, 15)
    roles = {p.actor: p.role for p in alaska.participants}
    assert roles == {
        "donald-trump": ParticipantRole.PRINCIPAL,
        "vladimir-putin": ParticipantRole.PRINCIPAL,
        "steve-witkoff": ParticipantRole.PRESENT,
        "marco-rubio": ParticipantRole.PRESENT,
    }


def test_washington_meeting_is_planned_for_2025_08_18(seed: Corpus) -> None:
    washington = seed.meetings["washington-meeting-2025-08-18"]
    assert washington.status is MeetingStatus.PLANNED
    assert washington.start == dt.date(2025, 8, 18)
    assert {"donald-trump", "volodymyr-zelenskyy"} <= {p.actor for p in washington.participants}


@pytest.mark.parametrize("alias", ["Zelenskiy", "Zelenskyy", "Volodymyr Zelenskiy", "zelenskiy"])
def test_zelenskyy_spellings_resolve_to_one_actor(seed: Corpus, alias: str) -> None:
    assert seed.resolve_actor(alias).id == "volodymyr-zelenskyy"


@pytest.mark.parametrize(
    ("alias", "actor"),
    [("Moscow", "russia"), ("the Russians", "russia"), ("Washington", "united-states"),
     ("Kyiv", "ukraine"), ("U.S.", "united-states"), ("Witkoff", "steve-witkoff")],
)
def test_metonyms_resolve(seed: Corpus, alias: str, actor: str) -> None:
    assert seed.resolve_actor(alias).id == actor


@pytest.mark.parametrize(("concession", "venues"), sorted(RUSSIAN_CONCESSIONS.items()))
def test_russian_concessions_are_claimed_only_by_witkoff(
    seed: Corpus, concession: str, venues: set[str]
) -> None:
    claims = seed.supporting(concession)
    assert claims, "the concession must keep the statements that claim it"
    assert {s.speaker for s in claims} == {"steve-witkoff"}
    assert venues <= {s.venue.label for s in claims}
    assert seed.denying(concession) == []
    # nobody on the Russian side asserts it
    assert not any(seed.speaks_for(s.speaker, "russia", s.date) for s in claims)


def test_every_statement_is_anchored_verbatim(seed: Corpus) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    for st in seed.statements.values():
        assert st.evidence is not None
        assert text[st.evidence.start : st.evidence.end] == st.evidence.exact
        assert st.evidence.exact == st.text, st.id  # the seed quotes are stored verbatim


def test_link_furniture_is_not_evidence(seed: Corpus) -> None:
    source = seed.sources["seed-2025-08-17-nato-like-guarantees"]
    text = seed.texts[source.id]
    spans = [(text.index(f), text.index(f) + len(f)) for f in source.furniture]
    for st in seed.statements.values():
        assert st.evidence is not None
        assert all(st.evidence.end <= a or b <= st.evidence.start for a, b in spans), st.id
    assert "ursula-von-der-leyen" not in seed.actors  # she is named only in an "Also Read" link


def test_nested_speech_records_who_reports_whom(seed: Corpus) -> None:
    inner = seed.statements["trump-via-putin-security-by-all-means"]
    assert inner.speaker == "donald-trump"
    assert inner.reported_by == "putin-joint-appearance-ready-to-work"
    assert seed.statements[inner.reported_by].speaker == "vladimir-putin"


def test_reporter_voice_is_attributed_to_the_source(seed: Corpus) -> None:
    narration = [s for s in seed.statements.values() if s.mode is StatementMode.NARRATION]
    assert narration
    assert all(s.speaker == s.source for s in narration)
    texts = " ".join(s.text for s in narration)
    assert "Russia continues to oppose any Western military presence in Ukraine" in texts


def test_relative_dates_are_resolved_against_the_article_date(seed: Corpus) -> None:
    putin = seed.statements["putin-joint-appearance-ready-to-work"]
    assert putin.date == dt.date(2025, 8, 15)  # "on Friday" before Sunday 2025-08-17
    social = seed.statements["trump-social-big-progress"]
    assert social.date_precision is DatePrecision.NOT_AFTER  # the article gives no date


def test_only_checked_qids_are_used(seed: Corpus) -> None:
    checked = {"Q22686", "Q7747", "Q3874799", "Q324546", "Q60772", "Q30", "Q159", "Q212",
               "Q7184", "Q458", "Q8880", "Q48340", "Q130879", "Q29468", "Q186068"}
    used = {a.wikidata for a in seed.actors.values() if a.wikidata}
    assert used <= checked
    assert seed.actors["steve-witkoff"].wikidata is None  # not checked: left empty


def test_source_hash_is_computed(seed: Corpus) -> None:
    import hashlib

    source = seed.sources["seed-2025-08-17-nato-like-guarantees"]
    assert source.sha256 == hashlib.sha256(SEED_TEXT.read_bytes()).hexdigest()
