"""A real Virtuoso: push the corpus, and every named query and ``ask`` view answers as locally.

One server per module (about 3-12 s to come online), started from a temporary
folder on 127.0.0.1 and always stopped; tests that kill a server start their
own. Skipped, saying how to install it, where ``virtuoso-t`` is missing.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.ask.engine import Iri, LocalEngine, Value
from graph.ask.graph import QUERIES, Graph, query_text
from graph.cli import build_parser, main
from graph.compile.compiled import Compiled
from graph.compile.quads import compile_quads
from graph.remote.engine import RemoteEngine
from graph.remote.gsp import push
from graph.remote.http import ENV_PASSWORD, ENV_USER, Auth, Transport
from schemas.errors import EndpointError
from tests.graph.remote.proxy import CuttingProxy
from tests.graph.remote.test_engine import HOSTILE, _binding_cases
from tests.graph.virtuoso import DBA, VirtuosoServer, virtuoso_or_skip

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]
OURS = "https://w3id.org/detente/"


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    from schemas import load

    return compile_quads(load(ROOT / "data"))


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """One server for the module, with nothing pushed yet."""
    virtuoso_or_skip()
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server
    assert server.pid is None


@pytest.fixture(scope="module")
def pushed(virtuoso: VirtuosoServer, compiled: Compiled) -> VirtuosoServer:
    """The server holding the corpus in ``data/``."""
    report = push(compiled, virtuoso.endpoint, Transport(DBA))
    assert report.verified
    return virtuoso


@pytest.fixture(scope="module")
def local(compiled: Compiled) -> LocalEngine:
    return LocalEngine.from_text(compiled.nquads(), "nq")


@pytest.fixture(scope="module")
def remote(pushed: VirtuosoServer) -> RemoteEngine:
    assert pushed.endpoint.query is not None
    return RemoteEngine(pushed.endpoint.query)


def ours(counts: dict[str, int]) -> dict[str, int]:
    """The counts of detente's graphs (Virtuoso keeps graphs of its own)."""
    return {g: n for g, n in counts.items() if g.startswith(OURS)}


def local_counts(compiled: Compiled) -> dict[str, int]:
    return {g: len(t) for g, t in compiled.graphs.items()}


# --- push ----------------------------------------------------------------------------------
def test_push_is_exact_and_idempotent(
    pushed: VirtuosoServer, remote: RemoteEngine, local: LocalEngine, compiled: Compiled
) -> None:
    everything = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <%s> { ?s ?p ?o } }"
    before = {g: sorted(str(remote.run(everything % g)).splitlines()) for g in compiled.graphs}
    assert before == {
        g: sorted(str(local.run(everything % g)).splitlines()) for g in compiled.graphs
    }
    again = push(compiled, pushed.endpoint, Transport(DBA))
    assert again.verified and again.requests == len(compiled.graphs) + 1  # one query verifies
    assert ours(remote.graph_counts()) == local_counts(compiled)
    after = {g: sorted(str(remote.run(everything % g)).splitlines()) for g in compiled.graphs}
    assert after == before


def test_push_replaces_a_graph(virtuoso: VirtuosoServer, compiled: Compiled) -> None:
    name = next(iter(compiled.graphs))
    push(Compiled({name: ['<http://e.org/stale> <http://e.org/p> "old"']}), virtuoso.endpoint,
         Transport(DBA))  # fmt: skip
    push(compiled, virtuoso.endpoint, Transport(DBA))
    assert virtuoso.endpoint.query is not None
    assert ours(RemoteEngine(virtuoso.endpoint.query).graph_counts()) == local_counts(compiled)


@pytest.mark.parametrize(
    ("auth", "password"), [(None, None), (Auth.login("dba", "wrong"), "wrong")]
)
def test_the_graph_store_needs_the_right_login(
    virtuoso: VirtuosoServer, compiled: Compiled, auth: Auth | None, password: str | None
) -> None:
    with pytest.raises(EndpointError) as err:
        push(compiled, virtuoso.endpoint, Transport(auth, retries=0))
    assert err.value.status == 401 and ENV_USER in str(err.value)
    assert password is None or password not in str(err.value)


