"""Read an article safely and cut it into paragraphs and sentences with offsets.

The text must be what ``detente check`` accepts as a source text: UTF-8, not
empty, no NUL bytes (binary), under :data:`~schemas.texts.MAX_FILE_BYTES`.
Sentences come from pysbd (rule-based sentence boundaries, imported on first
use); their offsets are found again in the stored text, so they are exact.

>>> sents = sentences("He left. She said: \\u201cNo.\\u201d\\n\\nDone.")
>>> [(s.text, s.paragraph) for s in sents]
[('He left.', 0), ('She said: \\u201cNo.\\u201d', 0), ('Done.', 1)]
>>> parse_published("2025-08-17", today=dt.date(2025, 9, 1))
datetime.date(2025, 8, 17)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schemas.errors import DataError, Problem, UsageError
from schemas.texts import MAX_FILE_BYTES

__all__ = [
    "FOLD",
    "Sentence",
    "fold",
    "paragraphs",
    "parse_published",
    "read_article",
    "sentences",
]

# one-for-one folds (offsets unchanged): curly quotes to straight, dashes to '-'
FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_segmenter: Any = None


def fold(text: str) -> str:
    """``text`` with typographic quotes and dashes made plain, offsets unchanged.

    >>> fold("\\u201cYes\\u201d \\u2013 it\\u2019s")
    '"Yes" - it\\'s'
    """
    return text.translate(FOLD)


@dataclass(frozen=True)
class Sentence:
    """One sentence of body text: its offsets in the article and its paragraph number."""

    start: int
    end: int
    text: str
    paragraph: int


def read_article(path: str | Path) -> str:
    """The text of the article at ``path``; DataError (file, line, hint) when unusable.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"\\xff\\xfeA")
    >>> read_article(p)
    Traceback (most recent call last):
    ...
    schemas.errors.DataError: 1 problem in the data:
    ...a.txt:1: text: not UTF-8 (byte 0) (hint: convert the text to UTF-8)
    """
    file = Path(path)
    where = str(path)

    def problem(line: int, message: str, hint: str) -> DataError:
        return DataError([Problem(where, line, "text", message, hint)])

    if not file.is_file():
        raise problem(0, "no such file", "give the plain-text file of the article")
    try:
        raw = file.read_bytes()
    except OSError as err:
        raise problem(
            0, f"cannot read it: {err.strerror}", "check the file's permissions"
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise problem(0, f"over {MAX_FILE_BYTES:,} bytes", "store only the article's text")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise problem(line, "binary data (a NUL byte)", "give the article as plain UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise problem(line, f"not UTF-8 (byte {err.start})", "convert the text to UTF-8") from None
    if not text.strip():
        raise problem(1, "the text is empty", "give a file that holds the article's text")
    return text


def parse_published(value: str, today: dt.date | None = None) -> dt.date:
    """The ``--published`` date; UsageError when malformed or in the future.

    >>> parse_published("2025-13-01")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    schemas.errors.UsageError: --published: '2025-13-01' is not a date YYYY-MM-DD ...
    """
    try:
        day = dt.date.fromisoformat(value)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("write it as YYYY-MM-DD")
    except ValueError as err:
        raise UsageError(f"--published: {value!r} is not a date YYYY-MM-DD ({err})") from None
    limit = today or dt.date.today()
    if day > limit:
        raise UsageError(
            f"--published: {value} is in the future (today is {limit.isoformat()}); "
            "give the article's publication date"
        )
    return day


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: runs of non-blank lines.

    >>> paragraphs("a\\nb\\n\\nc")
    [(0, 3), (5, 6)]
    """
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def sentences(text: str, skip: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Every sentence of ``text``, paragraph by paragraph, outside the ``skip`` spans."""
    global _segmenter
    if _segmenter is None:
        import pysbd

        _segmenter = pysbd.Segmenter(language="en", clean=False)
    out: list[Sentence] = []
    blocked = skip or []
    for number, (a, b) in enumerate(paragraphs(text)):
        chunk = text[a:b]
        pos = 0
        for piece in _segmenter.segment(chunk):
            core = piece.strip()
            if not core:
                continue
            at = chunk.find(core, pos)
            if at < 0:  # pysbd changed the piece; fall back to its length
                at = pos
            start, end = a + at, a + at + len(core)
            pos = at + len(core)
            out.extend(_outside(text, start, end, number, blocked))
    return out


def _outside(
    text: str, start: int, end: int, paragraph: int, blocked: list[tuple[int, int]]
) -> list[Sentence]:
    """The parts of ``text[start:end]`` outside ``blocked`` spans, trimmed, as sentences."""
    parts = [(start, end)]
    for x, y in blocked:
        nxt: list[tuple[int, int]] = []
        for a, b in parts:
            if y <= a or b <= x:
                nxt.append((a, b))
                continue
            if a < x:
                nxt.append((a, x))
            if y < b:
                nxt.append((y, b))
        parts = nxt
    out = []
    for a, b in parts:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= 2:
            out.append(Sentence(a, b, text[a:b], paragraph))
    return out
