"""Test servers on 127.0.0.1 only: a real Oxigraph, and a scripted fake that counts requests."""

from __future__ import annotations

import hashlib
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graph.remote.engine import RemoteEngine
from graph.remote.gsp import graph_url
from graph.remote.server import OxigraphServer


@contextmanager
def oxigraph(location: Path, port: int | None = None) -> Iterator[OxigraphServer]:
    """A started server that is always stopped by its PID, even when the test fails."""
    server = OxigraphServer(location, port)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        assert server.pid is None


def counts(server: OxigraphServer) -> dict[str, int]:
    """Triples per named graph on the server."""
    assert server.endpoint.query is not None
    return RemoteEngine(server.endpoint.query).graph_counts()


def digest(server: OxigraphServer, graph: str) -> str:
    """SHA-256 of a graph's sorted N-Triples as the server returns them (GSP GET)."""
    request = urllib.request.Request(
        graph_url(server.endpoint.store, graph), headers={"Accept": "application/n-triples"}
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=30) as response:
        lines = sorted(response.read().decode("utf-8").splitlines())
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


class Fake:
    """An HTTP server on 127.0.0.1 answering every request with a scripted status."""

    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.headers = headers or {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                fake.requests.append((self.command, self.path, dict(self.headers)))
                self.send_response(fake.status)
                for k, v in fake.headers.items():
                    self.send_header(k, v)
                body = b"scripted reply"
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_PUT = do_POST = _answer  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Fake:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A real, empty Oxigraph server on a free port (import this fixture into a test module)."""
    with oxigraph(tmp_path / "store") as running:
        yield running
