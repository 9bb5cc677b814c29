"""One record whole, as ``detente show ID`` prints it: fields, notes, and every claim.

A :class:`Card` holds a record's curated fields (as in its YAML file), where it was
curated, its note, and the statements that support or deny it, each with speaker,
venue, date, mode, source, the verbatim quote and its character offsets in the
stored text. For a statement, the card also holds the quote inside its sentence,
with the text around it, so that a reader sees what the curator saw.

>>> from schemas import load
>>> card = show(load("data"), "witkoff-cnn-won-concession")
>>> card.section, card.location.endswith("000_15c4d2cb88880b08.yaml:51")
('statements', True)
>>> card.context is not None and "Witkoff told CNN" in card.context.quote
True
>>> [c.speaker for c in show(load("data"), "russia-legislated-no-seizure-pledge").claims]
['steve-witkoff', 'steve-witkoff']
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

from schemas.corpus import SECTIONS, Corpus
from schemas.errors import NotFoundError
from schemas.models import Identified, Statement

__all__ = ["Card", "CardClaim", "Context", "show"]

_AROUND = 240
"""How many characters of text around a quote are searched for its sentence's ends."""
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])|\n\s*\n")


@dataclass(frozen=True)
class Context:
    """A quote in its sentence: the text before it, the quote as stored, the text after."""

    before: str
    quote: str
    after: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form."""
        return {"before": self.before, "quote": self.quote, "after": self.after,
                "start": self.start, "end": self.end}  # fmt: skip


@dataclass(frozen=True)
class CardClaim:
    """One statement about the record: who said it, where, when, and the quote's offsets."""

    statement: str
    denies: bool
    speaker: str
    speaker_name: str
    mode: str
    venue: str
    date: dt.date
    source: str
    quote: str
    start: int | None
    end: int | None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form."""
        return {
            "statement": self.statement,
            "relation": "denies" if self.denies else "supports",
            "speaker": {"id": self.speaker, "name": self.speaker_name},
            "mode": self.mode,
            "venue": self.venue,
            "date": self.date.isoformat(),
            "source": self.source,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Card:
    """A record whole: section, where it was curated, fields, note, claims, context."""

    record: str
    section: str
    location: str | None
    fields: dict[str, Any]
    note: str | None
    claims: tuple[CardClaim, ...]
    context: Context | None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (``detente show ID --format json``)."""
        return {
            "record": self.record,
            "section": self.section,
            "location": self.location,
            "fields": self.fields,
            "note": self.note,
            "claims": [c.to_dict() for c in self.claims],
            "context": self.context.to_dict() if self.context else None,
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def lines(self) -> list[str]:
        """The card as plain text lines, nothing cut."""
        out = [f"{self.record} ({self.section[:-1]}" + (f", {self.location})" if self.location
                                                          else ")")]  # fmt: skip
        for name, value in self.fields.items():
            out.append(f"  {name}: {_plain(value)}")
        if self.note:
            out.append(f"  note: {self.note}")
        if self.context is not None:
            c = self.context
            out += [f"  in its text (characters {c.start}-{c.end}):",
                    f"    ...{c.before}[[{c.quote}]]{c.after}..."]  # fmt: skip
        if self.claims:
            out.append(f"  claims ({len(self.claims)}):")
        for claim in self.claims:
            where = f" [{claim.start}:{claim.end}]" if claim.start is not None else ""
            verb = "denies" if claim.denies else "supports"
            out += [
                f"  - {claim.statement} ({verb}): {claim.speaker_name}, {claim.venue}, "
                f"{claim.date.isoformat()}, {claim.mode}, in {claim.source}{where}",
                f"    {claim.quote}",
            ]
        return out


def show(corpus: Corpus, record_id: str) -> Card:
    """The :class:`Card` of the record with id ``record_id``; else NotFoundError with hints."""
    for section in SECTIONS:
        record = corpus.section(section).get(record_id)
        if record is not None:
            return _card(corpus, section, record)
    every = [r.id for r in corpus.records()]
    starting = [i for i in every if i.startswith(record_id)]
    close = dict.fromkeys([*starting, *get_close_matches(record_id, every, n=3)])
    raise NotFoundError("record", record_id, list(close)[:3])


def _card(corpus: Corpus, section: str, record: Identified) -> Card:
    dumped = record.model_dump(mode="json", exclude_none=True, exclude={"evidence", "note"})
    fields = {k: v for k, v in dumped.items() if k != "id" and v not in ([], {})}
    where = corpus.locations.get(record.id)
    location = f"{where.file}:{where.line}" if where else None
    claims = tuple(
        _claim(corpus, st, record.id in st.denies)
        for st in sorted(corpus.statements.values(), key=lambda s: (s.date, s.id))
        if record.id in st.supports or record.id in st.denies
    )
    context = _context(corpus, record) if isinstance(record, Statement) else None
    return Card(record.id, section, location, fields, getattr(record, "note", None), claims,
                context)  # fmt: skip


def _claim(corpus: Corpus, st: Statement, denies: bool) -> CardClaim:
    ev = st.evidence
    return CardClaim(
        st.id, denies, st.speaker, corpus.speaker_name(st.speaker), st.mode.value,
        st.venue.label, st.date, st.source, st.text,
        ev.start if ev else None, ev.end if ev else None,
    )  # fmt: skip


def _context(corpus: Corpus, st: Statement) -> Context | None:
    text = corpus.texts.get(st.source)
    ev = st.evidence
    if text is None or ev is None:
        return None
    lo = max(0, ev.start - _AROUND)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, ev.start)]
    first = ends[-1] if ends else lo
    after = _SENTENCE_END.search(text, ev.end, min(len(text), ev.end + _AROUND))
    last = after.start() if after else min(len(text), ev.end + _AROUND)
    return Context(text[first : ev.start], text[ev.start : ev.end], text[ev.end : last],
                   ev.start, ev.end)  # fmt: skip


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)
