"""Claim rows read from the graph, judged for the conceder's side, and a concession's verdict.

:func:`read_claims` turns the rows of the claim queries (``claims``,
``concession_supports``, ``concession_denies``) into :class:`~graph.ask.rows.ClaimRow`
objects grouped by record; given each record's conceder, it judges every
claim for the conceder's side with :meth:`Corpus.speaks_for
<schemas.corpus.Corpus.speaks_for>`. :func:`verdict` derives a concession's
status (:func:`graph.ask.status.derive_status`) and counts its claimants and
sources. Both run on every answer of :meth:`graph.ask.graph.Graph.concessions`,
over every claim, so they are written for speed (see benchmarks/README.md).

>>> from graph.ask.graph import Graph
>>> registry = Graph.from_data("data").registry
>>> row = ("https://w3id.org/detente/id/statement/s1",
...        "https://w3id.org/detente/id/actor/vladimir-putin",
...        "https://w3id.org/detente/vocab/statement-mode-paraphrase", "Anchorage", "2025-08-15",
...        "https://w3id.org/detente/vocab/date-precision-day", "We agreed.",
...        "https://w3id.org/detente/id/source/src-1")
>>> claims = read_claims([(False, [("https://w3id.org/detente/id/concession/c1", *row)])],
...                      registry, {"c1": "russia"})
>>> (c,) = claims["c1"]
>>> c.statement, c.speaker.name, c.mode, c.date_precision, c.source, c.conceder_side
('s1', 'Vladimir Putin', 'paraphrase', 'day', 'src-1', True)
>>> verdict(tuple(claims["c1"]))
('confirmed', 1, 1)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TypedDict

from graph.ask.registry import Registry, concept_value, record_id
from graph.ask.rows import ClaimRow, ConcessionRow, Ref
from graph.ask.status import derive_status
from graph.ask.words import answer, status_word

__all__ = [
    "ClaimRows",
    "Standing",
    "counted",
    "read_claims",
    "read_relays",
    "standing",
    "verdict",
]

ClaimRows = Iterable[tuple[bool, Iterable[tuple[str, ...]]]]
"""Claims as (denies, rows) groups; a row is (record, statement, speaker, mode, venue, date,
precision, quote, source), IRIs and lexical forms as the claim queries return them."""


def read_claims(
    groups: ClaimRows,
    registry: Registry,
    conceders: dict[str, str] | None = None,
    relays: dict[str, tuple[Ref, ...]] | None = None,
) -> dict[str, list[ClaimRow]]:
    """Claims by record id, each list by date then statement; speakers named by ``registry``.

    With ``conceders`` (record id -> conceder id), a claim about such a record
    is on the conceder's side when its speaker speaks for the conceder on the
    claim's date. Values that repeat (dates, concepts, speakers) are worked out
    once per call, and the dated rule runs only where a chain of affiliations
    links the speaker to the conceder at all (:meth:`Registry.closure`).
    ``relays`` (statement id -> outlets, :func:`read_relays`) fills each claim's ``via``
    in the same pass.
    """
    corpus, ref, closure = registry.corpus, registry.ref, registry.closure
    kinds, restates = registry.source_kinds, registry.restates
    out: dict[str, list[ClaimRow]] = defaultdict(list)
    known: dict[str, str] = {}  # IRI -> local id, for IRIs that repeat (records, sources)
    dates: dict[str, dt.date] = {}
    concepts: dict[str, str] = {}
    refs: dict[str, Ref] = {}
    sides: dict[tuple[str, str, dt.date], bool] = {}
    conceder_of = (conceders or {}).get
    relayed = (relays or {}).get
    for denies, rows in groups:
        for record, st, speaker, mode, venue, date, prec, quote, source in rows:
            rid = known.get(record)
            if rid is None:
                rid = known[record] = record_id(record)
            src = known.get(source)
            if src is None:
                src = known[source] = record_id(source)
            who = refs.get(speaker)
            if who is None:
                who = refs[speaker] = ref(record_id(speaker))
            day = dates.get(date)
            if day is None:
                day = dates[date] = dt.date.fromisoformat(date)
            side = False
            conceder = conceder_of(rid)
            if conceder is not None and conceder in closure(who.id):
                key = (who.id, conceder, day)
                found = sides.get(key)
                side = sides[key] = corpus.speaks_for(*key) if found is None else found
            precision = concepts.get(prec)
            if precision is None:
                precision = concepts[prec] = concept_value(prec, "date-precision")
            said_as = concepts.get(mode)
            if said_as is None:
                said_as = concepts[mode] = concept_value(mode, "statement-mode")
            statement = st[st.rfind("/") + 1 :]  # record_id, inlined: one per claim
            out[rid].append(
                ClaimRow(statement, who, venue, day, precision, quote, src, said_as, denies, side,
                         via=relayed(statement, ()), source_kind=kinds.get(src, ""),
                         restates=restates.get(src))
            )  # fmt: skip
    for claims in out.values():
        claims.sort(key=_claim_order)
    return dict(out)


def _claim_order(claim: ClaimRow) -> tuple[dt.date, str, bool]:
    return (claim.date, claim.statement, claim.denies)


def verdict(claims: tuple[ClaimRow, ...]) -> tuple[str, int, int]:
    """The corroboration, claimants and sources that ``claims`` give a record.

    Claimants (distinct speakers) and sources count only the claims that assert it.
    """
    speakers: set[str] = set()
    sources: set[str] = set()
    for claim in claims:
        if not claim.denies:
            speakers.add(claim.speaker.id)
            sources.add(claim.source)
    return derive_status(claims).value, len(speakers), len(sources)


class Standing(TypedDict):
    """What :func:`standing` derives: the derived fields of a concession row."""

    status: str
    corroboration: str
    answer: str
    claimants: int
    chains: int
    sources: int


def standing(
    modality: str,
    conceder: str,
    claims: tuple[ClaimRow, ...],
    demanded_by: tuple[Ref, ...] = (),
    proposed_in: str | None = None,
) -> Standing:
    """A concession's status, corroboration, answer and counts from its claims, in one pass.

    Chains are independent origins (:attr:`ClaimRow.origin`), denials aside.

    ``conceder`` is the conceder's name, ``proposed_in`` the title (or id) of the proposal
    that carries it. The keys are :class:`~graph.ask.rows.ConcessionRow` fields.
    """
    speakers: set[str] = set()
    sources: set[str] = set()
    origins: set[tuple[str, dt.date, str]] = set()
    names: dict[str, None] = {}
    for c in claims:
        if not c.denies:
            speakers.add(c.speaker.id)
            sources.add(c.source)
            origins.add(c.origin)
            via = c.via
            relayed = f" (via {', '.join(v.name for v in via)})" if via else ""
            names[c.speaker.name + relayed] = None
    corroboration = derive_status(claims).value
    said = answer(
        modality,
        corroboration,
        conceder,
        claimants=list(names),
        demanded_by=[r.name for r in demanded_by],
        proposed_in=proposed_in,
    )
    return {
        "status": status_word(modality, corroboration),
        "corroboration": corroboration,
        "answer": said,
        "claimants": len(speakers),
        "chains": len(origins),
        "sources": len(sources),
    }


def counted(row: ConcessionRow, titles: Mapping[str, str] | None = None) -> ConcessionRow:
    """``row`` with its corroboration, status, answer and counts derived from its claims.

    ``titles`` names proposals (id -> title) for the answer of a proposed concession.
    """
    proposal = row.proposed_in
    title = (titles or {}).get(proposal, proposal) if proposal else None
    found = standing(row.modality, row.conceder.name, row.claims, row.demanded_by, title)
    return replace(row, **found)


def read_relays(rows: Iterable[tuple[str, ...]], registry: Registry) -> dict[str, tuple[Ref, ...]]:
    """The outlets that relayed each statement, in order, from the rows of ``relays.rq``.

    A row is (statement, outlet, cell, next, head), IRIs: ``det:via`` rows leave
    the last three empty; ``det:viaList`` rows give the list's cells, which set
    the order when the outlets are not in sorted order.

    >>> from graph.ask.graph import Graph
    >>> g = Graph.from_data("data")
    >>> relays = read_relays(g.select("relays"), g.registry)
    >>> [r.id for r in relays["berlin-us-told-ukraine-withdraw-donetsk"]]
    ['reuters']
    """
    plain: dict[str, list[str]] = defaultdict(list)
    cells: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    heads: dict[str, str] = {}
    for statement, outlet, cell, nxt, head in rows:
        sid = record_id(statement)
        if not cell:
            plain[sid].append(record_id(outlet))
            continue
        cells[sid][cell] = (record_id(outlet), nxt)
        heads[sid] = head
    out: dict[str, tuple[Ref, ...]] = {}
    for sid, outlets in plain.items():
        order = sorted(set(outlets))
        if sid in cells:
            order, cell = [], heads[sid]
            while cell in cells[sid] and len(order) < len(cells[sid]):
                outlet, cell = cells[sid][cell]
                order.append(outlet)
        out[sid] = tuple(registry.ref(o) for o in order)
    return out