def test_the_login_comes_from_the_environment_or_netrc(
    virtuoso: VirtuosoServer, compiled: Compiled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rc = tmp_path / "netrc"
    rc.write_text("machine 127.0.0.1 login dba password dba\n")
    rc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(rc))
    monkeypatch.delenv(ENV_USER, raising=False)
    assert push(compiled, virtuoso.endpoint).verified
    monkeypatch.setenv("NETRC", str(tmp_path / "none"))
    monkeypatch.setenv(ENV_USER, "dba")
    monkeypatch.setenv(ENV_PASSWORD, "dba")
    assert push(compiled, virtuoso.endpoint).verified


# --- the same answers ----------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_every_named_query_answers_as_locally(
    name: str, remote: RemoteEngine, local: LocalEngine
) -> None:
    """Rows as multisets: a query without ORDER BY has no row order, and ties have none."""
    assert sorted(remote.select(query_text(name))) == sorted(local.select(query_text(name)))


def test_every_bound_variable_answers_as_locally(remote: RemoteEngine, local: LocalEngine) -> None:
    """Each projected variable of each named query, bound to a value it takes, as locally.

    Virtuoso joins a trailing VALUES differently from the spec for a variable that
    only an OPTIONAL or a BIND gives a value (see :mod:`graph.remote.engine`); the
    query layer binds none, and this checks that only those differ.
    """
    cases = _binding_cases(local)
    assert len(cases) > 20
    differ = []
    for name, values in cases:
        text = query_text(name)
        if sorted(remote.select(text, values)) != sorted(local.select(text, values)):
            var = f"?{next(iter(values))}"
            where = text[text.index("WHERE") :].splitlines()
            uses = [line for line in where if var in line and not line.startswith("ORDER BY")]
            assert uses and all("OPTIONAL" in u or "BIND" in u for u in uses), (name, values)
            differ.append(name)
    assert len(differ) < len(cases) // 2


@pytest.mark.parametrize("kind", ["Concession", "Position", "Meeting", "Statement"])
def test_the_bindings_the_query_layer_makes_answer_as_locally(
    kind: str, remote: RemoteEngine, local: LocalEngine
) -> None:
    values: dict[str, Value] = {"type": Iri(f"https://w3id.org/detente/ns#{kind}")}
    assert sorted(remote.select(query_text("claims"), values)) == sorted(
        local.select(query_text("claims"), values)
    )


