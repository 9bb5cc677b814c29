"""graph.options: the status words are the Corroboration vocabulary, strongest first."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.ask.status import Claim, derive_status
from graph.options import STATUSES, ClaimStatus
from graph.rdf.skos import concept_iri, member
from schemas.vocab import VOCABULARIES, Corroboration

DAY = dt.date(2025, 8, 17)
# claims that derive each status, as its definition words it
EXAMPLES = {
    Corroboration.CONFIRMED: [Claim(False, True, DAY), Claim(True, False, DAY)],
    Corroboration.DENIED: [Claim(False, False, DAY), Claim(True, True, DAY)],
    Corroboration.DISPUTED: [Claim(False, False, DAY), Claim(True, False, DAY)],
    Corroboration.CLAIMED: [Claim(False, False, DAY)],
}


def test_claim_status_is_the_corroboration_vocabulary() -> None:
    assert ClaimStatus is Corroboration
    assert Corroboration in VOCABULARIES
    assert ClaimStatus.CONFIRMED is Corroboration.CONFIRMED
    assert ClaimStatus("disputed") is Corroboration.DISPUTED


def test_statuses_go_strongest_first() -> None:
    assert STATUSES == ("confirmed", "denied", "disputed", "claimed")


@pytest.mark.parametrize("status", list(Corroboration), ids=str)
def test_each_status_is_derived_and_is_a_concept(status: Corroboration) -> None:
    assert derive_status(EXAMPLES[status]) is status
    assert member(concept_iri(status)) is status
    assert concept_iri(status).endswith(f"/vocab/corroboration-{status.value}")
