"""Derived facts in RDF: a graph of their own, the same answers as the query layer, no leaks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.ask.derived import DESCRIPTION, derive
from graph.ask.engine import LocalEngine
from graph.ask.graph import Graph, query_text
from graph.builder.run import build
from graph.compile.quads import compile_quads
from graph.rdf.iris import Minter
from graph.rdf.terms import DCT, DET, PROV
from schemas import load
from tests.graph.ask.test_answers_corpus import _illustrative
from tests.seed import DATA

_DERIVED_TERMS = {DET.derivedStatus, DET.corroboration, DET.answer, DET.claimantCount,
                  DET.chainCount, DET.sourceCount, DET.concederSideStatement}  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("derived") / "build"
    build(DATA, out)
    return out


def _derived_rows(engine: LocalEngine) -> dict[str, tuple[str, ...]]:
    rows = engine.select(query_text("derived"))
    return {r[0].rsplit("/", 1)[1]: r[1:] for r in rows}


def test_sparql_users_read_the_same_answers_as_the_query_layer(built: Path) -> None:
    engine = LocalEngine.from_files([built / "detente.trig"])
    derived = _derived_rows(engine)
    rows = Graph.from_data(DATA).concessions()
    assert set(derived) == {r.concession for r in rows}
    detv = "https://w3id.org/detente/vocab/"
    for r in rows:
        scheme = "corroboration" if r.modality == "made" else "modality"
        assert derived[r.concession] == (
            f"{detv}{scheme}-{r.status}", f"{detv}corroboration-{r.corroboration}", r.answer,
            str(r.claimants), str(r.chains), str(r.sources),
        )  # fmt: skip


def test_the_hypothetical_us_commitment_is_derived_hypothetical_never_confirmed(
    built: Path,
) -> None:
    engine = LocalEngine.from_files([built / "detente.trig"])
    status = _derived_rows(engine)["us-direct-security-commitment"][0]
    assert status.endswith("modality-hypothetical")


def test_the_derived_graph_describes_itself_and_what_it_was_derived_from(built: Path) -> None:
    engine = LocalEngine.from_files([built / "detente.trig"])
    name = Minter().iri("graph", "derived")
    q = "SELECT ?g ?p ?o WHERE { GRAPH ?g { ?g ?p ?o } }"
    about = [(p, o) for g, p, o in engine.select(q) if g == name]
    assert (DCT.description, DESCRIPTION) in about
    assert ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", DET.DerivedGraph) in about
    graphs = {r[0] for r in engine.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    sources = {o for p, o in about if p == PROV.wasDerivedFrom}
    assert sources == graphs - {name}


def test_no_derived_fact_stands_in_a_source_graph_and_no_claim_in_the_derived_one(
    built: Path,
) -> None:
    engine = LocalEngine.from_files([built / "detente.trig"])
    name = Minter().iri("graph", "derived")
    q = "SELECT DISTINCT ?g ?p WHERE { GRAPH ?g { ?s ?p ?o } }"
    by_graph: dict[str, set[str]] = {}
    for g, p in engine.select(q):
        by_graph.setdefault(g, set()).add(p)
    assert by_graph[name] - _DERIVED_TERMS == {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", DCT.description, PROV.wasDerivedFrom
    }
    assert all(not (ps & _DERIVED_TERMS) for g, ps in by_graph.items() if g != name)


def test_conceder_side_statements_are_those_the_status_rests_on() -> None:
    d = derive(compile_quads(load(DATA)))
    side = {ln.split(" ")[2].strip("<>").rsplit("/", 1)[1]
            for ln in d.lines if DET.concederSideStatement in ln}  # fmt: skip
    expected = {c.statement for r in d.rows for c in r.claims if c.conceder_side}
    assert side == expected and side  # the four-source corpus has conceder-side claims


def test_an_illustrative_source_is_not_read_and_changes_no_derived_fact(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    plain = derive(compile_quads(load(data)))
    _illustrative(data)
    with_example = derive(compile_quads(load(data)))
    example = Minter().iri("source", "zz-illustrative", "graph")
    assert not any(example in line for line in with_example.lines)
    assert with_example.lines == plain.lines
