"""Graph Store Protocol push: presets, credentials, retries, and a real Oxigraph server."""

from __future__ import annotations

import http.client
import os
import signal
from pathlib import Path

import pytest

from graph.cli import main
from graph.compile.compiled import Compiled
from graph.compile.quads import compile_quads
from graph.remote.gsp import Endpoint, compiled_from_build, graph_url, push
from graph.remote.http import (
    ENV_PASSWORD,
    ENV_TOKEN,
    ENV_USER,
    Auth,
    Transport,
    credentials,
    redact,
)
from schemas.corpus import Corpus
from schemas.errors import EndpointError, UsageError
from tests.graph.servers import Fake, counts, digest, oxigraph, server  # noqa: F401
from tests.seed import SEED_DATA

REGISTRY = "https://w3id.org/detente/id/graph/registry"


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    from schemas import load

    return compile_quads(load(SEED_DATA))


def local_counts(compiled: Compiled) -> dict[str, int]:
    return {g: len(t) for g, t in compiled.graphs.items()}


# --- presets and URLs --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "preset", "store", "query", "update"),
    [
        (
            "http://h:7878",
            "oxigraph",
            "http://h:7878/store",
            "http://h:7878/query",
            "http://h:7878/update",
        ),
        (
            "http://h:3030/ds/",
            "fuseki",
            "http://h:3030/ds/data",
            "http://h:3030/ds/sparql",
            "http://h:3030/ds/update",
        ),
        (
            "http://h:7200/repositories/r",
            "graphdb",
            "http://h:7200/repositories/r/rdf-graphs/service",
            "http://h:7200/repositories/r",
            "http://h:7200/repositories/r/statements",
        ),
        (
            "http://h:8890/",
            "virtuoso",
            "http://h:8890/sparql-graph-crud-auth",
            "http://h:8890/sparql",
            "http://h:8890/sparql-auth",
        ),
        ("http://h/gsp", "generic", "http://h/gsp", None, None),
    ],
)
def test_presets(url: str, preset: str, store: str, query: str | None, update: str | None) -> None:
    assert Endpoint.resolve(url, preset) == Endpoint(store, query, update)


def test_explicit_urls_override_the_preset() -> None:
    e = Endpoint.resolve("http://h/gsp", "generic", query="http://h/sparql")
    assert (e.store, e.query) == ("http://h/gsp", "http://h/sparql")


@pytest.mark.parametrize(("url", "preset"), [("ftp://h/", "oxigraph"), ("http://h/", "stardog")])
def test_bad_endpoint_or_preset(url: str, preset: str) -> None:
    with pytest.raises(UsageError):
        Endpoint.resolve(url, preset)


def test_graph_url_appends_to_an_existing_query() -> None:
    assert (
        graph_url("http://h/s?x=1", "http://g/#a") == "http://h/s?x=1&graph=http%3A%2F%2Fg%2F%23a"
    )


# --- credentials and redaction -----------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "env", "expected"),
    [
        ("http://h/", {ENV_TOKEN: "tok"}, Auth.bearer("tok")),
        ("http://h/", {ENV_USER: "u", ENV_PASSWORD: "p"}, Auth.login("u", "p")),
        ("http://u%40x:p%3A@h/", {"NETRC": "/nonexistent"}, Auth.login("u@x", "p:")),
        ("http://h/", {"NETRC": "/nonexistent"}, None),
    ],
)
def test_credentials(url: str, env: dict[str, str], expected: Auth | None) -> None:
    assert credentials(url, env) == expected


def test_credentials_from_netrc(tmp_path: Path) -> None:
    rc = tmp_path / "netrc"
    rc.write_text("machine 127.0.0.1 login alice password s3cret\n")
    rc.chmod(0o600)
    assert credentials("http://127.0.0.1:9/", {"NETRC": str(rc)}) == Auth.login("alice", "s3cret")
    assert credentials("http://other/", {"NETRC": str(rc)}) is None


def test_a_broken_netrc_is_named_but_not_quoted(tmp_path: Path) -> None:
    rc = tmp_path / "netrc"
    rc.write_text("machine h login alice password s3cret bogus\n")
    with pytest.raises(UsageError) as err:
        credentials("http://h/", {"NETRC": str(rc)})
    assert str(rc) in str(err.value) and "s3cret" not in str(err.value)


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("http://alice:s3cret@h:1/x", "s3cret"),
        ("http://h/x?access_token=s3cret&graph=g", "s3cret"),
        ("http://s3cret@h/x", "s3cret"),
    ],
)
def test_redact(url: str, secret: str) -> None:
    assert secret not in redact(url)
    assert "h" in redact(url)


# --- HTTP behaviour against a scripted server --------------------------------------------
@pytest.mark.parametrize("status", [400, 401, 403, 404, 415])
def test_4xx_fails_at_once_with_a_clear_message(compiled: Compiled, status: int) -> None:
    waits: list[float] = []
    with Fake(status) as fake:
        secret_url = fake.url.replace("http://", "http://alice:s3cret@")
        transport = Transport(Auth.basic("alice", "s3cret"), retries=5, sleep=waits.append)
        with pytest.raises(EndpointError) as err:
            push(compiled, Endpoint.resolve(secret_url), transport)
    assert len(fake.requests) == 1 and waits == []
    assert err.value.status == status
    message = str(err.value)
    assert f"HTTP {status}" in message and fake.url.split("//")[1] in message
    assert "s3cret" not in message and "alice" not in message
    if status in (401, 403):
        assert ENV_USER in message and ".netrc" in message
    method, _, headers = fake.requests[0]
    assert method == "PUT" and headers["Authorization"] == Auth.basic("alice", "s3cret").header()


