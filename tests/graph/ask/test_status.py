"""The status rule (graph.ask.status): its cases, and the same verdict as the rule's plain reading."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.ask.rows import ClaimRow, Ref
from graph.ask.status import Claim, ClaimStatus, derive_status

D1, D2 = dt.date(2025, 8, 15), dt.date(2025, 8, 17)


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([], ClaimStatus.CLAIMED),
        ([Claim(False, False, D1)], ClaimStatus.CLAIMED),
        ([Claim(False, False, D1), Claim(True, False, D2)], ClaimStatus.DISPUTED),
        ([Claim(False, True, D1)], ClaimStatus.CONFIRMED),
        ([Claim(True, True, D1)], ClaimStatus.DENIED),
        # the conceder's side's latest word wins, whatever others say
        ([Claim(False, True, D1), Claim(True, True, D2)], ClaimStatus.DENIED),
        ([Claim(True, True, D1), Claim(False, True, D2)], ClaimStatus.CONFIRMED),
        ([Claim(False, True, D2), Claim(True, False, D2)], ClaimStatus.CONFIRMED),
        # on the same day, the side's denial outranks its assertion, in either order
        ([Claim(False, True, D1), Claim(True, True, D1)], ClaimStatus.DENIED),
        ([Claim(True, True, D1), Claim(False, True, D1)], ClaimStatus.DENIED),
    ],
)
def test_the_rule(claims: list[Claim], expected: ClaimStatus) -> None:
    assert derive_status(claims) is expected
    assert derive_status(iter(claims)) is expected  # any iterable, read once


def plain_reading(claims: list[Claim]) -> ClaimStatus:
    """The rule as its docstring words it: sort the side's words, take the last."""
    own = sorted((c for c in claims if c.conceder_side), key=lambda c: (c.date, c.denies))
    if own:
        return ClaimStatus.DENIED if own[-1].denies else ClaimStatus.CONFIRMED
    if any(c.denies for c in claims):
        return ClaimStatus.DISPUTED
    return ClaimStatus.CLAIMED


CLAIMS = st.lists(
    st.builds(Claim, st.booleans(), st.booleans(), st.dates(D1 - dt.timedelta(3), D2)),
    max_size=8,
)


@given(CLAIMS)
def test_agrees_with_the_plain_reading(claims: list[Claim]) -> None:
    assert derive_status(claims) is plain_reading(claims)


@given(CLAIMS)
def test_reads_query_rows_as_it_reads_claims(claims: list[Claim]) -> None:
    rows = [
        ClaimRow(
            f"s{i}", Ref("a", "A"), "CNN", c.date, "day", "q", "src", "", c.denies, c.conceder_side
        )
        for i, c in enumerate(claims)
    ]
    assert derive_status(rows) is derive_status(claims)
