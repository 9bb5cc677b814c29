"""One record whole (graph.ask.cards): fields, notes, claims with offsets, a quote in its text."""

from __future__ import annotations

import json

import pytest

from graph.ask.cards import show
from schemas import Corpus
from schemas.errors import NotFoundError

RUSSIA_LAW = "russia-legislated-no-seizure-pledge"


def test_a_concession_card_lists_its_fields_note_and_claims(seed: Corpus) -> None:
    card = show(seed, RUSSIA_LAW)
    assert card.section == "concessions"
    assert card.fields["conceder"] == "russia" and card.fields["modality"] == "made"
    assert "id" not in card.fields and "note" not in card.fields
    assert card.note is not None and "What Concessions Did Putin Make" in card.note
    assert [c.statement for c in card.claims] == [
        "witkoff-fox-legislated-pledge-paraphrase",
        "witkoff-fox-legislated-pledge-quote",
    ]
    text = seed.texts[seed.statements[card.claims[0].statement].source]
    for claim in card.claims:
        assert claim.start is not None and claim.end is not None
        assert text[claim.start : claim.end] == seed.statements[claim.statement].evidence.exact  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("statement", "before"),
    [
        ("putin-suggested-kyiv-security", "Although Russia continues to oppose"),
        ("witkoff-cnn-won-concession", ""),
    ],
)
def test_a_statement_card_shows_its_quote_in_its_sentence(
    seed: Corpus, statement: str, before: str
) -> None:
    card = show(seed, statement)
    assert card.context is not None
    st = seed.statements[statement]
    assert st.evidence is not None
    assert card.context.quote == st.evidence.exact
    assert (card.context.start, card.context.end) == (st.evidence.start, st.evidence.end)
    assert card.context.before.startswith(before)
    text = seed.texts[st.source]
    joined = card.context.before + card.context.quote + card.context.after
    assert joined in text


def test_nothing_is_cut_in_the_lines_or_json(seed: Corpus) -> None:
    card = show(seed, RUSSIA_LAW)
    text = "\n".join(card.lines())
    for claim in card.claims:
        assert claim.quote in text
    assert card.note is not None and card.note in text
    data = json.loads(card.to_json())
    assert data["claims"][1]["quote"] == card.claims[1].quote
    assert data["claims"][0]["relation"] == "supports"


def test_an_unknown_id_names_the_closest(seed: Corpus) -> None:
    with pytest.raises(NotFoundError) as err:
        show(seed, "russia-legislated")
    assert RUSSIA_LAW in err.value.candidates
