"""Remote replies are bounded in size and time, and odd ones end cleanly (issue 18 #2, #12, #14).

Loopback listeners (started and stopped inside each test) flood, trickle or answer JSON
of the wrong shape; ``httpx.MockTransport`` stands in for the network where no socket
is needed.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import time

import httpx
import pytest

from graph.cli import main
from graph.compile.compiled import Compiled
from graph.remote.engine import RemoteEngine
from graph.remote.gsp import Endpoint, push, query_url
from graph.remote.http import Transport
from schemas.errors import DetenteError, EndpointError, UsageError
from tests.security.loopback import listening

MEMORY_LIMIT_MB = 200


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.integration
@pytest.mark.parametrize("command", [["ask", "concessions"], ["sparql", "ASK { ?s ?p ?o }"]])
def test_an_endless_reply_stays_under_200_mb(command: list[str]) -> None:
    """200 and bytes without end: the client stops at the reply limit, memory bounded."""
    probe = (
        "import sys\n"
        "from graph.cli import main\n"
        "code = main(sys.argv[1:])\n"
        # VmHWM, not ru_maxrss: ru_maxrss keeps the forking parent's size across exec
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "print('maxrss_kb', peak, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    with listening("endless") as listener:
        argv = [*command, "--endpoint", listener.url, "--retries", "0", "--timeout", "60"]
        done = subprocess.run(
            [sys.executable, "-c", probe, *argv], capture_output=True, text=True, timeout=120
        )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "the reply is over" in done.stderr
    rss_mb = int(done.stderr.split("maxrss_kb")[1].split()[0]) / 1024
    print(f"max RSS against an endless reply: {rss_mb:.0f} MB")
    assert rss_mb < MEMORY_LIMIT_MB


@pytest.mark.integration
@pytest.mark.parametrize(
    "command",
    [
        ["ask", "concessions", "--endpoint", "{url}"],
        ["sparql", "ASK { ?s ?p ?o }", "--endpoint", "{url}/query"],
    ],
)
def test_a_trickling_reply_stops_within_the_timeout_plus_one_second(command: list[str]) -> None:
    """One byte a second kept a request alive forever; now the whole attempt has a deadline."""
    timeout = 2.0
    with listening("trickle") as listener:
        argv = [c.replace("{url}", listener.url) for c in command]
        start = time.monotonic()
        code, _out, err = _run([*argv, "--timeout", str(timeout), "--retries", "0"])
        took = time.monotonic() - start
    print(f"trickle stopped after {took:.2f} s (--timeout {timeout:g})")
    assert code == 1 and f"no complete reply within {timeout:g} s" in err
    assert took < timeout + 1.0


@pytest.mark.integration
def test_a_trickling_push_stops_within_the_timeout_plus_one_second() -> None:
    compiled = Compiled({"http://e.org/g": ['<http://e.org/s> <http://e.org/p> "o"']})
    with listening("trickle") as listener:
        start = time.monotonic()
        with pytest.raises(EndpointError) as err:
            push(compiled, Endpoint.resolve(listener.url), Transport(timeout=2.0, retries=0))
        took = time.monotonic() - start
    assert "no complete reply within 2 s" in str(err.value)
    assert "cannot connect" not in str(err.value)
    assert took < 3.0


def _mock(body: bytes, content_type: str = "application/sparql-results+json") -> Transport:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"Content-Type": content_type})

    return Transport(retries=0, wire=httpx.MockTransport(answer))


WRONG_SHAPES = [
    b"[]",
    b"1",
    b'{"head": 1}',
    b'{"head": {"vars": ["x"]}}',
    b'{"head": {"vars": "x"}, "results": {"bindings": []}}',
    b'{"head": {"vars": ["x"]}, "results": {"bindings": [1]}}',
    b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": 1}]}}',
    b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri"}}]}}',
    b'{"boolean": "yes"}',
    b"[" * 100_000,
    b"\xff\xfe not json",
]


@pytest.mark.parametrize("body", WRONG_SHAPES, ids=lambda b: repr(b[:30]))
def test_json_of_the_wrong_shape_is_an_endpoint_error(body: bytes) -> None:
    engine = RemoteEngine("http://store.example/query", _mock(body))
    with pytest.raises(DetenteError):  # a boolean for a SELECT is a UsageError
        engine.select("SELECT ?x WHERE { ?x ?p ?o }")
    with pytest.raises(EndpointError):
        engine.run("SELECT ?x WHERE { ?x ?p ?o }")


def test_non_utf8_text_reply_is_an_endpoint_error() -> None:
    engine = RemoteEngine("http://store.example/query", _mock(b"\xff\xfe", "text/plain"))
    with pytest.raises(EndpointError):
        engine.run("CONSTRUCT WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("body", WRONG_SHAPES[:4], ids=lambda b: repr(b[:30]))
def test_the_cli_reports_a_wrong_shape_without_a_traceback(body: bytes) -> None:
    with listening("json", body) as listener:
        code, _out, err = _run(["ask", "concessions", "--endpoint", listener.url, "--retries", "0"])
    assert code == 1 and "Traceback" not in err
    assert "not SPARQL JSON results" in err


@pytest.mark.parametrize(
    ("url", "preset", "expected"),
    [
        ("http://store:7878", "oxigraph", "http://store:7878/query"),
        ("http://store:7878/", "oxigraph", "http://store:7878/query"),
        ("http://store:7878/query", "oxigraph", "http://store:7878/query"),
        ("http://h:3030/ds", "fuseki", "http://h:3030/ds/sparql"),
        ("http://h:3030/ds/sparql", "fuseki", "http://h:3030/ds/sparql"),
        ("http://h:7200/repositories/r", "graphdb", "http://h:7200/repositories/r"),
        ("http://h/any/sparql", "generic", "http://h/any/sparql"),
    ],
)
def test_the_query_url_is_derived_as_push_derives_it(url: str, preset: str, expected: str) -> None:
    assert query_url(url, preset) == expected


def test_ask_takes_the_url_push_takes() -> None:
    """`ask --endpoint http://store:7878` asks /query (it used to POST to / and get a 404)."""
    empty = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}}).encode()
    with listening("json", empty) as listener:
        _run(["ask", "concessions", "--endpoint", listener.url, "--retries", "0"])
    assert listener.seen and all(seen == "POST /query" for seen in listener.seen)


@pytest.mark.parametrize(
    "options",
    [
        ["--timeout", "nan"],
        ["--timeout", "-1"],
        ["--timeout", "0"],
        ["--timeout", "inf"],
        ["--retries", "-1"],
    ],
)
@pytest.mark.parametrize("command", ["push", "ask"])
def test_bad_timeouts_and_retries_are_usage_errors(options: list[str], command: str) -> None:
    argv = (
        ["push", "--endpoint", "http://127.0.0.1:9"]
        if command == "push"
        else ["ask", "concessions", "--endpoint", "http://127.0.0.1:9"]
    )
    code, _out, err = _run([*argv, *options])
    assert code == 2, err
    assert "Traceback" not in err and ("--timeout" in err or "--retries" in err)


def test_transport_refuses_bad_numbers() -> None:
    with pytest.raises(UsageError):
        Transport(timeout=float("nan"))
