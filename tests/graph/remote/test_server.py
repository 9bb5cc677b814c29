"""``detente serve``: the real oxigraph binary on 127.0.0.1, started and stopped by PID."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.compile import compile_quads
from graph.remote.engine import RemoteEngine
from graph.remote.server import HOST, OxigraphServer, free_port, oxigraph_binary
from schemas import load
from schemas.errors import UsageError
from tests.graph.servers import counts, oxigraph

ROOT = Path(__file__).resolve().parents[3]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def test_the_binary_is_the_one_next_to_python() -> None:
    assert oxigraph_binary() == Path(sys.executable).parent / "oxigraph"


def test_a_missing_binary_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UsageError, match=r"detente\[serve\]"):
        oxigraph_binary()


@pytest.mark.integration
def test_server_binds_loopback_and_stops_by_pid(tmp_path: Path) -> None:
    with oxigraph(tmp_path / "store") as server:
        pid = server.pid
        assert pid is not None and _alive(pid)
        assert server.url == f"http://{HOST}:{server.port}"
        assert counts(server) == {}
    assert not _alive(pid)


@pytest.mark.integration
def test_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    with oxigraph(tmp_path / "a") as first:
        second = OxigraphServer(tmp_path / "b", first.port)
        with pytest.raises(UsageError, match=f"port {first.port} .* is in use"):
            second.start(timeout=20)
        assert second.pid is None


@pytest.mark.integration
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_detente_serve_loads_the_graph_and_stops_cleanly(signum: int) -> None:
    port = free_port()
    command = [sys.executable, "-m", "graph.cli", "serve", "--port", str(port)]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child = None
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().decode()  # printed once the graph is loaded
        compiled = compile_quads(load(ROOT / "data"))
        triples, graphs = len(compiled), len(compiled.graphs)
        assert f"http://127.0.0.1:{port}/" in line and f"{triples} triples in {graphs} graphs" in line
        served = RemoteEngine(f"http://127.0.0.1:{port}/query").graph_counts()
        assert sum(served.values()) == triples
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        child = int(children[0])
        assert _alive(child)
        proc.send_signal(signum)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    for _ in range(100):  # the child is reaped by detente before it exits; allow init a moment
        if not _alive(child):
            break
        time.sleep(0.05)
    assert not _alive(child)
