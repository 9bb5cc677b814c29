"""The rule families for transcripts, relayed reports, anaphora and negotiation candidates.

Every case runs against the seed's registry only, which knows none of the
names below but the principals: the rules must work from the language of the
text, not from aliases a curator added. Each family has texts that should
yield nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.draft import accept, draft_text
from schemas import Corpus

SATURDAY = dt.date(2025, 11, 22)
TUESDAY = dt.date(2025, 12, 16)

TRANSCRIPT = (
    "Peace talks\n\n"
    "WXYZ News, Saturday, November 22, 2025. Transcript.\n\n"
    "JANE ROE, HOST:\n\n"
    "The talks resumed in Geneva. Here is the president at the White House yesterday.\n\n"
    "PRESIDENT DONALD TRUMP: We are very close to a deal, very close.\n\n"
    "ROE: Our correspondent Sam Poe is in Kyiv. Sam, what are officials saying?\n\n"
    "SAM POE, BYLINE: Officials here say the text is still changing every day.\n\n"
    "HOST: Is there a deadline?\n\n"
    "POE: Not yet. The negotiators have told Kyiv that they need more time.\n\n"
    "ROE: Sam, what is"
)


def _statements(text: str, corpus: Corpus, day: dt.date) -> list[dict[str, Any]]:
    return draft_text(text, day, corpus, source_id="case").statements


@pytest.fixture(scope="module")
def transcript(seed: Corpus) -> list[dict[str, Any]]:
    return _statements(TRANSCRIPT, seed, SATURDAY)


def _turn(sts: list[dict[str, Any]], start: str) -> dict[str, Any]:
    return next(s for s in sts if s["text"].startswith(start))


@pytest.mark.parametrize(
    ("start", "speaker", "kind", "outlet_named", "date"),
    [
        ("The talks resumed", "jane-roe", "broadcast", True, "2025-11-22"),  # "NAME, TITLE:"
        ("Our correspondent", "jane-roe", "broadcast", True, "2025-11-22"),  # bare surname
        ("Officials here", "sam-poe", "broadcast", True, "2025-11-22"),  # BYLINE speaks too
        ("Not yet.", "sam-poe", "broadcast", True, "2025-11-22"),
        # a recording the host introduces: said yesterday, at the place named
        ("We are very close", "donald-trump", "press_appearance", False, "2025-11-21"),
    ],
)
def test_transcript_turns(
    transcript: list[dict[str, Any]], start: str, speaker: str, kind: str, outlet_named: bool,
    date: str,
) -> None:  # fmt: skip
    st = _turn(transcript, start)
    assert (st["speaker"], st["mode"], st["venue"]["kind"]) == (speaker, "direct_quote", kind)
    assert str(st["date"]) == date
    assert ("outlet" in st["venue"]) is outlet_named


def test_transcript_questions_and_cut_off_tail_assert_nothing(
    transcript: list[dict[str, Any]],
) -> None:
    texts = [s["text"] for s in transcript]
    assert not any(t.endswith("?") for t in texts)
    assert not any("Is there a deadline" in t or "what is" in t for t in texts)
    assert _turn(transcript, "Our correspondent")["text"].endswith("is in Kyiv.")


def test_transcript_outlet_from_header_and_speech_inside_a_turn(
    seed: Corpus, transcript: list[dict[str, Any]]
) -> None:
    d = draft_text(TRANSCRIPT, SATURDAY, seed, source_id="case")
    outlets = [a for a in d.actors if a["kind"] == "media_outlet"]
    assert [a["name"] for a in outlets] == ["WXYZ News"]
    nested = [s for s in transcript if s.get("reported_by")]
    assert nested and all(s["mode"] == "paraphrase" for s in nested)
    assert {a["name"] for a in d.actors} >= {"Jane Roe", "Sam Poe"}


@pytest.mark.parametrize(
    "text",
    [
        "NOTE: This article was updated.",  # one label: no transcript
        "WASHINGTON: The talks went on. Nobody spoke to the press.",
        "SIMON, HOST:\n\nJOHN DOE: Is it true?",  # a label alone, then only a question
    ],
)
def test_not_a_transcript_or_nothing_asserted(seed: Corpus, text: str) -> None:
    assert not [s for s in _statements(text, seed, SATURDAY) if s["mode"] == "direct_quote"]


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "via"),
    [
        # an outlet as speaker: its report
        ("Kyiv has been offered new guarantees, the Daily Herald reports.", "daily-herald",
         "report", []),
        ("Kyiv agreed to the terms, according to the Daily Herald.", "daily-herald", "report", []),
        # an outlet relaying someone: the someone speaks, the outlet relays
        ("The Daily Herald reports that the White House has told Ukraine that it must decide.",
         "white-house", "private_communication", ["daily-herald"]),
        ("Reuters reported that Rubio told Russia that the deadline stands.", "marco-rubio",
         "private_communication", ["reuters"]),
        # told an outlet the article cites as reporting: that outlet relayed it
        ("The plan has changed, the Daily Herald reports. Rubio told the Herald on Monday that "
         "the deadline stands.", "marco-rubio", "interview", ["daily-herald"]),
    ],
)  # fmt: skip
def test_relayed_reports(seed: Corpus, text: str, speaker: str, kind: str, via: list[str]) -> None:
    sts = _statements(text, seed, TUESDAY)
    st = next(s for s in sts if s["speaker"].startswith(speaker))
    assert st["venue"]["kind"] == kind
    assert st.get("via", []) == via


@pytest.mark.parametrize(
    "text",
    [
        "Rubio told CNN that the deadline stands.",  # an interview, no outlet cited as reporting
        "Reuters reports that talks will resume.",  # a report with nobody inside it
    ],
)
def test_no_relay_chain_without_one(seed: Corpus, text: str) -> None:
    assert all("via" not in s for s in _statements(text, seed, TUESDAY))


@pytest.mark.parametrize(
    ("text", "speaker_of_last"),
    [
        # "the officials" are those just named, even when the registry knows them
        ("American officials told Reuters that a deal was close. The officials also said "
         "talks would go on.", "unnamed-american-officials"),
        # "they": the last group that spoke; a pronoun wish carries on with that speaker
        ("European officials say that peace is distant. They also hope Trump will help.",
         "unnamed-european-officials"),
        ("Zelensky said the talks were hard. He wants the talks to continue.",
         "volodymyr-zelenskyy"),
        ("Macron said nothing was decided. Later he qualified that account: some would stay "
         "out.", "macron"),
    ],
)  # fmt: skip
def test_anaphora_and_continuation(seed: Corpus, text: str, speaker_of_last: str) -> None:
    sts = [s for s in _statements(text, seed, TUESDAY) if s["mode"] == "paraphrase"]
    assert sts[-1]["speaker"] == speaker_of_last


def test_also_said_keeps_the_occasion_a_fresh_attribution_does_not(seed: Corpus) -> None:
    text = (
        "American officials told Reuters on Monday that a deal was close. The officials also "
        "said talks would go on. After the summit, the officials said, nothing was signed."
    )
    sts = [s for s in _statements(text, seed, TUESDAY) if s["mode"] == "paraphrase"]
    assert [s["venue"]["kind"] for s in sts] == ["interview", "interview", "unspecified"]
    assert [str(s["date"]) for s in sts] == ["2025-12-15", "2025-12-15", "2025-12-16"]


@pytest.mark.parametrize(
    "text",
    [
        "He wants the talks to continue.",  # a wish with nobody reported before it
        "Russia wants Ukraine to withdraw.",  # a named subject's wish is the article's own
        "They hope for peace.",  # no group has spoken
    ],
)
def test_wishes_without_a_previous_speaker_are_not_statements(seed: Corpus, text: str) -> None:
    assert not [s for s in _statements(text, seed, TUESDAY) if s["mode"] != "narration"]


NEGOTIATION = (
    "US negotiators have offered Ukraine a draft peace plan, Reuters reports. The plan runs "
    "to 20 points. Ukraine would renounce ambitions to join NATO. These are Russian demands. "
    "Zelensky is expected to give an answer by Thursday. Twenty nations pledged to train "
    "Ukrainian forces, Rubio said. Zelensky praised the offer."
)


@pytest.fixture(scope="module")
def negotiation(seed: Corpus) -> Any:
    return draft_text(NEGOTIATION, TUESDAY, seed, source_id="case")


@pytest.mark.parametrize(
    ("rule", "fields"),
    [
        ("cue-proposal-plan", {"kind": "plan", "provision_count": 20, "status": "draft",
                               "proposers": ["united-states"]}),
        ("cue-concession-demanded", {"modality": "demanded", "demanded_by": ["russia"],
                                     "conceder": "ukraine"}),
        ("cue-provision-of-proposal", {"asks_of": ["ukraine"]}),
        ("cue-commitment-training_and_equipment", {"kind": "training_and_equipment",
                                                   "modality": "made"}),
        ("cue-response-welcomes", {"kind": "welcomes", "responder": "volodymyr-zelenskyy"}),
    ],
)  # fmt: skip
def test_negotiation_candidates(negotiation: Any, rule: str, fields: dict[str, Any]) -> None:
    c = next(c for c in negotiation.candidates if c.rule == rule)
    assert {k: c.fields.get(k) for k in fields} == fields


def test_a_later_mention_joins_the_proposal_and_brings_its_deadline(negotiation: Any) -> None:
    plans = [c for c in negotiation.candidates if c.kind == "proposal"]
    assert len(plans) == 1
    assert str(plans[0].fields["response_deadline"]) == "2025-12-18"
    assert len(plans[0].statements) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Kyiv was cold on Tuesday.",
        "Zelensky praised the weather.",  # praise of no offer or plan: no response
        "Officials discussed what a plan might contain.",  # no plan introduced
    ],
)
def test_no_negotiation_candidates(seed: Corpus, text: str) -> None:
    d = draft_text(text, TUESDAY, seed, source_id="case")
    assert not [c for c in d.candidates if c.kind in {"proposal", "response", "provision"}]


def test_accept_builds_proposal_with_its_provision_and_concession(negotiation: Any) -> None:
    by_rule = {c.rule: c for c in negotiation.candidates}
    plan = by_rule["cue-proposal-plan"]
    provision = by_rule["cue-provision-of-proposal"]
    concession = by_rule["cue-concession-demanded"]
    records = accept(negotiation, {
        plan.id: {"id": "us-draft-plan", "title": "US draft peace plan"},
        concession.id: {"id": "ukraine-renounces-nato", "conceded_to": ["russia"],
                        "topic": "nato-membership", "kind": "renunciation"},
        provision.id: {"id": "us-draft-plan-renounce-nato",
                       "concession": "ukraine-renounces-nato"},
    })  # fmt: skip
    [proposal] = records["proposals"]
    assert [p["id"] for p in proposal["provisions"]] == ["us-draft-plan-renounce-nato"]
    assert records["concessions"][0]["proposed_in"] == "us-draft-plan"
