"""RemoteEngine: values bound safely, and the same answers remote as local (real Oxigraph)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.ask.engine import Iri, LocalEngine, Value
from graph.ask.graph import QUERIES, Graph, query_text
from graph.cli import main
from graph.compile.quads import compile_quads
from graph.remote.engine import RemoteEngine, bind, open_remote, term
from graph.remote.gsp import push
from schemas import load
from schemas.errors import EndpointError, UsageError
from tests.graph.servers import Fake, server  # noqa: F401
from tests.seed import DATA, SEED_DATA

_EMPTY = ox.Store()
HOSTILE = [
    'say "hi"',
    '"} ; DROP ALL ; #',
    "x\\u0022y",
    "x\\\\u0022 } #",
    "line\nbreak\r\ttab",
    "\x00\x01\x7f",
    "> } UNION { ?s ?p ?o",
    "é ü 漢字 😀",
    "'single' '''",
]


def echo(value: Value) -> list[str]:
    result = _EMPTY.query(bind("SELECT ?v WHERE {}", {"v": value}))
    assert isinstance(result, ox.QuerySolutions)
    return [s["v"].value for s in result]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_bound_literal_is_exactly_the_value(value: str) -> None:
    assert echo(value) == [value]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_binds_to_itself(value: str) -> None:
    assert echo(value) == [value]


@pytest.mark.parametrize(
    "iri",
    ["http://e.org/a>", "http://e.org/a b", 'http://e.org/"', "no-scheme", "http://e.org/\\u003E"],
)
def test_unsafe_iris_are_refused(iri: str) -> None:
    with pytest.raises(UsageError):
        term("x", Iri(iri))


@pytest.mark.parametrize("name", ["a b", "x)", "", "?x", "x} ; DROP ALL #"])
def test_bad_variable_names_are_refused(name: str) -> None:
    with pytest.raises(UsageError):
        bind("SELECT * WHERE {}", {name: "v"})


def test_a_trailing_comment_cannot_swallow_the_values() -> None:
    q = "SELECT ?v WHERE { VALUES ?v { 'a' 'b' } } # trailing"
    assert [s["v"].value for s in _EMPTY.query(bind(q, {"v": "a"}))] == ["a"]  # type: ignore[union-attr]


def test_dates_bind_as_xsd_dates() -> None:
    assert echo(dt.date(2025, 8, 15)) == ["2025-08-15"]


@pytest.fixture(scope="module")
def local() -> LocalEngine:
    from schemas import load

    return LocalEngine.from_text(compile_quads(load(SEED_DATA)).nquads(), "nq")


def _binding_cases(local: LocalEngine) -> list[tuple[str, dict[str, Value]]]:
    cases: list[tuple[str, dict[str, Value]]] = []
    for path in sorted(QUERIES.glob("*.rq")):
        result = local.run(query_text(path.stem))
        assert isinstance(result, dict)
        rows = result["results"]["bindings"]
        for var in result["head"]["vars"]:
            cell: dict[str, Any] | None = next((r[var] for r in rows if var in r), None)
            if cell is None:
                continue
            value: Value = Iri(cell["value"]) if cell["type"] == "uri" else cell["value"]
            if cell.get("datatype", "").endswith("#date"):
                value = dt.date.fromisoformat(cell["value"])
            cases.append((path.stem, {var: value}))
    return cases


def test_trailing_values_equals_local_substitution(local: LocalEngine) -> None:
    """For every named query and projected variable: bind() gives what substitutions give.

    Rows are compared as sorted lists (a query without ORDER BY has no row order).
    The one known difference: a variable bound only inside OPTIONAL, which
    SEP-0007 substitution forces into the OPTIONAL; the query layer binds none.
    """
    cases = _binding_cases(local)
    assert len(cases) > 20
    for name, values in cases:
        text = query_text(name)
        expected = local.select(text, values)
        assert expected, (name, values)
        if sorted(local.select(bind(text, values))) != sorted(expected):
            var = f"?{next(iter(values))}"
            where = text[text.index("WHERE") :].splitlines()
            uses = [line for line in where if var in line and not line.startswith("ORDER BY")]
            assert uses and all("OPTIONAL" in line for line in uses), (name, values)


def test_the_bindings_the_query_layer_makes_match(local: LocalEngine) -> None:
    from graph.rdf.terms import PREFIXES

    DET = PREFIXES["det"]  # noqa: N806

    for kind in ("Concession", "Position", "Meeting"):
        values: dict[str, Value] = {"type": Iri(DET + kind)}
        text = query_text("claims")
        assert sorted(local.select(bind(text, values))) == sorted(local.select(text, values))


def test_a_non_select_is_refused_by_select() -> None:
    with Fake(200) as fake, pytest.raises(EndpointError):
        RemoteEngine(fake.url + "/query").select("ASK {}")


@pytest.fixture
def pushed(server):  # noqa: F811
    from schemas import load

    push(compile_quads(load(SEED_DATA)), server.endpoint)
    return server


VIEWS = [
    ("concessions", {}),
    ("concessions", {"by": "Moscow"}),
    ("concessions", {"status": "claimed"}),
    ("meetings", {}),
    ("positions", {}),
    ("statements", {}),
]


@pytest.mark.integration
def test_remote_answers_equal_local_answers(pushed) -> None:
    remote = open_remote(pushed.endpoint.query)
    here = Graph.from_data(SEED_DATA)
    for view, filters in VIEWS:
        assert (
            getattr(remote, view)(**filters).to_json() == getattr(here, view)(**filters).to_json()
        )
    day = dt.date(2025, 8, 17)
    assert remote.as_of(day).concessions().to_json() == here.as_of(day).concessions().to_json()
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    assert remote.sparql(q) == here.sparql(q)
    assert remote.sparql("ASK { GRAPH ?g { ?s ?p ?o } }") is True
    # without GRAPH, the default graph is the union of all graphs, remotely as locally
    plain = "SELECT ?c WHERE { ?c a <https://w3id.org/detente/ns#Concession> } ORDER BY ?c"
    assert remote.sparql(plain) == here.sparql(plain)
    assert len(here.sparql(plain)["results"]["bindings"]) == 3  # type: ignore[index]
    construct = remote.sparql("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(construct, str)
    assert len(construct.splitlines()) == len(compile_quads(load(SEED_DATA)))


@pytest.mark.integration
def test_cli_ask_with_endpoint_prints_the_local_json(pushed, capsys) -> None:
    assert main(["ask", "concessions", "--format", "json", "--data", str(SEED_DATA)]) == 0
    here = json.loads(capsys.readouterr().out)
    assert (
        main(["ask", "concessions", "--format", "json", "--endpoint", pushed.endpoint.query]) == 0
    )
    assert json.loads(capsys.readouterr().out) == here
    assert here


CORPUS_VIEWS = [
    ("concessions", (), {}),
    ("concessions", (), {"modality": "demanded"}),
    ("concessions", (), {"topic": "ukraine-security-guarantees"}),
    ("concessions", (), {"by": "Putin", "via_affiliation": True}),
    ("proposals", (), {}),
    ("positions", (), {}),
    ("meetings", (), {}),
    ("statements", (), {}),
    ("history", ("article-5-like-guarantee",), {}),
    ("history", ("Zelensky",), {}),
    ("tensions", (), {}),
    ("topic", ("territory-in-settlement",), {}),
]


@pytest.fixture
def pushed_corpus(server):  # noqa: F811
    from schemas import load

    push(compile_quads(load(DATA)), server.endpoint)
    return server


@pytest.mark.integration
def test_remote_answers_equal_local_answers_on_the_corpus(pushed_corpus) -> None:
    """Every view on the four-source corpus, answer words and derived status included."""
    remote = open_remote(pushed_corpus.endpoint.query)
    here = Graph.from_data(DATA)
    for view, args, filters in CORPUS_VIEWS:
        mine = getattr(here, view)(*args, **filters)
        assert mine, (view, args, filters)
        assert getattr(remote, view)(*args, **filters).to_json() == mine.to_json(), view
    day = dt.date(2025, 11, 30)
    assert remote.as_of(day).tensions().to_json() == here.as_of(day).tensions().to_json()
