"""What each claimable record is about: class, main actor, topics, words, standing.

History and tensions look across every kind of record at once (concessions,
commitments, positions, proposals, responses); :func:`subjects` reads them in
one query (``subjects.rq``) so that both ask the graph the same way, locally or
remotely.

>>> from graph.ask.graph import Graph
>>> s = subjects(Graph.from_data("data"))["twenty-six-nations-pledge-guarantees"]
>>> s.kind, sorted(s.topics), s.value
('commitment', ['international-force-for-ukraine', 'ukraine-security-guarantees'], 'made')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from graph.ask.engine import LocalEngine
from graph.ask.registry import concept_value

if TYPE_CHECKING:
    from graph.ask.context import Context

__all__ = ["CLASSES", "Subject", "subjects"]

CLASSES = {
    "Concession": "concession",
    "Commitment": "commitment",
    "Position": "position",
    "Proposal": "proposal",
    "Response": "response",
    "Meeting": "meeting",
}
"""The claimable classes (``det:`` local names) and the word each record kind goes by."""

_SCHEMES = ("modality", "stance", "response-kind", "proposal-status")


@dataclass
class Subject:
    """One record as history and tensions see it."""

    record: str
    kind: str
    label: str = ""
    value: str = ""
    target: str | None = None
    actors: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)


def _value(iri: str) -> str:
    for scheme in _SCHEMES:
        word = concept_value(iri, scheme)
        if word != iri:
            return word
    return iri


def subjects(ctx: Context) -> dict[str, Subject]:
    """Every concession, commitment, position, proposal and response by id (kept per store).

    They follow from the store alone: a local engine (``ctx.engine``, as on a
    :class:`~graph.ask.graph.Graph`) works them out once (:meth:`LocalEngine.derived`),
    any other context once per ``ctx.memo``. Nobody may change what it returns.
    """
    found: dict[str, Subject] | None = ctx.memo.get("subjects")
    if found is None:
        engine = getattr(ctx, "engine", None)
        read = partial(_read, ctx)
        found = engine.derived("subjects", read) if isinstance(engine, LocalEngine) else read()
        ctx.memo["subjects"] = found
    return found


def _read(ctx: Context) -> dict[str, Subject]:
    out: dict[str, Subject] = {}
    for record, cls, actor, topic, label, value, target in ctx.select("subjects"):
        s = out.get(record)
        if s is None:
            kind = CLASSES[cls.rsplit("#", 1)[-1]]
            s = out[record] = Subject(record, kind, label, _value(value) if value else "",
                                      target or None)  # fmt: skip
        if actor:
            s.actors.add(actor)
        if topic:
            s.topics.add(topic)
    return out
