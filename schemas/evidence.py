"""Anchor verbatim quotes in stored source text.

Curators paste quotes from web pages, so typographic variants must not make
a true quote fail: curly and straight quotes, the dash family, the ellipsis
and runs of white space are folded before matching. Offsets always refer to
the stored text as it is.

>>> text = "He said, \\u201cWe won \\u2013 truly.\\u201d Then left."
>>> ev = locate('"We won - truly."', text)
>>> ev.exact, ev.start, ev.end
('\\u201cWe won \\u2013 truly.\\u201d', 9, 26)
>>> locate("We lost", text) is None
True
>>> closest_passage("We wun - truly", text) == "\\u201cWe won \\u2013 truly.\\u201d"
True
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import overload

from schemas.models import Evidence

__all__ = ["CONTEXT", "WHOLE_TEXT_HINT", "NormalText", "closest_passage", "locate", "normalise"]

CONTEXT = 32
_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}
# one-for-one folds, and every white-space character (all lie below U+3001) to a space
_TABLE = str.maketrans(
    {
        **{k: v for k, v in _FOLD.items() if len(v) == 1},
        **dict.fromkeys((c for c in map(chr, range(0x3001)) if c.isspace()), " "),
    }
)
_SHIFTING = re.compile(" {2,}|\u2026")  # what changes offsets once _TABLE is applied
_SPACES = re.compile(" {2,}")


class NormalText:
    """A text folded for matching, with a map from folded to original offsets.

    The map is kept as runs (folded start, shift): within a run, folded offset
    ``f`` stands for original offset ``f + shift``. A text without runs of
    white space or ellipses is one run, so building it costs two C passes.
    """

    __slots__ = ("_runs", "_shifts", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        flat = text.translate(_TABLE)  # one-for-one folds: offsets unchanged
        pieces: list[str] = []
        runs, shifts = [0], [0]
        pos = len(flat) - len(flat.lstrip(" "))  # leading white space is dropped
        shifts[0] = pos
        folded_at = 0
        for match in _SHIFTING.finditer(flat, pos):
            a, b = match.span()
            pieces.append(flat[pos:a])
            folded_at += a - pos
            if flat[a] == " ":  # a run of white space becomes one space, at its first
                pieces.append(" ")
                folded_at += 1
            else:  # an ellipsis becomes three dots, each at the ellipsis
                pieces.append("...")
                runs += [folded_at + 1, folded_at + 2]
                shifts += [a - folded_at - 1, a - folded_at - 2]
                folded_at += 3
            runs.append(folded_at)
            shifts.append(b - folded_at)
            pos = b
        pieces.append(flat[pos:])
        self.folded = "".join(pieces)
        self._runs, self._shifts = runs, shifts

    @property
    def origin(self) -> Sequence[int]:
        """Original offset of each folded offset (a read-only sequence)."""
        return _Origin(self)

    def original(self, at: int) -> int:
        """Original offset of the folded offset ``at``."""
        return at + self._shifts[bisect_right(self._runs, at) - 1]

    def find(self, needle: str, start: int = 0) -> tuple[int, int] | None:
        """Original ``(start, end)`` of the first folded match at or after ``start``."""
        folded_needle = normalise(needle)
        if not folded_needle:
            return None
        lo = bisect_left(self.origin, start) if start else 0
        at = self.folded.find(folded_needle, lo)
        if at < 0:
            return None
        return self.original(at), self.original(at + len(folded_needle) - 1) + 1


class _Origin(Sequence[int]):
    """``NormalText.origin`` computed on demand from its runs."""

    def __init__(self, norm: NormalText) -> None:
        self.norm = norm

    def __len__(self) -> int:
        return len(self.norm.folded)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self.norm.original(index % len(self))


def normalise(text: str) -> str:
    """Fold quotes, dashes, ellipses and white space; strip the ends."""
    flat = text.translate(_TABLE).replace("\u2026", "...")
    return _SPACES.sub(" ", flat).strip(" ")


def locate(
    quote: str,
    text: str | NormalText,
    excluded: Sequence[tuple[int, int]] = (),
) -> Evidence | None:
    """Evidence for the first occurrence of ``quote`` in ``text`` outside ``excluded`` spans."""
    norm = text if isinstance(text, NormalText) else NormalText(text)
    start = 0
    while (span := norm.find(quote, start)) is not None:
        if not any(a < span[1] and span[0] < b for a, b in excluded):
            return evidence_at(norm.text, *span)
        start = span[0] + 1
    return None


def evidence_at(text: str, start: int, end: int) -> Evidence:
    """The OA-style selector data for ``text[start:end]``."""
    return Evidence(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


WHOLE_TEXT_HINT = 20_000
"""Texts up to this many characters are searched whole for a hint; longer ones by windows."""

_WORD = re.compile(r"\w{3,}")
_WORDS_TRIED = 12
_PLACES_PER_WORD = 8


def closest_passage(quote: str, text: str | NormalText) -> str:
    """The stretch of ``text`` most like ``quote``, for 'did you mean' hints.

    The work is bounded whatever the text's size: a text over
    :data:`WHOLE_TEXT_HINT` characters is not compared whole, but around the
    first few places where the quote's longest words occur (a dozen words, eight
    places each, found by ``str.find``), so a hint on a 50 MB text costs a few
    scans of it rather than a comparison with every character.
    """
    norm = text if isinstance(text, NormalText) else NormalText(text)
    needle = normalise(quote)[:300]  # a hint needs no more; keeps a huge quote cheap
    folded = norm.folded
    if not needle or not folded:
        return ""
    best: tuple[int, int, int] | None = None  # (size, start in folded, start in needle)
    for lo, hi in _windows(folded, needle):
        matcher = SequenceMatcher(None, folded[lo:hi], needle, autojunk=False)
        block = matcher.find_longest_match(0, hi - lo, 0, len(needle))
        if best is None or block.size > best[0]:
            best = (block.size, lo + block.a, block.b)
    if best is None or best[0] == 0:
        return ""
    lo = max(0, best[1] - best[2])
    hi = min(len(folded), lo + len(needle))
    while lo > 0 and folded[lo - 1] != " ":
        lo -= 1
    while hi < len(folded) and folded[hi] != " ":
        hi += 1
    passage = norm.text[norm.original(lo) : norm.original(hi - 1) + 1] if hi > lo else ""
    return " ".join(passage.split())


def _windows(folded: str, needle: str) -> list[tuple[int, int]]:
    """Stretches of ``folded`` worth comparing with ``needle`` (the whole of a short text)."""
    if len(folded) <= WHOLE_TEXT_HINT:
        return [(0, len(folded))]
    words = sorted(set(_WORD.findall(needle)), key=lambda w: (-len(w), w))[:_WORDS_TRIED]
    spans: list[tuple[int, int]] = []
    for word in words:
        at = folded.find(word)
        for _ in range(_PLACES_PER_WORD):
            if at < 0:
                break
            spans.append((max(0, at - len(needle)), min(len(folded), at + 2 * len(needle))))
            at = folded.find(word, at + 1)
    return sorted(set(spans)) or [(0, min(len(folded), WHOLE_TEXT_HINT))]
