"""What changed between two graphs: records added or removed, their evidence, and their state.

For concessions, positions and meetings a diff reports the records added or
removed, every claim (a statement that supports or denies a record) added to or
removed from a record present on both sides, and every change of derived status,
modality, stance or meeting status. A new claim by a new speaker on an old
concession is a difference even when its status stays the same.

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
>>> d.removed["meetings"], d.changed, d.claims
([], [], [])
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.ask.graph import Graph

__all__ = ["KINDS", "Change", "ClaimChange", "Diff", "diff"]

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


@dataclass(frozen=True)
class ClaimChange:
    """A statement that now supports or denies a record it did not (or no longer does)."""

    kind: str
    record: str
    statement: str
    change: str
    relation: str
    speaker: str
    source: str

    def to_dict(self) -> dict[str, str]:
        """JSON object: ``kind``, ``record``, ``statement``, ``change`` (added or removed),
        ``relation`` (supports or denies), ``speaker`` and ``source``."""
        return {
            "kind": self.kind,
            "record": self.record,
            "statement": self.statement,
            "change": self.change,
            "relation": self.relation,
            "speaker": self.speaker,
            "source": self.source,
        }

    def line(self) -> str:
        """One line of the readable report."""
        sign = "+" if self.change == "added" else "-"
        return (f"{sign} claim on {self.kind[:-1]} {self.record}: {self.statement} "
                f"({self.relation}; {self.speaker}, in {self.source})")  # fmt: skip


@dataclass
class Diff:
    """Ids added and removed per kind, claims added and removed, and changes of state."""

    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    changed: list[Change] = field(default_factory=list)
    claims: list[ClaimChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return (bool(self.changed) or bool(self.claims) or any(self.added.values())
                or any(self.removed.values()))  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """JSON object: ``added`` and ``removed`` (kind -> ids), ``changed`` and ``claims``."""
        return {
            "added": self.added,
            "removed": self.removed,
            "changed": [c.to_dict() for c in self.changed],
            "claims": [c.to_dict() for c in self.claims],
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
        out += [c.line() for c in self.claims]
        out += [f"~ {c.kind[:-1]} {c.record}: {c.field} {c.old} -> {c.new}" for c in self.changed]
        return out or ["no differences"]


_State = tuple[dict[str, str], dict[str, tuple[str, str, str]]]
"""A record's compared fields (name -> value), and its claims (statement -> relation,
speaker, source)."""


def _claims(claims: Any) -> dict[str, tuple[str, str, str]]:
    return {c.statement: ("denies" if c.denies else "supports", c.speaker.name, c.source)
            for c in claims}  # fmt: skip


def _states(graph: Graph) -> dict[str, dict[str, _State]]:
    """kind -> record id -> (compared fields, claims)."""
    return {
        "concessions": {
            r.concession: ({"status": r.status, "modality": r.modality}, _claims(r.claims))
            for r in graph.concessions()
        },
        "positions": {
            r.position: ({"stance": r.stance}, _claims(r.claims)) for r in graph.positions()
        },
        "meetings": {
            r.meeting: ({"status": r.status}, _claims(r.claims)) for r in graph.meetings()
        },
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
            (was, old_claims), (now, new_claims) = a[rid], b[rid]
            for name in was:
                if was[name] != now.get(name, was[name]):
                    result.changed.append(Change(kind, rid, name, was[name], now[name]))
            for change, one, other in (("added", new_claims, old_claims),
                                       ("removed", old_claims, new_claims)):  # fmt: skip
                for st in sorted(set(one) - set(other)):
                    relation, speaker, source = one[st]
                    result.claims.append(
                        ClaimChange(kind, rid, st, change, relation, speaker, source)
                    )
    return result
