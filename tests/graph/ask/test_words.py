"""The answer model: every modality and corroboration in words, and status only for what is made."""

from __future__ import annotations

import pytest

from graph.ask.words import MODALITY_PHRASE, answer, status_word
from graph.options import STATUSES

CORROBORATIONS = STATUSES
MODALITIES = tuple(MODALITY_PHRASE)


@pytest.mark.parametrize("corroboration", CORROBORATIONS)
@pytest.mark.parametrize("modality", MODALITIES)
def test_every_combination_opens_with_its_modality(modality: str, corroboration: str) -> None:
    said = answer(modality, corroboration, "Ukraine", claimants=["NPR"], demanded_by=["Russia"],
                  proposed_in="the 28-point plan")  # fmt: skip
    opening = MODALITY_PHRASE[modality].format(
        conceder="Ukraine", demanded_by="Russia", proposed_in="the 28-point plan"
    )
    assert said.startswith(opening)
    assert "NPR" in said


@pytest.mark.parametrize("corroboration", CORROBORATIONS)
@pytest.mark.parametrize("modality", MODALITIES)
def test_status_is_corroboration_only_for_what_is_made(modality: str, corroboration: str) -> None:
    word = status_word(modality, corroboration)
    if modality == "made":
        assert word == corroboration
    else:
        assert word == modality and word not in CORROBORATIONS


@pytest.mark.parametrize("modality", [m for m in MODALITIES if m != "made"])
def test_nothing_unmade_reads_as_confirmed(modality: str) -> None:
    said = answer(modality, "confirmed", "United States", claimants=["Donald Trump"])
    assert "confirmed" not in said


@pytest.mark.parametrize(
    ("corroboration", "words"),
    [
        ("confirmed", "made, confirmed by the conceder's side (A)"),
        ("denied", "made, claimed by A; denied by the conceder's side"),
        ("disputed", "made, claimed by A; disputed by others"),
        ("claimed", "made, claimed by A"),
    ],
)
def test_made_in_words(corroboration: str, words: str) -> None:
    assert answer("made", corroboration, "Russia", claimants=["A"]) == words


def test_demanded_names_who_demands_it_of_whom() -> None:
    said = answer("demanded", "claimed", "Ukraine", demanded_by=["Russia", "United States"],
                  claimants=["Charles Maynes"])  # fmt: skip
    assert said == "demanded of Ukraine by Russia, United States; claimed by Charles Maynes"


def test_a_hypothetical_from_the_conceder_side_is_floated_not_confirmed() -> None:
    said = answer("hypothetical", "confirmed", "United States", claimants=["Marco Rubio"])
    assert said.startswith("hypothetical: floated by the conceder's side (Marco Rubio)")
    assert said.endswith("not a concession made")
