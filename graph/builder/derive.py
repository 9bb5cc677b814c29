"""The build's derived graph: placed among the graphs it writes, and what it depends on.

:func:`with_derived` works out the derived facts (:mod:`graph.ask.derived`) of a
compiled, validated dataset and puts their graph third, after the registry and
the vocabulary and before the source graphs, so that the graphs the build makes
come first and an incremental rebuild (:mod:`graph.builder.incremental`) keeps it
like them. :func:`evidence_digest` is what of a source graph the derived facts
can depend on: an edit that leaves it unchanged leaves them unchanged, and one
that changes it makes an incremental rebuild work them out again (:func:`rederive`).
A source's title is evidence: it names the source when the source itself speaks
(narration, "the article's own voice").

>>> venue = '<s> <https://w3id.org/detente/ns#venueLabel> "CNN"'
>>> lines = [venue, '<s> <https://schema.org/text> "We agreed."']
>>> evidence_digest(lines) == evidence_digest([venue, '<s> <https://schema.org/text> "No."'])
True
>>> evidence_digest(lines) == evidence_digest([venue.replace("CNN", "Fox")])
False
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.ask.derived import UNREAD
from graph.files import BUILD_FILES, SNAPSHOT, write_atomic
from graph.rdf.terms import DET, SDO

if TYPE_CHECKING:
    from graph.ask.derived import Derived
    from graph.ask.rows import ConcessionRow
    from graph.compile.compiled import Compiled

__all__ = [
    "NOT_EVIDENCE",
    "evidence_digest",
    "keep_fixed",
    "rederive",
    "snapshot_of",
    "with_derived",
]

NOT_EVIDENCE = UNREAD | {
    f"<{iri}>"
    for iri in (
        SDO.text,  # the quote: shown with a claim, never counted
        DET.statementMode,
        DET.datePrecision,
    )
}
"""Predicates of a source graph that no derived fact reads (quotes, anchors, notes)."""


def evidence_digest(lines: list[str]) -> str:
    """A digest of ``lines`` without the triples whose predicate is in :data:`NOT_EVIDENCE`."""
    h = hashlib.sha256()
    for line in lines:
        if line.split(" ", 2)[1] not in NOT_EVIDENCE:
            h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()


def with_derived(compiled: Compiled) -> Derived:
    """Derive the facts of ``compiled`` and put their graph third among its graphs."""
    from graph.ask.derived import derive

    derived = derive(compiled)
    names = [n for n in compiled.graphs if n != derived.name]
    graphs = {n: compiled.graphs[n] for n in names[:2]}
    graphs[derived.name] = derived.lines
    graphs.update((n, compiled.graphs[n]) for n in names[2:])
    compiled.graphs = graphs
    compiled.digests.pop(derived.name, None)
    return derived


_FIXED = "fixed.json"


def keep_fixed(cache: Path, compiled: Compiled, sources: set[str]) -> None:
    """Keep the lines of the graphs the build makes from records (registry, vocabulary).

    With the source graphs' lines in :class:`~graph.builder.graphstore.GraphStore`, they
    are what :func:`rederive` needs to work out the derived facts without a full build.
    """
    from graph.ask.derived import derived_name

    skip = sources | {derived_name(compiled.base)}
    kept = {name: lines for name, lines in compiled.graphs.items() if name not in skip}
    write_atomic(cache / _FIXED, json.dumps(kept).encode("utf-8"))


def rederive(
    cache: Path,
    base: str,
    fixed: list[list[Any]],
    graphs: dict[str, list[Any]],
    fresh: dict[str, list[str]],
) -> tuple[list[list[Any]], Derived] | str:
    """The derived facts again, from the kept lines and the ``fresh`` ones; or why not.

    ``fixed`` are the manifest's build-made graphs (name, digest, triples), ``graphs``
    the source graphs after the edit (name -> sid, key, triples). Returns ``fixed``
    with the derived graph's new digest and size, and the derived facts.
    """
    from graph.builder.graphstore import GraphStore
    from graph.compile.compiled import Compiled

    try:
        kept = json.loads((cache / _FIXED).read_bytes())
    except (OSError, ValueError):
        return f"no usable {_FIXED}"
    store = GraphStore(cache / "graphs")
    lines: dict[str, list[str]] = {}
    for name, _, _ in fixed:
        if name in kept:
            lines[name] = kept[name]
    for name in sorted(graphs, key=lambda n: str(graphs[n][0])):
        found = fresh.get(name)
        if found is None:
            found = store.get(graphs[name][1])
        if found is None:
            return f"the compiled lines of {name} are not in the cache"
        lines[name] = found
    compiled = Compiled(lines, base)
    derived = with_derived(compiled)
    if [n for n in compiled.graphs if n not in graphs] != [n for n, _, _ in fixed]:
        return "the graphs the build makes are not those of the last build"
    return [[n, compiled.digest(n), len(compiled.graphs[n])] for n, _, _ in fixed], derived


def snapshot_of(rows: list[ConcessionRow]) -> Callable[[list[Path]], dict[str, bytes]]:
    """What a generation adds beside the RDF files it wrote: the answer snapshot of ``rows``."""
    from graph.ask.snapshot import write_snapshot

    def files(written: list[Path]) -> dict[str, bytes]:
        readable = [path for path in written if path.name in BUILD_FILES]
        return {SNAPSHOT: write_snapshot(rows, readable)} if readable else {}

    return files
