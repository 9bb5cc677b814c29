"""Candidates for the curator: meetings, concessions, commitments, proposals, responses, positions.

A candidate is never evidence. It names the statements it would rest on and
the cue word that produced it, and lists the fields a curator must still
fill (``needs``). Each kind is one entry of :data:`CUES`; a new kind is a new
entry, fields built for it in :mod:`graph.draft.pending` and, to accept it, a
section in :func:`graph.draft.output.accept`.

>>> [(c.kind, c.value, c.word) for c in cues("Russia has firmly opposed it.")]
[('position', 'opposes', 'opposed')]
>>> meeting_status("a crucial meeting ahead in Washington"), meeting_status("they met on Friday")
('planned', 'held')
>>> modality("Moscow had conceded that"), modality("if he were to offer a commitment")
('made', 'hypothetical')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CUES", "Candidate", "Cue", "cues", "meeting_status", "modality"]

# kind -> [(value, pattern)]: the first pattern that matches gives the value
CUES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "meeting": [
        ("meeting", re.compile(r"\b(meeting|summit|talks|met|meet|meets|phone call|held a call|"
                               r"a call with|visit(?:ed)?|negotiations|hosted|hosts|took part|"
                               r"take part|taking part|participated|attended)\b", re.I)),
    ],
    "concession": [
        ("concession", re.compile(r"\b(conceded|concession|concede|concedes|agreed|agreeing|"
                                  r"agrees|willing to|would cede|cede|cedes|renounce\w*|give up|"
                                  r"withdraw(?:al)?|limits on|caps on|offered|offers|offer)\b",
                                  re.I)),
    ],
    "commitment": [
        ("commitment", re.compile(r"\b(pledged|pledges|pledge|pledging|vowed|vow|vows|"
                                  r"committed|commitment|promised|promises|guarantees? to)\b",
                                  re.I)),
    ],
    "proposal": [
        ("proposal", re.compile(r"\b(peace plan|draft|proposal|proposed|framework|provision|"
                                r"codifies|envisions|point plan|\d+ (?:separate )?points|"
                                r"package)\b",
                                re.I)),
    ],
    "deadline": [  # joins the proposal in view (see graph.draft.pending), never a record itself
        ("deadline", re.compile(r"\b(answer by|respond by|response by|reply by|deadline)\b",
                                re.I)),
    ],
    "response": [
        ("welcomes", re.compile(r"\b(praised|welcomed|hailed|called the [\w -]{1,40}?"
                                r"(?:encouraging|remarkable|positive|good))\b", re.I)),
        ("accepts", re.compile(r"\b(agreed to|accepted|signed on to|signed off on)\b", re.I)),
        ("rejects", re.compile(r"\b(rejected|dismissed|turned down|refused)\b", re.I)),
    ],
    "position": [
        ("not_ruled_out", re.compile(r"\b(not ruled out|has not excluded|did not rule out)\b",
                                     re.I)),
        ("rejects", re.compile(r"\b(rejected|rejects|reject|refused|refuses|dismissed)\b", re.I)),
        ("opposes", re.compile(r"\b(opposed|opposes|oppose|resisted|resists|resist|objects to)\b",
                               re.I)),
        ("demands", re.compile(r"\b(demands?|demanded|urged|urges|insists? on|called for|"
                               r"calls for|requires?|required)\b", re.I)),
        ("supports", re.compile(r"\b(supports?|supported|backed|backs|welcomed|welcomes|"
                                r"praised|praises|endorsed|endorses|in favou?r of)\b", re.I)),
        ("accepts", re.compile(r"\b(accepted|accepts|accept)\b", re.I)),
        ("considers", re.compile(r"\b(considering|considers|weighing|could extend|open to)\b",
                                 re.I)),
    ],
}  # fmt: skip
_HELD = re.compile(r"\b(met|held|took place|were present|was present|after (?:the|their)|"
                   r"began|continued|hosted|during)\b", re.I)  # fmt: skip
_PLANNED = re.compile(r"\b(will|ahead|scheduled|planned|upcoming|next week|tomorrow|"
                      r"expected to|is to|are to|set to)\b", re.I)  # fmt: skip
_PROPOSED = re.compile(r"\b(should|could|would|proposed|called for|wants|lead to|invit\w+)\b",
                       re.I)  # fmt: skip
_CANCELLED = re.compile(r"\b(cancel\w*|called off|postponed|scrapped)\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(if|were to|would be willing|could|might|would)\b", re.I)
_OFFERED = re.compile(r"\b(offer(?:ed|s)?|propos\w+|put on the table|willing)\b", re.I)
_DEMANDED = re.compile(r"\b(demand\w*|require\w*|insist\w*|must)\b", re.I)
# what a response answers: a definite offer, proposal or plan ("praised the offer")
RESPONDS_TO = re.compile(
    r"\b(?:the|this|that|their|its|his|her|an?) (?:[\w-]+ ){0,3}?(?:offer|proposals?|plan|"
    r"provision|package|deal|document|draft|demands?|terms|guarantees?)\b",
    re.I,
)


@dataclass(frozen=True)
class Cue:
    """A cue word found in a sentence: the kind of candidate and the value it suggests."""

    kind: str
    value: str
    word: str
    start: int


@dataclass
class Candidate:
    """A proposed record for the curator; never evidence until accepted."""

    id: str
    kind: str
    cue: str
    rule: str
    statements: list[str]
    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    needs: list[str] = field(default_factory=list)
    hints: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for YAML and JSON."""
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "cue": self.cue,
            "rule": self.rule,
            "statements": list(self.statements),
            "text": self.text,
            "fields": dict(self.fields),
        }
        if self.needs:
            out["needs"] = list(self.needs)
        if self.hints:
            out["hints"] = {k: list(v) for k, v in self.hints.items()}
        return out


def cues(text: str) -> list[Cue]:
    """Every candidate cue in ``text``, at most one per kind, in kind order.

    A response answers a definite offer, proposal or plan named after its cue
    ("praised the offer"); without one, the same words are a position.

    >>> [(c.kind, c.value) for c in cues("Merz praised the offer.")]
    [('response', 'welcomes')]
    >>> [(c.kind, c.value) for c in cues("Kyiv rejected any talk of it.")]
    [('position', 'rejects')]
    """
    out: list[Cue] = []
    answered: tuple[int, int] | None = None  # the offer or plan a response answers
    for kind, rules in CUES.items():
        if kind == "position" and answered is not None:
            continue
        for value, pattern in rules:
            m = pattern.search(text)
            if m and kind == "response":
                obj = RESPONDS_TO.search(text, m.start(1))
                if obj is None:
                    continue
                answered = (m.start(1), obj.end())
            if m:
                out.append(Cue(kind, value, m.group(1), m.start(1)))
                break
    if answered is not None:  # "praised the offer": the offer is answered, not made here
        out = [c for c in out if c.kind == "response" or not answered[0] <= c.start < answered[1]]
    return out


def meeting_status(text: str) -> str:
    """held, planned, proposed or cancelled, from the tense and cue words of ``text``."""
    if _CANCELLED.search(text):
        return "cancelled"
    if _PLANNED.search(text):
        return "planned"
    if _PROPOSED.search(text):
        return "proposed"
    if _HELD.search(text):
        return "held"
    return "proposed"


def modality(text: str) -> str:
    """made, offered, hypothetical or demanded, from the words of ``text``."""
    if _DEMANDED.search(text) and not re.search(r"\b(agreed|conceded)\b", text, re.I):
        return "demanded"
    if _HYPOTHETICAL.search(text):
        return "hypothetical"
    if _OFFERED.search(text):
        return "offered"
    return "made"
