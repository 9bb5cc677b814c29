"""The answer model: the words every surface uses for a concession's standing.

Two things are derived for each concession, and they are said together:

* its **modality**, curated from its claims: ``made``, ``offered``,
  ``hypothetical``, ``demanded``, ``proposed`` or ``expected``;
* its **corroboration**, derived from who asserts it (:mod:`graph.ask.status`):
  ``confirmed`` (the conceder's side asserts it), ``denied`` (the conceder's side
  denies it), ``disputed`` (only others deny it) or ``claimed``.

Status keeps its derived meaning only for what is reported as done: the
**status** of a concession is its corroboration when its modality is ``made``,
and its modality otherwise. So a hypothetical floated by the conceder's own side
has status ``hypothetical``, never ``confirmed``, and ``--status confirmed``
returns only concessions reported as made. The **answer** is one phrase, modality
first, that tables, JSON, CSV, notebooks, figures and ``detente check`` print alike.

>>> answer("made", "claimed", "Russia", claimants=["Steve Witkoff"])
'made, claimed by Steve Witkoff'
>>> answer("hypothetical", "confirmed", "United States", claimants=["Donald Trump"])
"hypothetical: floated by the conceder's side (Donald Trump); not a concession made"
>>> answer("demanded", "claimed", "Ukraine", demanded_by=["Russia"], claimants=["NPR"])
'demanded of Ukraine by Russia; claimed by NPR'
>>> status_word("hypothetical", "confirmed"), status_word("made", "confirmed")
('hypothetical', 'confirmed')
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["MADE", "MODALITY_PHRASE", "TABLE_WORDS", "answer", "status_word", "table_word"]

MADE = "made"
"""The one modality whose status is its corroboration."""

MODALITY_PHRASE = {
    "made": "made",
    "offered": "offered by {conceder}",
    "hypothetical": "hypothetical",
    "demanded": "demanded of {conceder} by {demanded_by}",
    "proposed": "proposed in {proposed_in}",
    "expected": "expected, not yet made",
}
"""How each modality opens the answer."""

_OTHERWISE = {
    "confirmed": "said by the conceder's side ({claimants})",
    "denied": "claimed by {claimants}; denied by the conceder's side",
    "disputed": "claimed by {claimants}; disputed by others",
    "claimed": "claimed by {claimants}",
}
_CORROBORATION = {
    "confirmed": "confirmed by the conceder's side ({claimants})",
    "denied": "claimed by {claimants}; denied by the conceder's side",
    "disputed": "claimed by {claimants}; disputed by others",
    "claimed": "claimed by {claimants}",
}


TABLE_WORDS = {
    "made": "concedes ({corroboration})",
    "offered": "offers ({corroboration})",
    "hypothetical": "floats (hypothetical)",
    "demanded": "is asked to concede (demanded)",
    "proposed": "is asked to concede (proposed)",
    "expected": "is expected to concede",
}
"""A concession in a topic's negotiating table, from the conceder's row: modality first."""


def table_word(modality: str, corroboration: str) -> str:
    """The conceder's cell in a topic table.

    >>> table_word("made", "claimed"), table_word("demanded", "claimed")
    ('concedes (claimed)', 'is asked to concede (demanded)')
    """
    return TABLE_WORDS.get(modality, modality).format(corroboration=corroboration)


def status_word(modality: str, corroboration: str) -> str:
    """A concession's status: its corroboration when made, else its modality."""
    return corroboration if modality == MADE else modality


def answer(
    modality: str,
    corroboration: str,
    conceder: str,
    *,
    claimants: Sequence[str] = (),
    demanded_by: Sequence[str] = (),
    proposed_in: str | None = None,
) -> str:
    """The one phrase for a concession's standing: modality first, then who says so.

    ``claimants`` are the names of the independent voices that assert it (see
    :func:`graph.ask.claims.counted`); ``demanded_by`` the names of those said to
    demand it; ``proposed_in`` the title of the proposal that carries it.

    >>> answer("made", "confirmed", "Russia", claimants=["Vladimir Putin"])
    "made, confirmed by the conceder's side (Vladimir Putin)"
    >>> answer("offered", "claimed", "United States", claimants=["US officials"])
    'offered by United States; claimed by US officials'
    >>> answer("offered", "confirmed", "United States", claimants=["US officials"])
    "offered by United States; said by the conceder's side (US officials)"
    >>> answer("expected", "disputed", "United States", claimants=["Emmanuel Macron"])
    'expected, not yet made; claimed by Emmanuel Macron; disputed by others'
    >>> answer("proposed", "claimed", "Ukraine", proposed_in="the 28-point plan",
    ...        claimants=["NPR"])
    'proposed in the 28-point plan; claimed by NPR'
    """
    who = ", ".join(claimants) or "no one named"
    if modality == MADE:
        return "made, " + _CORROBORATION[corroboration].format(claimants=who)
    opening = MODALITY_PHRASE.get(modality, modality).format(
        conceder=conceder,
        demanded_by=", ".join(demanded_by) or "another party",
        proposed_in=proposed_in or "a proposal",
    )
    if modality == "hypothetical":
        side = "the conceder's side" if corroboration == "confirmed" else who
        return (
            f"{opening}: floated by {side}"
            + (f" ({who})" if corroboration == "confirmed" else "")
            + "; not a concession made"
        )
    return f"{opening}; " + _OTHERWISE[corroboration].format(claimants=who)
