"""`detente serve` refuses writes unless asked (issue 18 #5), and bad ports are usage errors (#12).

A web page can make the browser POST a form to 127.0.0.1; with a writable store a
cross-origin ``update=DROP ALL`` emptied it (204). The store is now served by
``oxigraph serve-read-only``; ``--writable`` opens it on purpose.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.cli import main
from graph.compile import compile_quads
from graph.remote.engine import RemoteEngine
from graph.remote.server import free_port
from schemas import load

ROOT = Path(__file__).resolve().parents[2]
TRIPLES = len(compile_quads(load(ROOT / "data")))
"""What `detente serve` loads from data/ (the seed and the later reports)."""


@contextlib.contextmanager
def serving(*options: str) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "graph.cli", "serve", "--port", str(port), *options]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().decode()  # printed once the graph is loaded
        assert f"http://127.0.0.1:{port}/" in line, proc.stderr.read() if proc.stderr else ""
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _count(url: str) -> int:
    return sum(RemoteEngine(f"{url}/query").graph_counts().values())


def _attack(url: str) -> list[int]:
    """What a hostile page can send: a form POST to /update, and a graph store PUT/DELETE."""
    with httpx.Client(trust_env=False, timeout=30) as client:
        form = client.post(
            f"{url}/update",
            data={"update": "DROP ALL"},
            headers={"Origin": "http://evil.example", "Referer": "http://evil.example/"},
        )
        put = client.put(
            f"{url}/store?default", content=b"", headers={"Content-Type": "application/n-triples"}
        )
        delete = client.delete(f"{url}/store?default")
    return [form.status_code, put.status_code, delete.status_code]


@pytest.mark.integration
def test_serve_refuses_updates_by_default() -> None:
    with serving() as url:
        assert _count(url) == TRIPLES
        statuses = _attack(url)
        assert all(status >= 400 for status in statuses), statuses
        assert _count(url) == TRIPLES


@pytest.mark.integration
def test_serve_writable_accepts_updates_when_asked() -> None:
    with serving("--writable") as url:
        assert _count(url) == TRIPLES
        assert _attack(url)[0] < 300
        assert _count(url) == 0


@pytest.mark.parametrize("port", ["70000", "-5", "65536"])
def test_a_port_out_of_range_is_a_usage_error(port: str) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["serve", "--port", port])
    assert code == 2 and "--port" in err.getvalue()
    assert "Traceback" not in err.getvalue()
