"""Every vocabulary member is defined; PLOVER notations are CAMEO root codes."""

from __future__ import annotations

import re

import pytest

from schemas.vocab import VOCABULARIES, Corroboration, Placement, PloverEvent, Vocabulary

MEMBERS = [(vocab, member) for vocab in VOCABULARIES for member in vocab]


@pytest.mark.parametrize(("vocab", "member"), MEMBERS, ids=[f"{v.__name__}.{m.name}" for v, m in MEMBERS])
def test_member_has_a_definition(vocab: type[Vocabulary], member: Vocabulary) -> None:
    assert member.definition.endswith("."), f"{vocab.__name__}.{member.name} needs a definition"
    assert re.fullmatch(r"[a-z_]+|[A-Z]+", member.value)


def test_plover_notations_are_cameo_roots() -> None:
    codes = [m.notation for m in PloverEvent if m.notation is not None]
    assert all(re.fullmatch(r"(0[1-9]|1[0-9]|20)", c) for c in codes)
    assert len(codes) == len(set(codes)), "each CAMEO root maps to one PLOVER type"


def test_placement_says_who_places_a_meeting_or_date() -> None:
    assert [m.value for m in Placement] == ["stated", "inferred"]
    assert "statement" in Placement.STATED.definition
    assert "curator" in Placement.INFERRED.definition


def test_corroboration_goes_strongest_first() -> None:
    assert [m.value for m in Corroboration] == ["confirmed", "denied", "disputed", "claimed"]