@pytest.mark.parametrize(("status", "retries"), [(503, 0), (503, 3), (500, 2)])
def test_5xx_retries_a_bounded_number_of_times(
    compiled: Compiled, status: int, retries: int
) -> None:
    waits: list[float] = []
    with Fake(status, {"Retry-After": "1"}) as fake:
        transport = Transport(retries=retries, backoff=0.5, sleep=waits.append)
        with pytest.raises(EndpointError) as err:
            push(compiled, Endpoint.resolve(fake.url), transport)
    assert len(fake.requests) == retries + 1 == transport.attempts
    assert waits == [max(1.0, 0.5 * 2**i) for i in range(retries)]
    assert err.value.status == status and f"after {retries + 1} attempt" in str(err.value)


def test_connection_errors_are_retried_then_named() -> None:
    waits: list[float] = []
    with Fake(200) as fake:
        url = fake.url
    transport = Transport(retries=2, sleep=waits.append)
    with pytest.raises(EndpointError) as err:
        transport.request("GET", url + "/x")
    assert transport.attempts == 3 and len(waits) == 2
    assert "cannot connect" in str(err.value) and err.value.status is None


def test_redirects_are_not_followed() -> None:
    with (
        Fake(307, {"Location": "http://127.0.0.1:9/elsewhere"}) as fake,
        pytest.raises(EndpointError) as err,
    ):
        Transport(Auth.bearer("t"), retries=3).request("PUT", fake.url + "/store", b"")
    assert len(fake.requests) == 1 and err.value.status == 307


# --- a real Oxigraph server --------------------------------------------------------------
@pytest.mark.integration
def test_push_matches_the_local_build_and_is_idempotent(compiled: Compiled, server) -> None:  # noqa: F811
    first = push(compiled, server.endpoint)
    assert first.verified and first.triples == len(compiled)
    assert counts(server) == local_counts(compiled)
    hashes = {g: digest(server, g) for g in compiled.graphs}
    second = push(compiled, server.endpoint)
    assert second.graphs == first.graphs
    assert counts(server) == local_counts(compiled)
    assert {g: digest(server, g) for g in compiled.graphs} == hashes


@pytest.mark.integration
def test_push_replaces_a_graph_instead_of_adding(compiled: Compiled, server) -> None:  # noqa: F811
    stale = Compiled({REGISTRY: ['<http://e.org/stale> <http://e.org/p> "old"']})
    push(stale, server.endpoint)
    push(compiled, server.endpoint)
    assert counts(server)[REGISTRY] == len(compiled.graphs[REGISTRY])


@pytest.mark.integration
def test_killed_mid_push_then_restarted_converges(compiled: Compiled, tmp_path: Path) -> None:
    location = tmp_path / "store"
    old = Compiled({g: t[: len(t) // 2] for g, t in compiled.graphs.items()})
    with oxigraph(location) as srv:
        port = srv.port
        push(old, srv.endpoint)
        killed: list[int] = []

        def kill_after_first(name: str, triples: int, done: int, total: int) -> None:
            if done == 1:
                killed.append(srv.pid or 0)
                srv.kill()

        with pytest.raises(EndpointError):
            push(
                compiled,
                srv.endpoint,
                Transport(retries=1, sleep=lambda s: None),
                on_graph=kill_after_first,
            )
        assert killed and srv.pid is None
    with oxigraph(location, port) as srv:
        after_crash = counts(srv)
        for g, triples in compiled.graphs.items():
            assert after_crash.get(g, 0) in (0, len(old.graphs[g]), len(triples))
        assert after_crash[next(iter(compiled.graphs))] == len(next(iter(compiled.graphs.values())))
        push(compiled, srv.endpoint)
        assert counts(srv) == local_counts(compiled)


@pytest.mark.integration
def test_killed_during_a_put_body_leaves_no_half_graph(compiled: Compiled, tmp_path: Path) -> None:
    location = tmp_path / "store"
    old = Compiled({REGISTRY: compiled.graphs[REGISTRY][:10]})
    body = compiled.ntriples([REGISTRY]).encode()
    with oxigraph(location) as srv:
        port = srv.port
        push(old, srv.endpoint)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.putrequest("PUT", "/store?" + graph_url("", REGISTRY)[1:])
        conn.putheader("Content-Type", "application/n-triples")
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        conn.send(body[: len(body) // 2])  # half the body, cut mid-line
        pid = srv.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        srv.process.wait()  # type: ignore[union-attr]
        srv.process = None
        conn.close()
    with oxigraph(location, port) as srv:
        assert counts(srv).get(REGISTRY, 0) in (0, 10)
        push(compiled, srv.endpoint)
        assert counts(srv) == local_counts(compiled)


@pytest.mark.integration
def test_cli_push_from_a_build(tmp_path: Path, server, capsys) -> None:  # noqa: F811
    from graph.builder.run import build

    build(SEED_DATA, tmp_path / "build", formats=("trig",))
    assert main(["push", "--build", str(tmp_path / "build"), "--endpoint", server.url]) == 0
    out = capsys.readouterr().out
    built = compiled_from_build(tmp_path / "build")
    assert f"pushed {len(built.graphs)} graphs, {len(built)} triples" in out
    assert counts(server) == local_counts(built)


def test_cli_push_names_a_refusing_endpoint(capsys) -> None:
    with Fake(403) as fake:
        status = main(["push", "--endpoint", fake.url, "--retries", "4"])
    assert status == 1 and len(fake.requests) == 1
    assert "HTTP 403" in capsys.readouterr().err


def test_seed_is_what_the_corpus_compiles_to(seed: Corpus, compiled: Compiled) -> None:
    assert compile_quads(seed).graphs == compiled.graphs