def _view_commands(local: LocalEngine) -> list[list[str]]:
    """Every ``ask`` view, bare and with each of its filters (values taken from the corpus)."""
    graph = Graph(local)
    corpus = graph.corpus
    actors = sorted(corpus.actors)
    topics = sorted(graph.registry.topic_forms().values())
    days = sorted({row[5] for row in graph.select("statements")})
    values = {"ACTOR": actors[:2], "TOPIC": topics[:1], "DATE": [days[len(days) // 2]]}
    ask = next(
        a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    ).choices["ask"]
    views = next(a for a in ask._actions if isinstance(a, argparse._SubParsersAction)).choices
    commands: list[list[str]] = []
    for view, parser in views.items():
        positional = [a for a in parser._actions if not a.option_strings and a.dest != "help"]
        # three actors and two topics: each remote view asks the store a dozen questions
        named = {"ACTOR": actors[:3], "TOPIC": topics[:2],
                 "TOPIC_OR_ACTOR": [*topics[:1], *actors[:1]]}  # fmt: skip
        firsts = [[]] if not positional else [[v] for v in named[str(positional[0].metavar)]]
        for first in firsts:
            commands.append([view, *first])
            commands.append([view, *first, "--as-of", days[len(days) // 2]])
        for action in parser._actions:
            flag = action.option_strings[-1] if action.option_strings else ""
            if flag in ("--as-of", "--format", "--data", "--build", "--endpoint", "--preset"):
                continue
            options = list(action.choices or values.get(str(action.metavar), []))
            if action.option_strings and action.nargs is None and options and firsts == [[]]:
                commands += [[view, flag, str(v)] for v in options]
    return commands


def test_every_ask_view_prints_the_local_json(
    pushed: VirtuosoServer, local: LocalEngine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from graph.builder.run import build

    build(ROOT / "data", tmp_path / "build", formats=("nq",))
    commands = _view_commands(local)
    assert {c[0] for c in commands} >= {"concessions", "meetings", "actor", "topic"}
    assert len(commands) > 20
    for command in commands:
        here = main(["ask", *command, "--format", "json", "--build", str(tmp_path / "build")])
        expected = capsys.readouterr()
        there = main(["ask", *command, "--format", "json", "--endpoint", pushed.url,
                      "--preset", "virtuoso"])  # fmt: skip
        got = capsys.readouterr()
        assert (there, json.loads(got.out or "null")) == (
            here,
            json.loads(expected.out or "null"),
        ), (
            command,
            got.err,
        )


def test_ask_concessions_on_the_command_line_equals_local(pushed: VirtuosoServer) -> None:
    """The issue's own command, as a user runs it."""

    def ask(*where: str) -> object:
        done = subprocess.run(
            [sys.executable, "-m", "graph.cli", "ask", "concessions", *where, "--format", "json"],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
        return json.loads(done.stdout)

    here = ask("--data", "data")
    assert here and ask("--endpoint", pushed.url, "--preset", "virtuoso") == here
    from graph.options import STATUSES
    from schemas.vocab import Modality

    words = {*STATUSES, *(m.value for m in Modality)}  # status: corroboration when made, else modality
    assert {row["status"] for row in here} <= words  # type: ignore[attr-defined]


# --- ad-hoc SPARQL -------------------------------------------------------------------------
def test_ask_is_a_boolean(remote: RemoteEngine) -> None:
    assert remote.run("ASK { GRAPH ?g { ?s ?p ?o } }") is True
    assert remote.run("ASK { GRAPH ?g { ?s <http://e.org/nothing> ?o } }") is False


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "
        f"'{OURS}')) }} GROUP BY ?g ORDER BY ?g",
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "
        f"'{OURS}')) }} ORDER BY ?s ?p ?o",
        "SELECT ?c WHERE { ?c a <https://w3id.org/detente/ns#Concession> } ORDER BY ?c",
        "SELECT ?x WHERE { VALUES ?x { true 1 1.5 'a'@en-GB 'b'^^<http://www.w3.org/2001/"
        "XMLSchema#string> '2025-08-15'^^<http://www.w3.org/2001/XMLSchema#date> } }",
    ],
)
def test_ad_hoc_selects_answer_as_locally(
    query: str, remote: RemoteEngine, local: LocalEngine
) -> None:
    got, expected = remote.run(query), local.run(query)
    assert isinstance(got, dict) and isinstance(expected, dict)
    assert got == expected


def test_a_construct_is_pyoxigraphs_n_triples(remote: RemoteEngine, local: LocalEngine) -> None:
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), '{OURS}')) }}"
    got, expected = remote.run(query), local.run(query)
    assert isinstance(got, str) and sorted(got.splitlines()) == sorted(str(expected).splitlines())


def test_without_a_graph_virtuoso_reads_every_graph_it_holds(
    remote: RemoteEngine, local: LocalEngine, compiled: Compiled
) -> None:
    """What the README says: no GRAPH and no FROM is the union of all graphs, its own too."""
    count = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s ?p ?o }}"
    union = len(compiled)
    assert int(remote.select(count.format(**{"from": ""}))[0][0]) > union  # virtrdf: and others
    named = " ".join(f"FROM <{g}>" for g in compiled.graphs)
    assert remote.select(count.format(**{"from": named})) == [(str(union),)]
    assert local.select(count.format(**{"from": named})) == [(str(union),)]


HOSTILE_GRAPH = "http://e.org/hostile"
PREDICATE = "http://e.org/v"


