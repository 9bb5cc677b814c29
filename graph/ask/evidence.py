"""Claims about records of one class, read only as far as history and tensions need them.

:meth:`Context.claims_about <graph.ask.context.Context.claims_about>` builds a
:class:`~graph.ask.rows.ClaimRow` for every claim of a class. History wants the
claims of the records it chose, and tensions the first day of every claimed
record but the claims of the few that pull against another. Both read the
same rows of ``claims.rq`` (which the engine keeps): :func:`first_days` walks
them without building claims, :func:`claims_of` builds only the claims of the
records (or the speaker) named. Either gives what ``claims_about`` would for
those records (in view, by date then statement). Concessions are not read here:
their claims come judged with :meth:`Context.concessions
<graph.ask.context.Context.concessions>`.

>>> from graph.ask.graph import Graph
>>> g = Graph.from_data("data")
>>> mine = claims_of(g, "Position", {"putin-opposes-ukraine-nato-membership"})
>>> list(mine) == ["putin-opposes-ukraine-nato-membership"]
True
>>> mine["putin-opposes-ukraine-nato-membership"] == g.claims_about("Position")[
...     "putin-opposes-ukraine-nato-membership"]
True
>>> days = first_days(g, "Position")
>>> days.keys() == g.claims_about("Position").keys()
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from typing import TYPE_CHECKING

from graph.ask.claims import read_claims
from graph.ask.engine import Iri
from graph.ask.registry import record_id
from graph.ask.rows import ClaimRow
from graph.rdf.terms import DET

if TYPE_CHECKING:
    from graph.ask.context import Context

__all__ = ["Row", "claims_of", "first_days", "rows_of"]

Row = tuple[str, ...]
"""A row of ``claims.rq``: record, relation, statement, speaker, mode, venue, date,
precision, quote, source, type (IRIs and lexical forms)."""
_DENIES = DET.denies


def rows_of(ctx: Context, rdf_class: str) -> list[Row]:
    """The rows of ``claims.rq`` for the records of ``rdf_class`` (not ``Concession``)."""
    return ctx.select("claims", type=Iri(getattr(DET, rdf_class)))


def claims_of(
    ctx: Context, rdf_class: str, records: Container[str], speaker: str | None = None
) -> dict[str, list[ClaimRow]]:
    """``claims_about(rdf_class)`` for the ``records`` named, and every claim ``speaker`` made.

    By record id, each list by date then statement, only claims in view, and no
    record without one. Claims about other records are never built.
    """
    rows = [r for r in rows_of(ctx, rdf_class) if record_id(r[0]) in records
            or (speaker is not None and record_id(r[3]) == speaker)]  # fmt: skip
    groups = [(denies, [(r[0], *r[2:10]) for r in rows if (r[1] == _DENIES) is denies])
              for denies in (False, True)]  # fmt: skip
    found = read_claims(groups, ctx.registry, None, ctx.relays())
    if not ctx.restricted:
        return found
    kept = {rid: [c for c in cs if ctx.in_view(c.date, c.source)] for rid, cs in found.items()}
    return {rid: cs for rid, cs in kept.items() if cs}


def first_days(ctx: Context, rdf_class: str) -> dict[str, dt.date]:
    """Each record of ``rdf_class`` with a claim in view -> the first day one in view asserts it.

    ``dt.date.max`` for a record that claims in view only deny. The keys are
    those of ``claims_about(rdf_class)``; no claim is built.
    """
    restricted, in_view = ctx.restricted, ctx.in_view
    ids: dict[str, str] = {}  # IRI -> id, for records and sources
    dates: dict[str, dt.date] = {}
    seen: dict[tuple[str, str], bool] = {}  # (date, source IRI) -> in view
    out: dict[str, dt.date] = {}
    never = dt.date.max
    for record, rel, _, _, _, _, date, _, _, source, *_ in rows_of(ctx, rdf_class):
        if restricted:
            shown = seen.get((date, source))
            if shown is None:
                shown = seen[date, source] = in_view(_day(dates, date), _id(ids, source))
            if not shown:
                continue
        rid = ids.get(record) or _id(ids, record)
        first = out.get(rid, never)
        if rel != _DENIES:
            day = dates.get(date) or _day(dates, date)
            if day < first:
                first = day
        out[rid] = first
    return out


def _id(ids: dict[str, str], iri: str) -> str:
    found = ids.get(iri)
    if found is None:
        found = ids[iri] = iri[iri.rfind("/") + 1 :]
    return found


def _day(dates: dict[str, dt.date], text: str) -> dt.date:
    found = dates.get(text)
    if found is None:
        found = dates[text] = dt.date.fromisoformat(text)
    return found
