"""The local engine (graph.ask.engine): bound values, and the rows it keeps of a store that never changes."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.ask.engine import Iri, LocalEngine, Value

NQ = "\n".join(
    [
        '<http://e/a> <http://e/p> "x" <http://e/g> .',
        "<http://e/a> <http://e/p> <http://e/x> <http://e/g> .",
        '<http://e/b> <http://e/d> "2025-08-17"^^<http://www.w3.org/2001/XMLSchema#date> <http://e/g> .',
    ]
)
BY_OBJECT = "SELECT ?s ?o WHERE { GRAPH ?g { ?s <http://e/p> ?o } } ORDER BY ?o"


@pytest.fixture
def engine() -> LocalEngine:
    return LocalEngine.from_text(NQ, "nq")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, [("http://e/a", "http://e/x"), ("http://e/a", "x")]),
        ({"o": "x"}, [("http://e/a", "x")]),  # a str binds as a literal ...
        ({"o": Iri("http://e/x")}, [("http://e/a", "http://e/x")]),  # ... an Iri as an IRI
        ({"o": "http://e/x"}, []),  # the same text as a literal matches nothing
        ({"o": Iri("http://e/y")}, []),
    ],
)
def test_bound_values(
    engine: LocalEngine, values: dict[str, Value], expected: list[tuple[str, ...]]
) -> None:
    assert engine.select(BY_OBJECT, values) == expected


def test_kept_rows_keep_the_kind_of_each_value(engine: LocalEngine) -> None:
    # asked in turn on one engine: an Iri and a str of equal text must not share kept rows
    assert engine.select(BY_OBJECT, {"o": Iri("http://e/x")}) == [("http://e/a", "http://e/x")]
    assert engine.select(BY_OBJECT, {"o": "http://e/x"}) == []
    assert engine.select(BY_OBJECT, {"o": Iri("http://e/y")}) == []
    assert engine.select(BY_OBJECT, {"o": "x"}) == [("http://e/a", "x")]


def test_dates_bind_as_xsd_dates(engine: LocalEngine) -> None:
    q = "SELECT ?s ?o WHERE { GRAPH ?g { ?s <http://e/d> ?o } }"
    assert engine.select(q, {"o": dt.date(2025, 8, 17)}) == [("http://e/b", "2025-08-17")]
    assert engine.select(q, {"o": "2025-08-17"}) == []


def test_kept_rows_are_the_store_rows_and_callers_cannot_spoil_them(engine: LocalEngine) -> None:
    first = engine.select(BY_OBJECT)
    first.clear()  # a caller's list is its own
    assert engine.select(BY_OBJECT) == [("http://e/a", "http://e/x"), ("http://e/a", "x")]
    assert engine.select(BY_OBJECT) is not engine.select(BY_OBJECT)


def test_derived_values_are_made_once_per_engine(engine: LocalEngine) -> None:
    made: list[int] = []

    def make() -> list[int]:
        made.append(1)
        return [len(made)]

    assert engine.derived("k", make) == [1]
    assert engine.derived("k", make) == [1]
    assert made == [1]
    other = LocalEngine.from_text(NQ, "nq")
    assert other.derived("k", make) == [2]  # another store, made again


@pytest.mark.parametrize("size", [1, 7, 4096, 10**9])
def test_chunks_load_what_the_whole_text_loads(size: int) -> None:
    from graph.compile.quads import compile_quads
    from schemas import load
    from tests.seed import DATA

    text = compile_quads(load(DATA)).nquads().encode("utf-8")
    pieces = [text[i : i + size] for i in range(0, len(text), size)]
    whole = LocalEngine.from_text(text.decode("utf-8"))
    assert sorted(LocalEngine.from_chunks(iter(pieces)).nquads().splitlines()) == sorted(
        whole.nquads().splitlines()
    )
