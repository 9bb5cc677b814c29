"""Propose furniture: passages of an article that are not body text.

Link titles ("Also Read: ...", "Read more: ..."), photo captions and credits,
a leading ``date YYYY-MM-DD`` stamp, a dateline line that holds only a
publisher and a date, and a leading notice line ("RESTATEMENT, NOT THE
ORIGINAL TEXT: ..."). No statement may be anchored in them.

>>> [f.text for f in propose_furniture("date 2025-08-17 Body.\\n\\nAlso Read: Other story\\n")]
['date 2025-08-17', 'Also Read: Other story']
>>> propose_furniture("Body only. Nothing else.")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Furniture", "is_heading", "propose_furniture"]

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTHS} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTHS},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
# (rule, pattern): each matches one whole line, or a stamp at the start of the text
_LINE_RULES = [
    (
        "link-title",
        re.compile(
            r"^(?:Also Read|Read More|Read Also|Related|See Also|Watch|Recommended|"
            r"Also read|Read more|More on this|Read next)\s*[:|\-]\s*\S.*$",
            re.MULTILINE,
        ),
    ),
    (
        "photo-caption",
        re.compile(
            r"^(?:Photo(?: caption)?|Image(?: caption)?|Caption|File photo|Photograph|"
            r"Photo credit|Picture)\s*[:|]\s*\S.*$",
            re.MULTILINE | re.IGNORECASE,
        ),
    ),
    (
        "dateline",
        re.compile(
            rf"^(?:[A-Z][\w&.' -]{{0,40}},\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*)?"
            rf"{_DATE}\.?(?:\s*(?:Transcript|Updated|Published)\.?)?\s*$",
            re.MULTILINE,
        ),
    ),
    ("notice", re.compile(r"\A[A-Z][A-Z ,'-]{6,60}:\s.*$", re.MULTILINE)),
]
_STAMP = re.compile(r"\A\s*(date\s+\d{4}-\d{2}-\d{2})\b")


@dataclass(frozen=True)
class Furniture:
    """A proposed furniture passage: verbatim text, offsets and the rule that found it."""

    text: str
    start: int
    end: int
    rule: str


def propose_furniture(text: str) -> list[Furniture]:
    """Every furniture passage found in ``text``, in text order, without overlaps."""
    found: list[Furniture] = []
    stamp = _STAMP.match(text)
    if stamp:
        found.append(Furniture(stamp.group(1), *stamp.span(1), "date-stamp"))
    for rule, pattern in _LINE_RULES:
        for m in pattern.finditer(text):
            line = m.group(0).rstrip()
            if rule == "dateline" and len(line.split()) > 10:
                continue
            found.append(Furniture(line, m.start(), m.start() + len(line), rule))
    found.sort(key=lambda f: f.start)
    out: list[Furniture] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def is_heading(sentence: str, paragraph: str) -> bool:
    """True for a headline or cross-head: a one-line paragraph without closing punctuation.

    >>> is_heading("Trump-Putin Alaska Summit", "Trump-Putin Alaska Summit")
    True
    >>> is_heading("He left.", "He left.")
    False
    """
    line = paragraph.strip()
    if "\n" in line or sentence.strip() != line:
        return False
    if line.endswith("?") and len(line.split()) <= 16 and line[:1] not in '"\u201c':
        return True
    return not re.search(r"[.!\"\u201d:]$", line) and len(line.split()) <= 20
