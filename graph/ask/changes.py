"""What changed between two graphs: concessions, positions and meetings added or removed,
and changes of derived status (or of stance, or of meeting status).

Each side is a :class:`graph.ask.graph.Graph` (a build, a data folder, or an
:meth:`~graph.ask.graph.Graph.as_of` view), so "what changed since last week" is
``diff(g.as_of(last_week), g)``.

>>> import datetime as dt
>>> from graph.ask.graph import Graph
>>> g = Graph.from_data("data")
>>> d = diff(g.as_of(dt.date(2025, 8, 15)), g)
>>> d.added["concessions"]  # doctest: +NORMALIZE_WHITESPACE
['russia-accepts-us-article-5-like-guarantee', 'russia-legislated-no-seizure-pledge',
 'ukraine-accepts-military-caps', 'ukraine-cedes-donbas-territory',
 'ukraine-renounces-nato-ambitions', 'ukraine-withdraws-from-donetsk',
 'us-direct-security-commitment', 'us-offers-nato-style-guarantee']
>>> d.removed["meetings"], d.changed
([], [])
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.ask.graph import Graph

__all__ = ["KINDS", "Change", "Diff", "diff"]

KINDS = ("concessions", "positions", "meetings")
"""The record kinds a diff compares, in report order."""


@dataclass(frozen=True)
class Change:
    """One record present on both sides whose derived or curated state differs."""

    kind: str
    record: str
    field: str
    old: str
    new: str

    def to_dict(self) -> dict[str, str]:
        """JSON object: ``kind``, ``record``, ``field``, ``old``, ``new``."""
        return {
            "kind": self.kind,
            "record": self.record,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }


@dataclass
class Diff:
    """Ids added and removed per kind, and changes of status, stance or meeting status."""

    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    changed: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed) or any(self.added.values()) or any(self.removed.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON object: ``added`` and ``removed`` (kind -> ids) and ``changed`` (list)."""
        return {
            "added": self.added,
            "removed": self.removed,
            "changed": [c.to_dict() for c in self.changed],
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def lines(self) -> list[str]:
        """A readable report, one line per change (``+`` added, ``-`` removed, ``~`` changed)."""
        out: list[str] = []
        for kind in KINDS:
            out += [f"+ {kind[:-1]} {rid}" for rid in self.added.get(kind, [])]
            out += [f"- {kind[:-1]} {rid}" for rid in self.removed.get(kind, [])]
        out += [f"~ {c.kind[:-1]} {c.record}: {c.field} {c.old} -> {c.new}" for c in self.changed]
        return out or ["no differences"]


def _states(graph: Graph) -> dict[str, dict[str, tuple[str, str]]]:
    """kind -> record id -> (compared field, value)."""
    return {
        "concessions": {r.concession: ("status", r.status) for r in graph.concessions()},
        "positions": {r.position: ("stance", r.stance) for r in graph.positions()},
        "meetings": {r.meeting: ("status", r.status) for r in graph.meetings()},
    }


def diff(old: Graph, new: Graph) -> Diff:
    """What changed from ``old`` to ``new``; ids sorted within each kind."""
    before, after = _states(old), _states(new)
    result = Diff()
    for kind in KINDS:
        a, b = before[kind], after[kind]
        result.added[kind] = sorted(set(b) - set(a))
        result.removed[kind] = sorted(set(a) - set(b))
        for rid in sorted(set(a) & set(b)):
            (name, was), (_, now) = a[rid], b[rid]
            if was != now:
                result.changed.append(Change(kind, rid, name, was, now))
    return result
