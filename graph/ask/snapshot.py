"""The answer snapshot: who conceded what as the build judged it, answered without a store.

``detente build`` judges every concession once (:mod:`graph.ask.derived`) and
writes the default view's rows (every claim in view, illustrative sources left
out, no as-of day) as JSON beside its RDF: ``detente.answers.json``, in the same
generation, so the two are published together. :meth:`Graph.from_build
<graph.ask.graph.Graph.from_build>` answers who-conceded-what from it and loads
the store only when a question needs it (a filter by actor or topic, another view,
an as-of day).

A snapshot is used only when it describes exactly the build file being opened
(its size and modification time, as written) and was written by this very code
(:func:`code_version`: the ask room, the records' code and pyoxigraph's version).
Anything else, or any damage, and it is ignored: the answer is then worked out
from the store, as it always can be. It is JSON, never pickle: reading one runs
no code.

>>> import datetime as dt
>>> from graph.ask.rows import ClaimRow, ConcessionRow, Ref
>>> ru = Ref("russia", "Russia")
>>> claim = ClaimRow("s1", Ref("steve-witkoff", "Steve Witkoff"), "CNN", dt.date(2025, 8, 17),
...                  "day", "They agreed.", "seed", "quote")
>>> row = ConcessionRow("c1", "A pledge.", "t", "claimed", ru, (ru,), (), (), "made", 1, 1,
...                     (claim,))
>>> rows_of(state_of([row])) == [row]
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from graph.ask.rows import ClaimRow, ConcessionRow, Ref
from graph.files import SNAPSHOT

__all__ = ["SNAPSHOT", "code_version", "read_snapshot", "rows_of", "state_of", "write_snapshot"]

_FORMAT = 1


@cache
def code_version() -> str:
    """A hash of the code a snapshot's rows depend on: the ask room, the records, pyoxigraph."""
    import pyoxigraph

    root = Path(__file__).resolve().parents[2]
    h = hashlib.sha256(f"{_FORMAT} {pyoxigraph.__version__}".encode())
    paths = [*root.glob("graph/ask/**/*.py"), *root.glob("graph/ask/queries/*.rq")]
    paths += [*root.glob("schemas/*.py"), root / "graph" / "options.py"]
    for path in sorted(paths):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _stat(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def state_of(rows: list[ConcessionRow]) -> dict[str, Any]:
    """Rows as plain JSON data: actors once in ``refs``, rows and claims as lists."""
    refs: dict[Ref, int] = {}

    def at(ref: Ref) -> int:
        return refs.setdefault(ref, len(refs))

    def claim(c: ClaimRow) -> list[Any]:
        return [c.statement, at(c.speaker), c.venue, c.date.isoformat(), c.date_precision,
                c.quote, c.source, c.mode, c.denies, c.conceder_side, [at(v) for v in c.via],
                c.source_kind, c.restates]  # fmt: skip

    out = [
        [r.concession, r.summary, r.topic, r.status, at(r.conceder),
         [at(x) for x in r.conceded_to], [at(x) for x in r.beneficiaries], list(r.conditions),
         r.modality, r.claimants, r.sources, [claim(c) for c in r.claims], r.kind,
         [at(x) for x in r.demanded_by], r.proposed_in, r.corroboration, r.answer, r.chains]
        for r in rows
    ]  # fmt: skip
    return {"refs": [[r.id, r.name] for r in refs], "rows": out}


def rows_of(state: dict[str, Any]) -> list[ConcessionRow]:
    """The rows :func:`state_of` wrote (a ValueError, KeyError or TypeError when damaged)."""
    refs = [Ref(str(i), str(n)) for i, n in state["refs"]]
    days: dict[str, dt.date] = {}

    def day(text: str) -> dt.date:
        found = days.get(text)
        if found is None:
            found = days[text] = dt.date.fromisoformat(text)
        return found

    def many(at: list[int]) -> tuple[Ref, ...]:
        return tuple(map(refs.__getitem__, at)) if at else ()

    def claim(c: list[Any]) -> ClaimRow:
        st, who, venue, date, prec, quote, src, mode, denies, side, via, kind, restates = c
        return ClaimRow(st, refs[who], venue, day(date), prec, quote, src, mode, bool(denies),
                        bool(side), many(via), kind, restates)  # fmt: skip

    def row(r: list[Any]) -> ConcessionRow:
        (cid, summary, topic, status, conceder, to, ben, conditions, modality, claimants,
         sources, claims, kind, demanded, proposed, corroboration, said, chains) = r  # fmt: skip
        return ConcessionRow(
            cid, summary, topic, status, refs[conceder], many(to), many(ben), tuple(conditions),
            modality, int(claimants), int(sources), tuple(map(claim, claims)), kind,
            many(demanded), proposed, corroboration, said, int(chains),
        )  # fmt: skip

    return [row(r) for r in state["rows"]]


def write_snapshot(rows: list[ConcessionRow], built: list[Path]) -> bytes:
    """The snapshot of ``rows`` for the build files ``built`` (already written), as bytes."""
    state = {
        "format": _FORMAT,
        "version": code_version(),
        "files": {p.name: _stat(p) for p in built},
        **state_of(rows),
    }
    return json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_snapshot(folder: Path, build: Path) -> list[ConcessionRow] | None:
    """The rows of ``folder``'s snapshot if it describes ``build`` as it is now, else None."""
    try:
        data = (folder / SNAPSHOT).read_bytes()
    except OSError:
        return None
    try:
        state = json.loads(data)
        if (
            not isinstance(state, dict)
            or state.get("format") != _FORMAT
            or state.get("version") != code_version()
            or state.get("files", {}).get(build.name) != _stat(build)
        ):
            return None
        return rows_of(state)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