def _echo(server: VirtuosoServer, remote: RemoteEngine, value: str) -> tuple[object, object]:
    """Push ``value`` as a literal, then find it by binding it and read it back."""
    from graph.rdf import ntriples as nt

    line = f"{nt.iri('http://e.org/item')} {nt.iri(PREDICATE)} {nt.literal(value)}"
    push(Compiled({HOSTILE_GRAPH: [line]}), server.endpoint, Transport(DBA), verify=False)
    where = f"GRAPH <{HOSTILE_GRAPH}> {{ ?s <{PREDICATE}> ?v }}"
    found = remote.select(f"SELECT ?s ?v WHERE {{ {where} }}", {"v": value})
    back = remote.select(f"SELECT ?v WHERE {{ {where} }}")
    return (found, back), ([("http://e.org/item", value)], [(value,)])


@pytest.mark.parametrize("value", HOSTILE)
def test_a_bound_literal_is_exactly_the_value(
    pushed: VirtuosoServer, remote: RemoteEngine, value: str
) -> None:
    got, expected = _echo(pushed, remote, value)
    assert got == expected


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40))
def test_any_text_binds_to_itself(pushed: VirtuosoServer, remote: RemoteEngine, value: str) -> None:
    """Any text detente can hold (it refuses control characters in every field).

    Virtuoso echoes a bound ``"\\u0000\\u0080"`` as '' (it still matches the stored
    literal); a NUL is never in detente's data, and filters are resolved to ids.
    """
    got, expected = _echo(pushed, remote, value)
    assert got == expected


# --- killed pushes converge ----------------------------------------------------------------
def test_a_push_killed_mid_body_converges(virtuoso: VirtuosoServer, compiled: Compiled) -> None:
    """SIGKILL ``detente push`` while a PUT body is half sent; the rerun mends the store."""
    old = Compiled({g: t[: len(t) // 2] for g, t in compiled.graphs.items()})
    push(old, virtuoso.endpoint, Transport(DBA))
    body = sum(len(compiled.ntriples([g]).encode()) for g in compiled.graphs)
    with CuttingProxy(virtuoso.http_port, limit=body * 6 // 10) as proxy:
        env = {
            ENV_USER: "dba",
            ENV_PASSWORD: "dba",
            "PATH": "/usr/bin:/bin",
            "HOME": "/nonexistent",
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "graph.cli", "push", "data", "--endpoint", proxy.url,
             "--preset", "virtuoso", "--retries", "0"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            assert proxy.cut.wait(120), "the push never reached the cut"
            assert proc.poll() is None  # held mid-body, not finished
            proc.send_signal(signal.SIGKILL)
            assert proc.wait(30) == -signal.SIGKILL
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert virtuoso.endpoint.query is not None
    counts = ours(RemoteEngine(virtuoso.endpoint.query).graph_counts())
    for g, triples in compiled.graphs.items():  # each graph as it was or as it should be
        assert counts.get(g, 0) in (len(old.graphs[g]), len(triples)), g
    assert counts != local_counts(compiled)  # the kill did cut the push short
    push(compiled, virtuoso.endpoint, Transport(DBA))
    assert ours(RemoteEngine(virtuoso.endpoint.query).graph_counts()) == local_counts(compiled)


def test_a_server_killed_mid_push_converges(compiled: Compiled, tmp_path: Path) -> None:
    """As on Oxigraph: SIGKILL Virtuoso after the first PUT, restart it, push again."""
    virtuoso_or_skip()
    old = Compiled({g: t[: len(t) // 2] for g, t in compiled.graphs.items()})
    with VirtuosoServer(tmp_path / "db") as server:
        ports = server.sql_port, server.http_port
        push(old, server.endpoint, Transport(DBA))

        def kill_after_first(name: str, triples: int, done: int, total: int) -> None:
            if done == 1:
                server.kill()

        with pytest.raises(EndpointError):
            push(compiled, server.endpoint, Transport(DBA, retries=1, sleep=lambda s: None),
                 on_graph=kill_after_first)  # fmt: skip
        assert server.pid is None
    with VirtuosoServer(tmp_path / "db", *ports) as server:
        assert server.endpoint.query is not None
        counts = ours(RemoteEngine(server.endpoint.query).graph_counts())
        for g, triples in compiled.graphs.items():
            assert counts.get(g, 0) in (len(old.graphs[g]), len(triples)), g
        push(compiled, server.endpoint, Transport(DBA))
        assert ours(RemoteEngine(server.endpoint.query).graph_counts()) == local_counts(compiled)
