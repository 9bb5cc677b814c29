"""What a view needs to answer: the public context that :class:`~graph.ask.graph.Graph` provides.

The views of :mod:`graph.ask.views` are plain functions of a :class:`Context`;
any object with these members will do (a test double, a graph over another
engine), and no module reads another's private names.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from graph.ask.engine import Value
    from graph.ask.registry import Registry
    from graph.ask.results import Rows
    from graph.ask.rows import ClaimRow, ConcessionRow, MeetingRow, Ref
    from schemas.corpus import Corpus

__all__ = ["Context"]


class Context(Protocol):
    """The engine's rows, the registry, the view's day, and the claims said by then."""

    @property
    def day(self) -> dt.date | None:
        """The as-of day of the view, or None for everything."""

    @property
    def restricted(self) -> bool:
        """True when some claims are out of view (an as-of day, or illustrative sources)."""

    @property
    def registry(self) -> Registry:
        """Actors, sources and topics read back from the graph."""

    @property
    def corpus(self) -> Corpus:
        """The registry's actors and sources as a corpus (names, affiliations)."""

    @property
    def memo(self) -> dict[str, Any]:
        """Rows kept across views of the same never-changing store."""

    def select(self, name: str, **values: Value) -> list[tuple[str, ...]]:
        """Rows of a named query with values bound."""

    def resolve_actor(self, name: str) -> str:
        """The actor id for an id, name or alias; else NotFoundError."""

    def resolve_topic(self, name: str) -> str:
        """The topic id for an id or label; else NotFoundError."""

    def claims_about(self, rdf_class: str) -> dict[str, list[ClaimRow]]:
        """Claims about each record of a class that the view can see."""

    def relays(self) -> dict[str, tuple[Ref, ...]]:
        """The outlets that relayed each relayed statement, by statement id."""

    def in_view(self, date: dt.date, source: str) -> bool:
        """True when a statement of ``date`` in ``source`` had been said by the view's day."""

    def ref(self, actor: str) -> Ref:
        """An actor's id and name."""

    def judged_concessions(self) -> dict[str, ConcessionRow]:
        """Every concession of the whole graph, judged once."""

    def in_view_row(self, row: ConcessionRow) -> ConcessionRow:
        """A concession with only the claims in view, its standing redone."""

    def view_concessions(self) -> list[ConcessionRow]:
        """Every concession with claims in view, its standing as the view has it."""

    def meetings(
        self,
        *,
        participant: str | None = None,
        status: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> Rows[MeetingRow]:
        """Meetings by participant, status and date range."""

    def concessions(
        self,
        *,
        by: str | None = None,
        to: str | None = None,
        beneficiary: str | None = None,
        claimant: str | None = None,
        topic: str | None = None,
        status: str | None = None,
        modality: str | None = None,
    ) -> Rows[ConcessionRow]:
        """Who conceded what, filtered."""
