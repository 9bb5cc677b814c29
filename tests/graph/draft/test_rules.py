"""Each rule family of graph.draft, with texts that should yield nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.draft import draft_text
from graph.draft.dates import find_date
from graph.draft.furniture import propose_furniture
from schemas import Corpus

SUNDAY = dt.date(2025, 8, 17)


@pytest.fixture(scope="module")
def registry(seed: Corpus) -> Corpus:
    return seed


def _draft(text: str, corpus: Corpus, day: dt.date = SUNDAY):
    return draft_text(text, day, corpus, source_id="case")


def _by_speaker(text: str, corpus: Corpus) -> list[tuple[str, str, str]]:
    return [
        (s["speaker"], s["mode"], s["text"])
        for s in _draft(text, corpus).statements
        if s["mode"] != "narration"
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "passage"),
    [
        (
            "\u201cWe won the point,\u201d Witkoff told CNN.",
            "steve-witkoff",
            "\u201cWe won the point,\u201d Witkoff told CNN.",
        ),
        (
            '"We won the point," Witkoff told CNN.',
            "steve-witkoff",
            '"We won the point," Witkoff told CNN.',
        ),
        (
            'Putin said: "We are ready to work on this together."',
            "vladimir-putin",
            '"We are ready to work on this together."',
        ),
        (
            '"We won," said Rubio. "And we will win again tomorrow."',
            "marco-rubio",
            '"We won," said Rubio. "And we will win again tomorrow."',
        ),
        (
            "\u201cThe first part of it runs on and on\n\n\u201cand the second part ends here.\u201d Rubio said.",
            None,
            None,
        ),
    ],
)
def test_direct_quote_forms(
    registry: Corpus, text: str, speaker: str | None, passage: str | None
) -> None:
    found = _by_speaker(text, registry)
    if speaker is None:
        return
    assert (speaker, "direct_quote", passage) in found


def test_quote_over_paragraphs_is_one_statement(registry: Corpus) -> None:
    text = (
        'Rubio said: "We made progress on the main points today.\n\n'
        '"And we will keep going until we have an agreement."'
    )
    [st] = [s for s in _draft(text, registry).statements if s["mode"] == "direct_quote"]
    assert st["speaker"] == "marco-rubio" and st["text"].endswith('agreement."')
    assert "\n\n" in st["text"]


def test_unattributed_quote_paragraph_continues_the_speaker(registry: Corpus) -> None:
    text = '"We made some progress on it," Rubio told CNN.\n\n"Now we have to follow up on that progress."'
    found = _draft(text, registry).statements
    assert [(s["speaker"], s["venue"].get("outlet")) for s in found] == [("marco-rubio", "cnn")] * 2


@pytest.mark.parametrize(
    ("text", "speaker", "outlet"),
    [
        ("Witkoff said that Moscow had accepted the terms of the deal.", "steve-witkoff", None),
        (
            "Witkoff told CNN that Moscow had accepted the terms of the deal.",
            "steve-witkoff",
            "cnn",
        ),
        ("Moscow had accepted the terms of the deal, according to Rubio.", "marco-rubio", None),
        ("Moscow had accepted the terms of the deal, Reuters reports.", "reuters", "reuters"),
        (
            "Moscow had accepted the terms, a person familiar with the call told AFP.",
            "unnamed-person-familiar-with-the-call",
            "afp",
        ),
        ("Trump wrote on social media that the talks had gone very well.", "donald-trump", None),
    ],
)
def test_attribution_cues(registry: Corpus, text: str, speaker: str, outlet: str | None) -> None:
    d = _draft(text, registry)
    [st] = [s for s in d.statements if s["mode"] == "paraphrase"]
    assert st["speaker"] == speaker
    assert st["venue"].get("outlet") == outlet
    assert st["text"] in text


def test_social_media_venue(registry: Corpus) -> None:
    [st] = _draft(
        "Trump wrote on social media that the talks had gone very well.", registry
    ).statements
    assert st["venue"]["kind"] == "social_media"


@pytest.mark.parametrize(
    ("text", "speaker", "rule"),
    [
        (
            "Putin arrived late. He said the talks had been useful for both sides.",
            "vladimir-putin",
            "pronoun-nearest-person",
        ),
        (
            "Trump spoke first. The president said the talks had been useful.",
            "donald-trump",
            "registry-name",
        ),
        (
            "German Chancellor Friedrich Merz arrived. The chancellor said the offer was remarkable.",
            "friedrich-merz",
            "title-nearest-holder",
        ),
    ],
)
def test_pronoun_and_title_resolution(registry: Corpus, text: str, speaker: str, rule: str) -> None:
    [st] = [s for s in _draft(text, registry).statements if s["mode"] == "paraphrase"]
    assert st["speaker"] == speaker and rule in st["note"]


def test_new_name_becomes_a_new_actor_with_its_surface_form(registry: Corpus) -> None:
    d = _draft(
        "Foreign Minister Andrii Sybiha said that Kyiv would not cede land. "
        "Sybiha said the talks would go on.",
        registry,
    )
    assert {s["speaker"] for s in d.statements if s["mode"] == "paraphrase"} == {"andrii-sybiha"}
    [actor] = d.actors
    assert actor["name"] == "Andrii Sybiha" and "Foreign Minister Andrii Sybiha" in actor["aliases"]


def test_unnamed_source_is_never_guessed(registry: Corpus) -> None:
    d = _draft(
        "Witkoff arrived. A senior official said that Moscow had moved on the issue.", registry
    )
    [st] = [s for s in d.statements if s["mode"] == "paraphrase"]
    assert st["speaker"].startswith("unnamed-") and st["speaker"] != "steve-witkoff"


@pytest.mark.parametrize(
    ("text", "day", "date", "precision"),
    [
        ("Rubio said on Friday that the talks were useful.", SUNDAY, dt.date(2025, 8, 15), "day"),
        ("Rubio said yesterday that the talks were useful.", SUNDAY, dt.date(2025, 8, 16), "day"),
        ("Rubio said that the talks were useful.", SUNDAY, SUNDAY, "not_after"),
        ("Rubio said on Sunday that the talks were useful.", SUNDAY, SUNDAY, "day"),
    ],
)
def test_statement_dates(
    registry: Corpus, text: str, day: dt.date, date: dt.date, precision: str
) -> None:
    [st] = _draft(text, registry, day).statements
    assert st["date"] == date
    assert st.get("date_precision", "day") == precision


def test_tomorrow_inside_a_quote_is_relative_to_when_it_was_said() -> None:
    said = dt.date(2025, 8, 15)
    assert find_date("We will talk about it tomorrow", said).date == dt.date(2025, 8, 16)


def test_date_inside_quote_nested_speech(registry: Corpus) -> None:
    text = (
        'Putin said on Friday: "I agree with President Trump. He said today that peace must come."'
    )
    d = _draft(text, registry)
    nested = [s for s in d.statements if s.get("reported_by")]
    assert [(s["speaker"], s["date"]) for s in nested] == [("donald-trump", dt.date(2025, 8, 15))]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("date 2025-08-17 Body text here.", "date-stamp"),
        ("Body.\n\nAlso Read: Another Story About Putin\n", "link-title"),
        ("Body.\n\nPhoto caption: Putin in Alaska on Friday.\n", "photo-caption"),
        ("Headline\n\nSeptember 5, 2025\n\nBody.", "dateline"),
    ],
)
def test_furniture(text: str, rule: str) -> None:
    assert [f.rule for f in propose_furniture(text)] == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "The talks went on all day and ended without a deal.",  # no quotes
        '"We will never accept this kind of deal at all."',  # a quote with no speaker
        "The weather was fine.\n\nAlso Read: Witkoff Says Putin Agreed To Everything\n",  # link title
        'Leaders of the so-called "coalition of the willing" arrived in Paris.',  # scare quotes
    ],
)
def test_texts_that_yield_no_speech(registry: Corpus, text: str) -> None:
    d = _draft(text, registry)
    assert [s for s in d.statements if s["mode"] != "narration"] == []


def test_name_only_in_a_link_title_is_no_unknown_name(registry: Corpus) -> None:
    d = _draft("The weather was fine.\n\nAlso Read: Olaf Scholz Speaks Out\n", registry)
    assert d.unknown_names == [] and d.actors == []


def test_unknown_names_have_offsets_and_closest_actors(registry: Corpus) -> None:
    text = "Then Jared Kushner met Zelenski in Berlin."
    d = _draft(text, registry)
    names = {u["name"]: u for u in d.unknown_names}
    assert text[names["Jared Kushner"]["offsets"][0] :].startswith("Jared Kushner")
    assert any(h.startswith("volodymyr-zelenskyy") for h in names["Zelenski"]["closest"])


def test_every_statement_carries_its_rule_and_candidates_their_cue(registry: Corpus) -> None:
    d = _draft(registry.texts["seed-2025-08-17-nato-like-guarantees"], registry)
    assert all(s["note"].startswith("drafted: rule ") for s in d.statements)
    assert d.candidates and all(c.cue and c.rule and c.statements for c in d.candidates)
    kinds = {c.kind for c in d.candidates}
    assert {"meeting", "concession", "position"} <= kinds


def test_meeting_candidates_status(registry: Corpus) -> None:
    d = _draft(registry.texts["seed-2025-08-17-nato-like-guarantees"], registry)
    status = {c.fields["status"] for c in d.candidates if c.kind == "meeting"}
    assert {"held", "planned"} <= status
