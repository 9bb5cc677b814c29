"""A result set of :mod:`graph.ask.rows`, and its renderings: JSON, CSV, pandas, text, HTML.

:class:`Rows` is an immutable sequence of rows of one kind. :meth:`Rows.to_json`
keeps the stable keys of each row's ``to_dict()``; :meth:`Rows.to_csv` and
:meth:`Rows.to_frame` (pandas, imported only then) use the flat records;
:meth:`Rows.headers` and :meth:`Rows.cells` give the main columns as text (the
CLI draws them as a terminal table); in a notebook the rows display as an HTML
table, every cell escaped.

>>> import datetime as dt
>>> from graph.ask.rows import ClaimRow, ConcessionRow, Ref
>>> claim = ClaimRow("s1", Ref("steve-witkoff", "Steve Witkoff"), "CNN", dt.date(2025, 8, 17),
...               "day", "We won a concession.", "src-1")
>>> row = ConcessionRow("c1", "Russia accepted X.", "t1", "claimed", Ref("russia", "Russia"),
...                     (Ref("united-states", "United States"),), (), (), "made", 1, 1, (claim,))
>>> rows = Rows("concessions", [row])
>>> rows.to_dicts()[0]["claims"][0]["speaker"]
{'id': 'steve-witkoff', 'name': 'Steve Witkoff'}
>>> print(rows.to_csv().splitlines()[0])
concession,summary,topic,status,conceder,conceder_name,conceded_to,beneficiaries,conditions,modality,demanded_by,proposed_in,answer,corroboration,claimants,chains,sources,statements
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from graph.ask.rows import (
    ClaimRow,
    ConcessionRow,
    Json,
    MeetingRow,
    PositionRow,
    StatementRow,
    TopicCell,
    _iso,
)

if TYPE_CHECKING:
    import pandas as pd

    from graph.ask.history import HistoryRow
    from graph.ask.proposals import ProposalRow
    from graph.ask.tensions import Tension

__all__ = ["Rows"]

R = TypeVar(
    "R",
    ConcessionRow,
    MeetingRow,
    PositionRow,
    StatementRow,
    TopicCell,
    "ProposalRow",
    "HistoryRow",
    "Tension",
)

# kind -> the columns a terminal table shows, each (header, cell of the flat record)
_COLUMNS: dict[str, list[tuple[str, Callable[[Any], str]]]] = {
    "concessions": [
        (
            "who conceded what",
            lambda r: (
                f"{r.conceder.name} -> "
                f"{', '.join(x.name for x in r.conceded_to)}: {r.summary}\n[{r.concession}]"
            ),
        ),
        (
            "status",
            lambda r: (
                f"{r.status}\n{r.answer}\n{r.claimants} claimant{'s' * (r.claimants != 1)}, "
                f"{r.chains} chain{'s' * (r.chains != 1)}, "
                f"{r.sources} source{'s' * (r.sources != 1)}"
            ),
        ),
        (
            "according to (speaker, venue, date, mode: quote)",
            lambda r: _claim_lines(r.claims, quotes=True),
        ),
    ],
    "proposals": [
        (
            "proposal",
            lambda r: (
                f"{r.title}\n[{r.proposal}] {r.kind}, {r.status or 'status not stated'}"
                + (f", answer by {r.response_deadline.isoformat()}" if r.response_deadline else "")
            ),
        ),
        (
            "proposed / drafted by",
            lambda r: (
                ", ".join(x.name for x in r.proposers)
                + (f"\ndrafted by {', '.join(x.name for x in r.drafters)}" if r.drafters else "")
            ),
        ),
        (
            "provisions (-> what they point to)",
            lambda r: "\n".join(
                f"{p.number or '-'}. {p.summary} -> {p.points_to_kind} {p.points_to}"
                for p in r.provisions
            ),
        ),
        ("according to", lambda r: _claim_lines(r.claims)),
    ],
    "history": [
        ("date", lambda r: r.date.isoformat()),
        (
            "said (speaker, venue, mode, source)",
            lambda r: (
                f"{r.speaker.name}"
                + (f" (via {', '.join(v.name for v in r.via)})" if r.via else "")
                + f", {r.venue}, {r.mode}, in {r.source}"
                + (f" [{r.source_kind}]" if r.source_kind not in ("", "news_article") else "")
                + f"\n{r.quote}"
            ),
        ),
        (
            "about (record: standing)",
            lambda r: (
                f"{r.record_kind} [{r.record}]: {r.standing}\n{r.summary}"
                + (" (denied)" if r.relation == "denies" else "")
            ),
        ),
    ],
    "tensions": [
        ("tension", lambda r: f"{r.kind}\n{r.why}"),
        (
            "one side",
            lambda r: (
                f"{r.sides[0].record_kind} [{r.sides[0].record}]: {r.sides[0].standing}\n"
                + _claim_lines(r.sides[0].claims, quotes=True)
            ),
        ),
        (
            "the other side",
            lambda r: (
                f"{r.sides[1].record_kind} [{r.sides[1].record}]: {r.sides[1].standing}\n"
                + _claim_lines(r.sides[1].claims, quotes=True)
            ),
        ),
    ],
    "meetings": [
        ("meeting", lambda r: r.meeting),
        ("title", lambda r: r.title),
        ("start", lambda r: _iso(r.start) or ""),
        ("location", lambda r: r.location or ""),
        ("status", lambda r: r.status),
        ("participants", lambda r: ", ".join(f"{p.name} ({p.role})" for p in r.participants)),
    ],
    "positions": [
        ("position", lambda r: r.position),
        ("actor", lambda r: r.actor.name),
        ("stance", lambda r: r.stance),
        ("topic", lambda r: r.topic),
        ("date", lambda r: _iso(r.date) or ""),
        ("claims", lambda r: _claim_lines(r.claims)),
    ],
    "statements": [
        ("statement", lambda r: r.statement),
        ("speaker", lambda r: r.speaker.name),
        ("mode", lambda r: r.mode),
        ("venue", lambda r: r.venue),
        ("date", lambda r: r.date.isoformat()),
        ("quote", lambda r: r.quote),
    ],
    "topic": [
        ("actor", lambda r: r.actor.name),
        ("date", lambda r: _iso(r.date) or ""),
        ("stance", lambda r: r.stance),
        ("record", lambda r: r.record),
    ],
}


def _inert(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _claim_lines(claims: Sequence[ClaimRow], *, quotes: bool = False) -> str:
    """One line per claim; with ``quotes``, the quote whole (tables wrap it, never cut it)."""
    lines = []
    for c in claims:
        relayed = f" (via {', '.join(r.name for r in c.via)})" if c.via else ""
        line = (
            f"{'DENIES: ' if c.denies else ''}{c.speaker.name}{relayed}, {c.venue}, "
            f"{c.date.isoformat()}"
        )
        if quotes:
            line += f", {c.mode}: {c.quote}"
        lines.append(line)
    return "\n".join(lines)


class Rows(Sequence[R], Generic[R]):
    """An ordered, immutable list of result rows of one ``kind``, with renderers.

    ``kind`` is one of ``concessions``, ``meetings``, ``positions``,
    ``statements`` or ``topic`` (the cells of a topic matrix).
    """

    def __init__(self, kind: str, rows: Iterable[R]) -> None:
        if kind not in _COLUMNS:
            raise ValueError(f"unknown row kind {kind!r}; known: {', '.join(_COLUMNS)}")
        self.kind = kind
        self._rows: tuple[R, ...] = tuple(rows)

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> Rows[R]: ...
    def __getitem__(self, index: int | slice) -> R | Rows[R]:
        if isinstance(index, slice):
            return Rows(self.kind, self._rows[index])
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[R]:
        return iter(self._rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows):
            return self.kind == other.kind and self._rows == other._rows
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.kind, self._rows))

    def __repr__(self) -> str:
        return f"<Rows {self.kind}: {len(self)}>"

    # --- renderers ----------------------------------------------------------------------
    def to_dicts(self) -> list[Json]:
        """The rows as JSON-ready dicts (the stable keys)."""
        return [row.to_dict() for row in self._rows]

    def to_json(self, indent: int | None = 2) -> str:
        """A JSON array of :meth:`to_dicts`, UTF-8 text kept as is."""
        return json.dumps(self.to_dicts(), ensure_ascii=False, indent=indent)

    def to_flat(self) -> list[Json]:
        """One flat dict per row, for CSV and DataFrames (nested lists joined by ``"; "``)."""
        return [row.flat() for row in self._rows]

    def to_csv(self) -> str:
        """The flat rows as CSV, with a header even when there are no rows.

        A cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``,
        ``-``, ``@``, a tab or a carriage return) gets a leading ``'``, the OWASP
        mitigation for CSV injection; JSON output keeps every value exactly.
        """
        flat = [{k: _inert(v) for k, v in row.items()} for row in self.to_flat()]
        header = list(flat[0]) if flat else _empty_header(self.kind)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return out.getvalue()

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame of the flat rows (pandas is imported only here)."""
        import pandas as pd

        flat = self.to_flat()
        return pd.DataFrame(flat, columns=list(flat[0]) if flat else _empty_header(self.kind))

    def headers(self) -> list[str]:
        """The headers of the main columns (what a terminal or notebook table shows)."""
        return [header for header, _ in _COLUMNS[self.kind]]

    def cells(self) -> Iterator[list[str]]:
        """Each row's main columns as plain text, claims listed in their cell."""
        columns = _COLUMNS[self.kind]
        for row in self._rows:
            yield [cell(row) for _, cell in columns]

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.headers())
        body = "".join(
            "<tr>"
            + "".join(f"<td>{html.escape(cell).replace(chr(10), '<br>')}</td>" for cell in cells)
            + "</tr>"
            for cells in self.cells()
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_HEADERS = {
    "concessions": "concession summary topic status conceder conceder_name conceded_to "
    "beneficiaries conditions modality demanded_by proposed_in answer corroboration claimants "
    "chains sources statements",
    "proposals": "proposal title kind status topic proposers drafters response_deadline "
    "provisions claimants sources statements",
    "history": "date statement speaker venue via source source_kind mode quote record "
    "record_kind relation summary standing speaker_name",
    "tensions": "kind topic why record actor standing against against_actor against_standing "
    "statements",
    "meetings": "meeting title start end location status participants statements",
    "positions": "position actor actor_name stance topic date summary statements",
    "statements": "statement speaker mode venue date date_precision quote source supports "
    "denies speaker_name",
    "topic": "actor actor_name date stance record",
}


def _empty_header(kind: str) -> list[str]:
    return _HEADERS[kind].split()
