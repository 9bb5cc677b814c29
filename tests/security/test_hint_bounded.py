"""The closest-passage hint compares bounded stretches, never a whole big text (issue 18 #9).

No timing here (benchmarks/bench_hint.py prints seconds): the test records what the
matcher is asked to compare, which was the whole text, 1.2 s per MB per missing quote.
"""

from __future__ import annotations

import difflib
from typing import ClassVar

import pytest

import schemas.evidence as evidence

QUOTE = "We were able to win the following concession: that the Russians agreed"


class Recording(difflib.SequenceMatcher):  # type: ignore[type-arg]
    sizes: ClassVar[list[int]] = []

    def __init__(self, isjunk: object, a: str, b: str, autojunk: bool = True) -> None:
        Recording.sizes.append(len(a))
        super().__init__(isjunk, a, b, autojunk=autojunk)  # type: ignore[arg-type]


@pytest.mark.parametrize("megabytes", [1, 5])
def test_a_big_text_is_compared_in_bounded_windows(
    monkeypatch: pytest.MonkeyPatch, megabytes: int
) -> None:
    filler = "the talks went on and nobody agreed to anything at all today. "
    text = filler * (megabytes * 1_000_000 // len(filler))
    text += "Officials said: we were able to win some concession, they claimed. " + filler
    monkeypatch.setattr(evidence, "SequenceMatcher", Recording)
    Recording.sizes = []
    hint = evidence.closest_passage(QUOTE, text)
    assert "concession" in hint
    assert Recording.sizes and max(Recording.sizes) <= 3 * 300
    assert len(Recording.sizes) <= 12 * 8


def test_a_short_text_is_compared_whole() -> None:
    text = "He said, \u201cWe won \u2013 truly.\u201d Then left."
    assert evidence.closest_passage("We wun - truly", text) == "\u201cWe won \u2013 truly.\u201d"
