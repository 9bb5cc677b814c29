"""Ask the graph who conceded what, according to whom, with derived status and as-of dates.

:class:`Graph` wraps a SPARQL :class:`~graph.ask.engine.Engine` (an in-memory
pyoxigraph store by default) and answers with typed rows (:mod:`graph.ask.rows`).
The SPARQL lives in named files under ``graph/ask/queries/``; values are always
bound, never written into query text. Actor filters take ids, names or
aliases (``by="Moscow"`` is Russia); an unknown actor or topic raises
:class:`~schemas.errors.NotFoundError` naming the closest matches.

Status is derived with :func:`graph.ask.status.derive_status`; whether a speaker
is on the conceder's side on a claim's date is :meth:`Corpus.speaks_for
<schemas.corpus.Corpus.speaks_for>` itself, run over the actors and
affiliations read back from the graph. :meth:`Graph.as_of` restricts every
answer to what had been said by a date, with the rule of
:meth:`Corpus.as_of <schemas.corpus.Corpus.as_of>`.

A graph and its ``as_of`` views keep what they have answered. A new
:class:`Graph` over the same local engine answers afresh (claims judged,
status derived, rows built) from the rows the engine kept of its
never-changing store (:class:`~graph.ask.engine.LocalEngine`); over a remote
engine it asks the endpoint again.

>>> g = Graph.from_data("data")
>>> rows = g.concessions(by="Moscow")
>>> [(r.concession, r.status) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
[('russia-accepts-us-article-5-like-guarantee', 'claimed'),
 ('russia-legislated-no-seizure-pledge', 'claimed')]
>>> sorted({c.speaker.name for r in rows for c in r.claims})
['Steve Witkoff']
>>> len(g.as_of(dt.date(2025, 8, 16)).concessions())
0
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.ask import views
from graph.ask.claims import counted, read_claims, read_relays
from graph.ask.engine import Engine, Iri, LocalEngine, Value
from graph.ask.registry import Registry
from graph.ask.results import Rows
from graph.ask.rows import (
    ActorProfile,
    ClaimRow,
    ConcessionRow,
    MeetingRow,
    PositionRow,
    Ref,
    StatementRow,
    TopicCell,
)
from graph.files import BUILD_FILES, build_file, inputs_match
from graph.options import parse_day
from graph.rdf.terms import DET
from schemas.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from rdflib import Dataset

    from graph.ask.history import HistoryRow
    from graph.ask.proposals import ProposalRow
    from graph.ask.tensions import Tension
    from schemas.corpus import Corpus

__all__ = ["BUILD_FILES", "QUERIES", "Graph", "query_text"]

QUERIES = Path(__file__).parent / "queries"
"""Where the named SPARQL queries live, one ``<name>.rq`` each."""



@cache
def query_text(name: str) -> str:
    """The text of the named query ``graph/ask/queries/<name>.rq``.

    >>> "SELECT ?concession" in query_text("concessions")
    True
    """
    path = QUERIES / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in QUERIES.glob("*.rq")))
        raise UsageError(f"no named query {name!r}; known: {known}")
    return path.read_text(encoding="utf-8")


_DENIES = DET.denies


@dataclass
class _Shared:
    """What a graph and its :meth:`Graph.as_of` views share: the store is never written."""

    registry: Registry | None = None
    memo: dict[str, Any] = field(default_factory=dict)


class Graph:
    """The detente graph, ready to be asked; optionally restricted to a date (:meth:`as_of`)."""

    def __init__(
        self,
        engine: Engine,
        day: dt.date | None = None,
        shared: _Shared | None = None,
        *,
        include_illustrative: bool = False,
    ) -> None:
        self.engine = engine
        self.day = day
        self.include_illustrative = include_illustrative
        self._shared = shared if shared is not None else _Shared()

    # --- opening ------------------------------------------------------------------------
    @classmethod
    def from_corpus(cls, corpus: Corpus) -> Graph:
        """Compile a loaded corpus (with :func:`graph.compile.quads.compile_quads`) and open it."""
        from graph.compile.quads import compile_quads

        return cls(LocalEngine.from_text(compile_quads(corpus).nquads(), "nq"))

    @classmethod
    def from_data(cls, data: str | Path = "data") -> Graph:
        """Load, validate and compile a data folder, then open it."""
        from schemas.loader import load

        return cls.from_corpus(load(data))

    @classmethod
    def from_build(cls, build: str | Path = "build") -> Graph:
        """Open what ``detente build`` wrote: ``detente.nq`` or ``detente.trig`` in ``build``.

        With the build's current answer snapshot, who-conceded-what is answered from it
        and the store is loaded only when a question needs it.
        """
        folder = Path(build)
        found = build_file(folder)
        if found is not None:
            from graph.ask.snapshot import read_snapshot

            with _paused_gc():  # thousands of acyclic lists and rows
                answers = read_snapshot(folder, found)  # the build's judged rows, if current
            engine = LocalEngine.from_files([found], lazy=answers is not None)
            if answers is not None:
                engine.derived("answers", lambda: answers)
            return cls(engine)
        raise UsageError(
            f"{folder} holds no build (detente.trig or detente.nq); "
            f"run `detente build --out {folder}` first"
        )

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        data: str | Path = "data",
        build: str | Path = "build",
    ) -> Graph:
        """A build folder, an RDF file (.trig, .nq) or a data folder, whichever ``path`` is.

        Without ``path``: the build in ``build`` when it was built from exactly the
        files ``data`` holds now (same names, sizes, times and inodes, as recorded
        by :func:`graph.files.write_inputs`), else ``data`` compiled afresh (what
        ``detente ask`` reads). Deleting or moving a source file makes a build stale.
        """
        if path is None:
            folder = Path(build)
            if build_file(folder) is not None and inputs_match(folder, data):
                return cls.from_build(folder)
            return cls.from_data(data)
        target = Path(path)
        if target.is_file():
            return cls(LocalEngine.from_files([target]))
        if any((target / name).is_file() for name in BUILD_FILES):
            return cls.from_build(target)
        return cls.from_data(target)

    # --- basics -------------------------------------------------------------------------
    @property
    def registry(self) -> Registry:
        """Actors, sources and topics read back from the graph (cached, shared by views)."""
        if self._shared.registry is None:
            with _paused_gc():
                read = partial(Registry.read, self.select)
                local = self.engine if isinstance(self.engine, LocalEngine) else None
                # a local store never changes: its registry is read once per engine
                self._shared.registry = read() if local is None else local.derived("registry", read)
        return self._shared.registry

    @property
    def corpus(self) -> Corpus:
        """A corpus of the actors and sources only, for names and :meth:`Corpus.speaks_for`."""
        return self.registry.corpus

    @property
    def memo(self) -> dict[str, Any]:
        """Rows kept across this graph and its :meth:`as_of` views (the store never changes)."""
        return self._shared.memo

    def as_of(self, day: dt.date | str) -> Graph:
        """The graph restricted to what had been said by ``day`` (as :meth:`Corpus.as_of`).

        Statements dated after ``day``, or reported by a source published after
        it, drop out; so does every concession, position or meeting that no
        remaining statement supports or denies. Actors and topics stay.
        """
        when = day if isinstance(day, dt.date) else parse_day(day)
        return Graph(self.engine, when, self._shared,
                     include_illustrative=self.include_illustrative)  # fmt: skip

    def with_illustrative(self, include: bool = True) -> Graph:
        """The graph with claims from ``illustrative`` sources counted (or, False, left out).

        Invented examples never count as evidence by default: their claims change
        no status, count or answer, and records that only they support drop out.
        """
        return Graph(self.engine, self.day, self._shared, include_illustrative=include)

    @property
    def restricted(self) -> bool:
        """True when some claims are out of view (an as-of day, or illustrative sources)."""
        return self.day is not None or self._hides_illustrative()

    def _hides_illustrative(self) -> bool:
        return not self.include_illustrative and self.registry.has_illustrative

    def select(self, name: str, **values: Value) -> list[tuple[str, ...]]:
        """Rows of the named query ``name`` with ``values`` bound to its variables."""
        return self.engine.select(query_text(name), values)

    def sparql(self, text: str) -> dict[str, Any] | bool | str:
        """Run any read-only query: SPARQL JSON results, a bool (ASK) or N-Triples text.

        Runs over the whole graph; an :meth:`as_of` view does not restrict it. SPARQL
        Update and ``SERVICE`` clauses are refused (:mod:`graph.ask.guard`).
        """
        from graph.ask.guard import check_read_only

        check_read_only(text)
        return self.engine.run(text)

    def to_rdflib(self) -> Dataset:
        """The whole graph as an ``rdflib.Dataset`` (rdflib is imported only here).

        >>> ds = Graph.from_data("data").to_rdflib()
        >>> len(list(ds.graphs())) > 2
        True
        """
        if not isinstance(self.engine, LocalEngine):
            raise UsageError("to_rdflib() needs a local graph; query a remote one with sparql()")
        from rdflib import Dataset

        dataset = Dataset()
        dataset.parse(data=self.engine.nquads(), format="nquads")
        return dataset

    def resolve_actor(self, name: str) -> str:
        """The id of the actor with this id, name or alias; else NotFoundError."""
        return self.corpus.resolve_actor(name).id

    def resolve_topic(self, name: str) -> str:
        """The id of the topic with this id or label (case-insensitive); else NotFoundError."""
        forms = self.registry.topic_forms()
        found = forms.get(name.strip().casefold())
        if found is not None:
            return found
        from schemas.suggest import closest

        labels = {form: t.id for t in self.registry.topics.values() for form in (t.id, t.label)}
        raise NotFoundError("topic", name, closest(name, labels))

    # --- claims -------------------------------------------------------------------------
    def in_view(self, date: dt.date, source: str) -> bool:
        """True when a statement of ``date`` in ``source`` is evidence in this view.

        That is: said by :attr:`day` in a source published by then, and not in an
        ``illustrative`` source unless :attr:`include_illustrative`.
        """
        if not self.include_illustrative and self.registry.source_kinds.get(source) == (
            "illustrative"
        ):
            return False
        if self.day is None:
            return True
        published = self.registry.published.get(source)
        return date <= self.day and published is not None and published <= self.day

    def _claims_of_all(self, rdf_class: str) -> dict[str, list[ClaimRow]]:
        """Claims about each record of ``rdf_class`` in the whole graph (read once)."""
        every: dict[str, list[ClaimRow]] | None = self._shared.memo.get(rdf_class)
        if every is None:
            every = self._shared.memo[rdf_class] = self.read_claims(rdf_class)
        return every

    def claims_about(self, rdf_class: str) -> dict[str, list[ClaimRow]]:
        """Claims about each record of ``rdf_class`` said by :attr:`day`, by date then id."""
        every = self._claims_of_all(rdf_class)
        if not self.restricted:
            return every
        kept = {rid: [c for c in cs if self.in_view(c.date, c.source)] for rid, cs in every.items()}
        return {rid: cs for rid, cs in kept.items() if cs}

    def _claim_rows(self, rdf_class: str) -> list[tuple[bool, list[tuple[str, ...]]]]:
        """Rows of every claim about a record of ``rdf_class``: (denies, rows) twice.

        A row is (record, statement, speaker, mode, venue, date, precision, quote,
        source), IRIs and lexical forms (:data:`graph.ask.claims.ClaimRows`).
        Concessions use two queries with the class and relation as constants
        (``concession_supports``, ``concession_denies``): pyoxigraph plans them
        to look up statement details only for those claims.
        """
        if rdf_class == "Concession":
            return [(False, self.select("concession_supports")),
                    (True, self.select("concession_denies"))]  # fmt: skip
        rows = self.select("claims", type=Iri(getattr(DET, rdf_class)))
        return [
            (denies, [(r[0], *r[2:10]) for r in rows if (r[1] == _DENIES) is denies])
            for denies in (False, True)
        ]

    def read_claims(
        self, rdf_class: str, conceders: dict[str, str] | None = None
    ) -> dict[str, list[ClaimRow]]:
        """Claims by record id; with ``conceders`` (record -> conceder), each judged for side."""
        return read_claims(self._claim_rows(rdf_class), self.registry, conceders, self.relays())

    def relays(self) -> dict[str, tuple[Ref, ...]]:
        """The outlets that relayed each relayed statement, by statement id (read once)."""
        found: dict[str, tuple[Ref, ...]] | None = self._shared.memo.get("relays")
        if found is None:
            read = partial(read_relays, self.select("relays"), self.registry)
            local = self.engine if isinstance(self.engine, LocalEngine) else None
            # a local store never changes: its relays are read once per engine, as the registry
            found = read() if local is None else local.derived("relays", read)
            self._shared.memo["relays"] = found
        return found

    def ref(self, actor: str) -> Ref:
        """An actor's id and name."""
        return self.registry.ref(actor)

    # --- concessions --------------------------------------------------------------------
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
        exact: bool = False,
        via_affiliation: bool = False,
    ) -> Rows[ConcessionRow]:
        """Who conceded what, filtered (:func:`graph.ask.concessions.concessions`)."""
        from graph.ask.concessions import concessions

        return concessions(
            self, by=by, to=to, beneficiary=beneficiary, claimant=claimant, topic=topic,
            status=status, modality=modality, exact=exact, via_affiliation=via_affiliation,
        )  # fmt: skip

    def judged_concessions(self) -> dict[str, ConcessionRow]:
        """Every concession of the whole graph, judged once (the store is never written)."""
        return self._every_concession()

    def in_view_row(self, row: ConcessionRow) -> ConcessionRow:
        """``row`` with only the claims in view, its status, answer and counts redone."""
        return self._restricted(row) if self.restricted else row

    def _every_concession(self) -> dict[str, ConcessionRow]:
        """Every concession of the whole graph, judged once: the store is never written."""
        every: dict[str, ConcessionRow] | None = self._shared.memo.get("concessions")
        if every is None:
            from graph.ask.concessions import judge

            with _paused_gc():
                every = self._shared.memo["concessions"] = judge(self)
        return every

    def view_concessions(self) -> list[ConcessionRow]:
        """Every concession with claims in this view, its status, answer and counts for them.

        In the default view of a build (no as-of day, illustrative sources left out)
        these are the rows the build judged (:mod:`graph.ask.snapshot`): no status pass.
        """
        if self.day is None and not self.include_illustrative:
            kept = self.engine.kept("answers") if isinstance(self.engine, LocalEngine) else None
            if isinstance(kept, list):
                return kept
        restricted = self.restricted
        rows = (self.in_view_row(row) for row in self._every_concession().values())
        return [row for row in rows if row.claims or not restricted]

    def proposal_titles(self) -> dict[str, str]:
        """Proposal id -> title, for the answers of proposed concessions."""
        return {row[0]: row[1] for row in self.select("proposals")}

    def _restricted(self, row: ConcessionRow) -> ConcessionRow:
        """``row`` with only the claims said by :attr:`day`, its status and counts redone."""
        kept = tuple(c for c in row.claims if self.in_view(c.date, c.source))
        if len(kept) == len(row.claims):
            return row
        return counted(replace(row, claims=kept), self.proposal_titles())

    # --- the other views (graph.ask.views, graph.ask.proposals) ------------------------
    def proposals(self, *, by: str | None = None, status: str | None = None) -> Rows[ProposalRow]:
        """Proposals with provisions and claims (:func:`graph.ask.proposals.proposals`)."""
        from graph.ask.proposals import proposals

        return proposals(self, by=by, status=status)

    def meetings(
        self,
        *,
        participant: str | None = None,
        status: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> Rows[MeetingRow]:
        """Meetings by participant, status and date range (:func:`graph.ask.views.meetings`)."""
        return views.meetings(
            self, participant=participant, status=status, since=since, until=until
        )

    def positions(
        self, *, actor: str | None = None, topic: str | None = None, stance: str | None = None
    ) -> Rows[PositionRow]:
        """Positions by actor, topic and stance (:func:`graph.ask.views.positions`)."""
        return views.positions(self, actor=actor, topic=topic, stance=stance)

    def statements(
        self, *, speaker: str | None = None, venue: str | None = None, source: str | None = None
    ) -> Rows[StatementRow]:
        """Statements by speaker, venue and source (:func:`graph.ask.views.statements`)."""
        return views.statements(self, speaker=speaker, venue=venue, source=source)

    def actor(self, name: str) -> ActorProfile:
        """Everything about one actor (:func:`graph.ask.views.actor`)."""
        return views.actor(self, name)

    def topic(self, name: str) -> Rows[TopicCell]:
        """The negotiating table for one topic (:func:`graph.ask.views.topic`)."""
        return views.topic(self, name)

    def history(self, name: str) -> Rows[HistoryRow]:
        """Everything said on a topic or by an actor, by date (:mod:`graph.ask.history`)."""
        from graph.ask.history import history

        return Rows("history", history(self, name))

    def tensions(self) -> Rows[Tension]:
        """Records that pull against each other, with both sides (:mod:`graph.ask.tensions`)."""
        from graph.ask.tensions import tensions

        return Rows("tensions", tensions(self))


@contextmanager
def _paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: reading rows allocates many acyclic objects.

    The collector's passes cost about 10 % of who-conceded-what at 100k statements.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
