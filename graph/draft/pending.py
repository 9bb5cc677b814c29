"""Build the pending candidates of a draft from its statements and their cue words.

One candidate per kind and statement, at most; each names the statement it
would rest on, the cue that produced it, the fields it proposes and the ones
a curator must still fill (``needs``), with hints (closest registry topics).

>>> from schemas.loader import load
>>> from graph.draft.names import Registry
>>> from graph.draft.speakers import Speakers
>>> corpus = load("data")
>>> reg = Registry(corpus.actors)
>>> st = {"id": "s1", "speaker": "x", "mode": "narration", "date": dt.date(2025, 8, 17),
...       "text": "Russia continues to oppose any Western military presence in Ukraine"}
>>> [c] = build_candidates([st], reg, corpus, Speakers(reg, "", set()), dt.date(2025, 8, 17))
>>> c.kind, c.fields["actor"], c.fields["stance"], c.cue, c.needs
('position', 'russia', 'opposes', 'oppose', ['topic'])
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from graph.draft.candidates import Candidate, cues, meeting_status, modality
from graph.draft.dates import find_date
from graph.draft.names import Registry
from graph.draft.speakers import Speakers
from schemas.corpus import Corpus

__all__ = ["build_candidates"]

_LOCATION = re.compile(
    r"\b(?:in|at) (?P<place>(?:the )?[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)*)"
)
_ROLE_PRESENT = re.compile(r"\b(present|attended|took part|joined)\b", re.I)


def build_candidates(
    statements: list[dict[str, Any]],
    registry: Registry,
    corpus: Corpus,
    speakers: Speakers,
    published: dt.date,
) -> list[Candidate]:
    """Candidates for the curator from the cue words in each statement's text."""
    out: list[Candidate] = []
    for st in statements:
        text = st["text"]
        for cue in cues(text):
            mentions = [m for m in registry.find(text) if m.kind != "media_outlet"]
            before = [m for m in mentions if m.start < cue.start]
            speaker = st["speaker"] if st["mode"] != "narration" else None
            fields: dict[str, Any] = {}
            needs: list[str] = []
            hints: dict[str, list[str]] = {}
            rule = f"cue-{cue.kind}"
            if cue.kind == "meeting":
                status = meeting_status(text)
                role = "present" if _ROLE_PRESENT.search(text) else "principal"
                people = list(dict.fromkeys(m.actor for m in mentions if m.kind in
                                            {"person", "state", "informal_group"}))  # fmt: skip
                fields = {"title": _title(text), "status": status,
                          "participants": [{"actor": a, "role": role} for a in people]}  # fmt: skip
                place = _LOCATION.search(text)
                if place:
                    fields["location"] = place.group("place")
                when = find_date(text, st["date"], ahead=status in {"planned", "proposed"})
                if when is not None:
                    fields["start"] = when.date
                if not people:
                    needs.append("participants")
                rule = f"cue-meeting-{status}"
            elif cue.kind == "concession":
                mood = modality(text)
                conceder = before[-1].actor if before else speaker
                fields = {"summary": text, "modality": mood}
                if conceder:
                    fields["conceder"] = conceder
                if re.search(r"\b(law|legislat\w*)\b", text, re.I):
                    fields["form"] = "legislation"
                elif re.search(r"\b(treaty|signed|written|agreement)\b", text, re.I):
                    fields["form"] = "written_agreement"
                needs = ["conceded_to", "topic", "kind"] + ([] if conceder else ["conceder"])
                if mood == "demanded":
                    needs.append("modality (today's schema has no 'demanded'; "
                                 "or record a position with stance demands)")  # fmt: skip
                hints["topic"] = _topics(corpus, text)
                rule = f"cue-concession-{mood}"
            elif cue.kind == "proposal":
                fields = {"summary": text}
                if before or speaker:
                    fields["proposer"] = before[0].actor if before else speaker
                needs = ["record kind (today's schema has no proposal: accept as a position "
                         "with stance offers or demands, or as a concession offered)"]  # fmt: skip
                hints["topic"] = _topics(corpus, text)
            else:
                actor = before[-1].actor if before else speaker
                fields = {"stance": cue.value, "summary": text}
                if actor:
                    fields = {"actor": actor, **fields}
                else:
                    needs.append("actor")
                hints["topic"] = _topics(corpus, text)
                rule = f"cue-position-{cue.value}"
            if hints.get("topic") == []:
                del hints["topic"]
            if cue.kind != "meeting" or not fields.get("participants"):
                needs = needs or []
            if cue.kind in {"concession", "position"}:
                needs = [n for n in needs if n != "topic"] + ["topic"]
            ident = f"candidate-{len(out) + 1:02d}-{cue.kind}"
            out.append(Candidate(ident, cue.kind, cue.word, rule, [st["id"]], text, fields,
                                 needs, hints))  # fmt: skip
    return out


def _title(text: str) -> str:
    words = text.strip('\u201c\u201d"').split()
    short = " ".join(words[:12])
    return short + ("..." if len(words) > 12 else "")


def _topics(corpus: Corpus, text: str, n: int = 3) -> list[str]:
    """Ids of the registry topics whose labels best match ``text`` (rapidfuzz partial ratio)."""
    if not corpus.topics:
        return []
    from rapidfuzz import fuzz

    scored = sorted(
        ((fuzz.token_set_ratio(t.label.casefold(), text.casefold()), t.id)
         for t in corpus.topics.values()),
        reverse=True,
    )  # fmt: skip
    return [ident for score, ident in scored[:n] if score >= 50]
