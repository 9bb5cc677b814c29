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

from collections.abc import Sequence
from difflib import SequenceMatcher

from schemas.models import Evidence

__all__ = ["CONTEXT", "NormalText", "closest_passage", "locate", "normalise"]

CONTEXT = 32
_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}


class NormalText:
    """A text folded for matching, with a map from folded to original offsets."""

    __slots__ = ("folded", "origin", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        out: list[str] = []
        origin: list[int] = []
        space = False
        for i, ch in enumerate(text):
            if ch.isspace():
                if not space and out:
                    out.append(" ")
                    origin.append(i)
                space = True
                continue
            space = False
            folded = _FOLD.get(ch, ch)
            out.append(folded)
            origin.extend([i] * len(folded))
        self.folded = "".join(out)
        self.origin = origin

    def find(self, needle: str, start: int = 0) -> tuple[int, int] | None:
        """Original ``(start, end)`` of the first folded match at or after ``start``."""
        folded_needle = normalise(needle)
        if not folded_needle:
            return None
        lo = _folded_index(self.origin, start)
        at = self.folded.find(folded_needle, lo)
        if at < 0:
            return None
        return self.origin[at], self.origin[at + len(folded_needle) - 1] + 1


def _folded_index(origin: Sequence[int], offset: int) -> int:
    from bisect import bisect_left

    return bisect_left(origin, offset)


def normalise(text: str) -> str:
    """Fold quotes, dashes, ellipses and white space; strip the ends."""
    return NormalText(text).folded.strip()


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


def closest_passage(quote: str, text: str) -> str:
    """The stretch of ``text`` most like ``quote``, for 'did you mean' hints."""
    norm = NormalText(text)
    needle = normalise(quote)
    if not needle or not norm.folded:
        return ""
    matcher = SequenceMatcher(None, norm.folded, needle, autojunk=False)
    block = matcher.find_longest_match(0, len(norm.folded), 0, len(needle))
    lo = max(0, block.a - block.b)
    hi = min(len(norm.folded), lo + len(needle))
    while lo > 0 and norm.folded[lo - 1] != " ":
        lo -= 1
    while hi < len(norm.folded) and norm.folded[hi] != " ":
        hi += 1
    passage = text[norm.origin[lo] : norm.origin[hi - 1] + 1] if hi > lo else ""
    return " ".join(passage.split())
