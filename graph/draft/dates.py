"""Resolve the date words of news ("on Friday", "yesterday", "tomorrow") to absolute dates.

Dates resolve against a reference day: the publication date for the
article's own words, or the day a quote was said for the words inside it.
A weekday named for something said is the latest such day on or before the
reference; for something ahead ("will meet on Monday") it is the next one.

>>> sunday = dt.date(2025, 8, 17)
>>> guess = find_date("Putin met Trump in Alaska on Friday", sunday)
>>> guess.date, guess.precision, guess.note
(datetime.date(2025, 8, 15), 'day', "'on Friday' before Sunday 2025-08-17")
>>> find_date("That's what we'll talk about tomorrow.", sunday).date
datetime.date(2025, 8, 18)
>>> find_date("We will meet on Monday", sunday, ahead=True).date
datetime.date(2025, 8, 18)
>>> find_date("no date here", sunday) is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["WEEKDAYS", "DateGuess", "find_date", "not_after"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan january", "feb february", "mar march", "apr april", "may", "jun june",
            "jul july", "aug august", "sep sept september", "oct october", "nov november",
            "dec december",
        ]
    )
    for m in names.split()
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERN = re.compile(
    r"(?i)\b(?P<cue>"
    r"(?P<rel>yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|"
    r"last night|earlier today|the day before)"
    rf"|(?:(?:on|last|this|next|by|until|from|since)\s+)?(?P<wd>{'|'.join(WEEKDAYS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:on\s+)?(?P<mon>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    r")\b"
)
_OFFSETS = {
    "yesterday": -1,
    "last night": -1,
    "the day before": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "tomorrow": 1,
}


@dataclass(frozen=True)
class DateGuess:
    """A resolved date, its precision, how it was resolved and the words that gave it."""

    date: dt.date
    precision: str
    note: str
    cue: str


def not_after(day: dt.date) -> DateGuess:
    """The guess when no date is stated: said on or before ``day``."""
    return DateGuess(day, "not_after", "no date stated; not after the publication date", "")


def find_date(text: str, reference: dt.date, ahead: bool = False) -> DateGuess | None:
    """The first date expression in ``text`` resolved against ``reference``, else None.

    ``ahead`` resolves a bare weekday forward (plans, deadlines) instead of back.
    """
    for m in _PATTERN.finditer(text):
        cue = m.group("cue")
        day = _resolve(m, reference, ahead)
        if day is None:
            continue
        where = f"{WEEKDAYS[reference.weekday()].title()} {reference.isoformat()}"
        relation = "after" if day > reference else "before" if day < reference else "on"
        return DateGuess(day, "day", f"{cue!r} {relation} {where}", cue)
    return None


def _resolve(m: re.Match[str], reference: dt.date, ahead: bool) -> dt.date | None:
    if m.group("rel"):
        return reference + dt.timedelta(days=_OFFSETS[m.group("rel").lower()])
    if m.group("wd"):
        target = WEEKDAYS.index(m.group("wd").lower())
        lead = m.group("cue").split()[0].lower()
        if lead in {"by", "until"} and not ahead:
            return None  # a deadline, not the day something was said
        forward = lead in {"next", "by", "until"} or (ahead and lead != "last")
        if forward:
            delta = (target - reference.weekday()) % 7 or (7 if lead == "next" else 0)
            return reference + dt.timedelta(days=delta)
        delta = (reference.weekday() - target) % 7 or (7 if lead == "last" else 0)
        return reference - dt.timedelta(days=delta)
    month = _MONTHS[m.group("mon").lower()]
    year = int(m.group("year")) if m.group("year") else reference.year
    try:
        day = dt.date(year, month, int(m.group("day")))
    except ValueError:
        return None
    if not m.group("year") and day > reference and not ahead:
        day = day.replace(year=year - 1)
    return day
