"""Derived facts: what the build works out from the claims, in a named graph of its own.

A source's graph says what its statements claim; nothing in it is derived. The
build then asks the compiled graph who conceded what, with the very code every
surface uses (:meth:`Graph.concessions <graph.ask.graph.Graph.concessions>` over a
store of the compiled lines, default view: statements of ``illustrative``
sources are no evidence), and writes the result into ``<base>graph/derived``:

* the graph itself: ``a det:DerivedGraph``, a ``dcterms:description``, and
  ``prov:wasDerivedFrom`` each graph it read (illustrative sources' graphs not);
* per concession with evidence in view: ``det:derivedStatus`` (a concept of
  ``detv:corroboration`` when made, else of ``detv:modality``), ``det:corroboration``,
  ``det:answer`` (the answer model's phrase, :mod:`graph.ask.words`),
  ``det:claimantCount``, ``det:chainCount``, ``det:sourceCount``, and
  ``det:concederSideStatement`` for each statement by the conceder's side.

So a SPARQL user can ask for derived status and never confuse it with a claim:
it sits in another graph, of another type. :attr:`Derived.rows` are the same
answers as rows, for the build's answer snapshot (:mod:`graph.ask.snapshot`).

>>> from schemas import load
>>> from graph.compile.quads import compile_quads
>>> d = derive(compile_quads(load("data")))
>>> d.name
'https://w3id.org/detente/id/graph/derived'
>>> [ln for ln in d.lines if "russia-legislated" in ln and "derivedStatus" in ln]
... # doctest: +NORMALIZE_WHITESPACE
['<https://w3id.org/detente/id/concession/russia-legislated-no-seizure-pledge>
  <https://w3id.org/detente/ns#derivedStatus> <https://w3id.org/detente/vocab/corroboration-claimed>']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.ask.engine import LocalEngine
from graph.ask.graph import Graph
from graph.ask.rows import ConcessionRow
from graph.rdf import ntriples as nt
from graph.rdf.iris import Minter
from graph.rdf.skos import concept_iri
from graph.rdf.terms import DCT, DET, OA, PROV, SDO, SKOS
from schemas.vocab import Corroboration, Modality

if TYPE_CHECKING:
    from graph.compile.compiled import Compiled

__all__ = ["DESCRIPTION", "UNREAD", "Derived", "derive", "derived_name"]

UNREAD = frozenset(
    f"<{iri}>"
    for iri in (
        *(OA.hasSource, OA.hasSelector, OA.exact, OA.prefix, OA.suffix, OA.start, OA.end),
        *(DET.evidence, DET.furniture, DET.furnitureList, DET.sha256, DET.textFile),
        *(DET.truncated, DET.dateNote, SKOS.editorialNote, SDO.inLanguage),
    )
)
"""Predicates no query of who-conceded-what reads (anchors, furniture, notes): the store
:func:`derive` opens leaves them out (a third of a source graph's lines)."""

DESCRIPTION = (
    "Facts derived by detente's build from the claims of the other graphs, never a "
    "source's claim: each concession's derived status, corroboration, answer and counts "
    "of claimants, independent chains and sources, from the statements in view "
    "(statements of illustrative sources are no evidence)."
)
"""The derived graph's ``dcterms:description``."""


_CORROBORATION = {member.value: member for member in Corroboration}
_MODALITY = {member.value: member for member in Modality}


@dataclass(frozen=True)
class Derived:
    """The derived graph's name and N-Triples lines, and the rows they were made from."""

    name: str
    lines: list[str]
    rows: list[ConcessionRow]


def derived_name(base: str) -> str:
    """The IRI of the derived graph under ``base``."""
    return Minter(base).iri("graph", "derived")


def derive(compiled: Compiled) -> Derived:
    """The derived facts of ``compiled`` (every graph but a derived one is read)."""
    name = derived_name(compiled.base)
    read = [g for g in compiled.graphs if g != name]
    graph = Graph(LocalEngine.from_chunks(_judged_lines(compiled, read), "nq"))
    rows = list(graph.concessions())
    minter = Minter(compiled.base)
    kinds = graph.registry.source_kinds
    hidden = {minter.iri("source", s, "graph") for s, k in kinds.items() if k == "illustrative"}
    me = nt.iri(name)
    lines = [
        f"{me} {nt.RDF_TYPE} {DET.nt.DerivedGraph}",
        f"{me} {DCT.nt.description} {nt.literal(DESCRIPTION)}",
    ]
    lines += [f"{me} {PROV.nt.wasDerivedFrom} {nt.iri(g)}" for g in read if g not in hidden]
    for row in rows:
        lines += _facts(minter, row)
    return Derived(name, lines, rows)


def _judged_lines(compiled: Compiled, read: list[str]) -> Iterator[bytes]:
    """N-Quads of the graphs ``read``, a graph at a time, without the lines no question reads."""
    for g in read:
        lines = compiled.graphs[g]
        yield "".join(f"{t} <{g}> .\n" for t in lines if t.split(" ", 2)[1] not in UNREAD).encode()


def _facts(minter: Minter, row: ConcessionRow) -> list[str]:
    c = nt.iri(minter.iri("concession", row.concession))
    corroboration = _CORROBORATION[row.corroboration]
    status = corroboration if row.modality == "made" else _MODALITY[row.modality]
    out = [
        f"{c} {DET.nt.derivedStatus} {nt.iri(concept_iri(status))}",
        f"{c} {DET.nt.corroboration} {nt.iri(concept_iri(corroboration))}",
        f"{c} {DET.nt.answer} {nt.literal(row.answer)}",
        f"{c} {DET.nt.claimantCount} {nt.integer(row.claimants)}",
        f"{c} {DET.nt.chainCount} {nt.integer(row.chains)}",
        f"{c} {DET.nt.sourceCount} {nt.integer(row.sources)}",
    ]
    sides = sorted({claim.statement for claim in row.claims if claim.conceder_side})
    out += [f"{c} {DET.nt.concederSideStatement} {nt.iri(minter.iri('statement', s))}"
            for s in sides]  # fmt: skip
    return out
