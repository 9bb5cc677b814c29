"""On air: a transcript's outlet and day from its header, and where each turn was said.

A turn is said on air (venue ``broadcast``, the outlet the header names, the
day of the header's date line), unless the host introduced it as a recording
("Here is the president in the Oval Office yesterday."): then it takes that
sentence's date and place.

>>> from schemas.models import Actor
>>> from graph.draft.names import Registry
>>> from graph.draft.speech import transcript_findings
>>> text = "KXYZ News, Monday, May 4, 2026.\\n\\nANN LEE, HOST: Hello.\\n\\nBOB RAY: Hi."
>>> turns = transcript_findings(text, [])
>>> air = on_air(text, turns, [], Registry({}), dt.date(2026, 5, 5))
>>> air.outlet.label, air.outlet.new_outlet, str(air.day.date)
('KXYZ News broadcast', 'KXYZ News', '2026-05-04')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from graph.draft.article import fold, paragraphs
from graph.draft.dates import DateGuess, find_date
from graph.draft.names import Registry, capitalised_names
from graph.draft.speech import Finding
from graph.draft.venues import VenueGuess, find_venue, looks_like_outlet

__all__ = ["Air", "on_air", "turn_venue"]


@dataclass(frozen=True)
class Air:
    """A transcript's programme: the outlet named in its header, and the day it aired."""

    outlet: VenueGuess | None
    day: DateGuess


def on_air(
    text: str,
    turns: list[Finding],
    skip: list[tuple[int, int]],
    registry: Registry,
    published: dt.date,
) -> Air | None:
    """A transcript's outlet and day, from the lines before its first turn (date line first)."""
    if not turns:
        return None
    head = min(t.speaker_at for t in turns)
    chunks = [text[a:b] for a, b in paragraphs(text[:head])]
    dated = [c for c in chunks if find_date(c, published)]
    outlet: VenueGuess | None = None
    for chunk in dated + [c for c in chunks if c not in dated]:
        for m in registry.find(chunk):
            if m.kind == "media_outlet":
                outlet = VenueGuess(f"{m.surface} broadcast", "broadcast", m.actor, None,
                                    f"transcript header names {m.surface}")  # fmt: skip
                break
        if outlet is None:
            shaped = [n.surface for n in capitalised_names(chunk) if looks_like_outlet(n.surface)]
            if shaped:
                name = shaped[0]
                outlet = VenueGuess(f"{name} broadcast", "broadcast", None, name,
                                    f"transcript header names {name}")  # fmt: skip
        if outlet is not None:
            break
    day = DateGuess(published, "day", "a transcript: aired on its publication date", "")
    if dated:
        found = find_date(dated[0], published)
        assert found is not None
        day = DateGuess(found.date, "day", f"the transcript's date line ({found.cue!r})", found.cue)
    return Air(outlet, day)


_PLACE = re.compile(r"\b(?:in|at) (?:the |a |an )?(?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)")


def turn_venue(
    f: Finding, air: Air, outlets: dict[str, str], named: list[tuple[str, str]]
) -> tuple[VenueGuess | None, str, DateGuess]:
    """A turn is said on air, unless the host introduced it as a recording ("Here is X ...")."""
    if f.intro and not f.role:
        date = find_date(f.intro, air.day.date) or air.day
        venue = find_venue(f.intro, outlets, named)
        if venue is None and (place := _PLACE.search(fold(f.intro))):
            venue = VenueGuess(place.group("place"), "press_appearance", None, None,
                               place.group(0))  # fmt: skip
        rule = f"recording-introduced: {venue.cue}" if venue else "recording-introduced"
        return venue, rule, date
    return air.outlet, "transcript-turn-on-air", air.day
