"""Fuzz ``detente ask`` filters and ``detente sparql`` through ``graph.cli.main``.

Whatever a filter holds, a run exits 0, 1 or 2 with no traceback and raises
nothing. SPARQL-hostile values are inert: every view answers exactly as it does
for a value that matches nothing (same exit code, same JSON, the same message
once the value itself is taken out), and the store holds the same triples
afterwards. ``detente sparql`` refuses SPARQL Update and every SERVICE clause
before anything runs, so it can neither change a build nor fetch a URL.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph.cli.ask as ask_cli
from graph.ask.graph import Graph
from graph.builder.run import build
from graph.cli import main
from tests.bad.cases import SEED

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# view -> its free-text filter options (choices-only options are listed apart)
FILTERS: dict[str, list[str]] = {
    "concessions": ["--by", "--to", "--beneficiary", "--claimant", "--topic", "--status"],
    "meetings": ["--participant", "--status", "--since", "--until"],
    "positions": ["--actor", "--topic", "--stance"],
    "statements": ["--speaker", "--venue", "--source"],
    "actor": [],
    "topic": [],
}
COMMON = ["--as-of"]
NOMATCH = "zzqx-no-such-thing"
HOSTILE = [
    '" } ; DROP ALL ; #',
    "> <http://x> .",
    '"> } INSERT DATA { <http://x> <http://y> <http://z> } #',
    "'''",
    '"""',
    "\u0000",
    "nato\u0000",
    "\\u0022 } ; CLEAR ALL",
    "?conceder",
    "$topic",
    "<http://example.org/actor/russia>",
    "https://detente.example.org/actor/russia",
    "M\u043escow",  # a Cyrillic o: a confusable of an alias
    "Ｍｏｓｃｏｗ",  # fullwidth
    "ru\u200bssia",  # zero-width space
    "rus\u0336sia",
    "\u202eaissur",  # right-to-left override
    "\x1b[31mred\x1b[0m",
    "<script>alert(1)</script>",
    "%s %(x)s {0} {}",
    "*",
    ".*",
    "' OR '1'='1",
    "russia' ; #",
    "x" * 10_000,
    '"' * 5_000,
    "\ud800",  # a lone surrogate, as a badly encoded argv would give
]


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse rejects the command line
            code = stop.code if isinstance(stop.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def _argv(view: str, option: str | None, value: str, where: list[str]) -> list[str]:
    head = ["ask", view, *where, "--format", "json"]
    if option is None:  # actor NAME / topic NAME: after `--`, so a leading '-' is a value
        return [*head, "--", value]
    return [*head, f"{option}={value}"]


def _shape(err: str, value: str) -> str:
    """The message with the value (or its cut form) and the suggested close matches taken out."""
    cut = f"{value[:80]}... ({len(value):,} characters)" if len(value) > 80 else value
    text = err.replace(repr(value), "<V>").replace(repr(cut), "<V>")
    return re.sub(r"; closest: .*", "", text)


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built once into a private folder."""
    out = tmp_path_factory.mktemp("ask-fuzz") / "build"
    build(SEED, out)
    return out


@pytest.fixture(scope="module")
def graph(built: Path) -> Graph:
    """One graph shared by every example (its caches fill once)."""
    return Graph.from_build(built)


@contextlib.contextmanager
def _shared(graph: Graph) -> Iterator[None]:
    """Make ``detente ask`` use ``graph``, and check it holds the same triples afterwards."""
    before = len(graph.engine)  # type: ignore[arg-type]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ask_cli, "open_graph", lambda *args: graph)
        yield
    assert len(graph.engine) == before  # type: ignore[arg-type]


VIEW_OPTIONS = [(v, o) for v, opts in FILTERS.items() for o in [*opts, *COMMON]] + [
    ("actor", None),
    ("topic", None),
]
hostile_values = st.one_of(
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map("".join),
    st.tuples(st.sampled_from(HOSTILE), st.text(max_size=20)).map("".join),
)


@FUZZ
@given(
    view_option=st.sampled_from(VIEW_OPTIONS),
    values=st.lists(st.text(max_size=60), min_size=1, max_size=4),
    extra=st.lists(st.sampled_from([*COMMON, "--status", "--topic"]), max_size=2),
)
def test_random_filters_exit_cleanly(
    graph: Graph, view_option: tuple[str, str | None], values: list[str], extra: list[str]
) -> None:
    """Random text in any filter: exit 0, 1 or 2, no traceback, no exception."""
    view, option = view_option
    argv = _argv(view, option, values[0], [])
    for flag, value in zip(extra, values[1:], strict=False):
        if flag in FILTERS[view] or flag in COMMON:
            argv.insert(3, f"{flag}={value}")
    with _shared(graph):
        code, out, err = _run(argv)
    assert code in (0, 1, 2), (argv, err)
    assert "Traceback" not in out + err
    if code:
        assert err.startswith(("detente: ", "usage: ")), err


@FUZZ
@given(view_option=st.sampled_from(VIEW_OPTIONS), value=hostile_values)
def test_hostile_values_are_inert(
    graph: Graph, view_option: tuple[str, str | None], value: str
) -> None:
    """A hostile value answers exactly as a value that matches nothing does."""
    view, option = view_option
    with _shared(graph):
        got = _run(_argv(view, option, value, []))
        want = _run(_argv(view, option, NOMATCH, []))
    assert got[0] == want[0], (got, want)
    assert got[1] == want[1]
    assert _shape(got[2], value) == _shape(want[2], NOMATCH)
    assert "Traceback" not in got[2]


@pytest.mark.parametrize("value", HOSTILE[:12], ids=lambda v: repr(v)[:24])
@pytest.mark.parametrize("where", ["build", "data"])
def test_hostile_values_through_real_open(built: Path, where: str, value: str) -> None:
    """Opening the build (or compiling data/) for real: same answers, build files unchanged."""
    before = _digest(built)
    flag = ["--build", str(built)] if where == "build" else ["--data", str(SEED)]
    for view, option in [("concessions", "--by"), ("statements", "--venue"), ("topic", None)]:
        got = _run(_argv(view, option, value, flag))
        want = _run(_argv(view, option, NOMATCH, flag))
        assert (got[0], got[1]) == (want[0], want[1])
        assert _shape(got[2], value) == _shape(want[2], NOMATCH)
    assert _digest(built) == before


def test_nomatch_really_matches_nothing(graph: Graph) -> None:
    """The reference value gives the answers the inert tests compare against."""
    with _shared(graph):
        assert _run(["ask", "statements", "--format", "json", f"--venue={NOMATCH}"])[:2] == (
            0,
            "[]\n",
        )
        code, out, err = _run(["ask", "concessions", f"--by={NOMATCH}"])
    assert (code, out) == (1, "") and err.startswith("detente: unknown actor")


# --- detente sparql -----------------------------------------------------------------------

UPDATES = [
    "INSERT DATA { <http://x/s> <http://x/p> <http://x/o> }",
    "insert data { graph <http://x/g> { <http://x/s> <http://x/p> 'o' } }",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "WITH <http://x/g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "DROP ALL",
    "DROP SILENT GRAPH <http://x/g>",
    "CLEAR DEFAULT",
    "CLEAR ALL",
    "CREATE GRAPH <http://x/new>",
    "ADD DEFAULT TO <http://x/g>",
    "MOVE <http://x/a> TO <http://x/b>",
    "COPY <http://x/a> TO <http://x/b>",
    "LOAD <{url}/data.ttl>",
    "LOAD SILENT <{url}/data.ttl> INTO GRAPH <http://x/g>",
    "PREFIX ex: <http://x/> # a comment\nINSERT DATA { ex:s ex:p ex:o }",
    "SELECT * WHERE { ?s ?p ?o } ;\nDROP ALL",
]
SERVICES = [
    "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <{url}/sparql> { ?s ?p ?o } }",
    "select * { service <{url}/sparql> { ?s ?p ?o } }",
    "PREFIX e: <{url}/> SELECT * WHERE { SERVICE e:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<{url}/sparql> AS ?x) SERVICE ?x { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <http:\\u002f\\u002f127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "ASK { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
]
READ_ONLY = [
    ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", 0),
    ("SELECT ?drop ?insert WHERE { GRAPH ?g { ?drop ?insert ?o } } LIMIT 1", 0),
    ('ASK { GRAPH ?g { ?s ?p ?o FILTER(?o != "DROP ALL; SERVICE <http://x>") } }', 0),
    ("PREFIX load: <http://x/> PREFIX e: <http://x/> ASK { ?s e:delete load:x }", 0),
    ("SELECT * WHERE { ?s <http://x/service/insert> ?o } # INSERT DATA {}", 0),
    ("SELECT * WHERE { ?s ?p '''CLEAR\nALL''' }", 0),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o<3&&?o>1) }", 0),
    ("CONSTRUCT { ?s a ?o } WHERE { GRAPH ?g { ?s a ?o } } LIMIT 2", 0),
    ("DESCRIBE <http://x/a>", 0),
    ("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", 2),  # does not parse
    ("SELECT * WHERE {", 2),
]


@pytest.mark.integration
@pytest.mark.parametrize("query", UPDATES + SERVICES)
@pytest.mark.parametrize("where", ["build", "endpoint"])
def test_sparql_refuses_updates_and_service(
    query: str, where: str, built: Path, listener: tuple[str, list[str]]
) -> None:
    """Update and SERVICE are refused (exit 2) before any request is sent or file written."""
    url, seen = listener
    port = url.rsplit(":", 1)[1]
    text = query.replace("{url}", url).replace("{port}", port)
    before = _digest(built)
    flag = ["--build", str(built)] if where == "build" else ["--endpoint", f"{url}/query"]
    code, out, err = _run(["sparql", text, *flag])
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert "only read-only queries" in err or "SERVICE clauses are not run" in err
    assert seen == []  # nothing reached the network
    assert _digest(built) == before


@pytest.mark.parametrize(("query", "code"), READ_ONLY)
def test_sparql_runs_read_only_queries(query: str, code: int, built: Path) -> None:
    """Keywords inside names, strings, IRIs and comments are not mistaken for Update."""
    got, _out, err = _run(["sparql", query, "--build", str(built), "--format", "json"])
    assert got == code, err
    assert "Traceback" not in err


SPARQLISH = st.lists(
    st.sampled_from(
        [
            "SELECT",
            "*",
            "WHERE",
            "{",
            "}",
            "?s",
            "?p",
            "?o",
            "SERVICE",
            "<http://x/>",
            "DROP",
            "ALL",
            "ASK",
            "GRAPH",
            "?g",
            ";",
            ".",
            "'a'",
            '"',
            "#",
            "\n",
            "LIMIT",
            "1",
            "INSERT",
        ]
    ),
    max_size=14,
).map(" ".join)


@FUZZ
@given(st.one_of(st.text(max_size=200), SPARQLISH))
def test_random_sparql_exits_cleanly(graph: Graph, text: str) -> None:
    """Random query text: exit 0, 1 or 2, never a traceback; the store is unchanged."""
    with _shared(graph):
        code, _out, err = _run(["sparql", text])
    assert code in (0, 1, 2), err
    assert "Traceback" not in err


@pytest.fixture()
def listener() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request path (none are expected)."""
    import http.server
    import threading

    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _record(self) -> None:
            seen.append(f"{self.command} {self.path}")
            self.send_response(500)
            self.end_headers()

        do_GET = do_POST = _record  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.integration
def test_service_did_reach_the_network_before_the_guard(
    listener: tuple[str, list[str]], built: Path
) -> None:
    """Why the guard exists: pyoxigraph itself sends SERVICE queries to the URL."""
    url, seen = listener
    engine = Graph.from_build(built).engine
    with contextlib.suppress(OSError):
        engine.run(f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}")
    assert seen and seen[0].startswith("POST /sparql")
