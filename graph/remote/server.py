"""Run a local Oxigraph server on 127.0.0.1, loaded with the graph (``detente serve``).

detente never implements a server: :class:`OxigraphServer` starts the
``oxigraph`` binary that the PyPI package ``oxigraph`` ships (install it with
``pip install 'detente[serve]'``), from the same environment as Python
(``Path(sys.executable).parent / "oxigraph"``, else ``PATH``). It binds
127.0.0.1 only, waits until the server answers, and stops it by its PID:
``SIGTERM``, then ``SIGKILL`` if it has not exited after a grace period.
:func:`serve` loads the graph through the server's own graph store endpoint
(:func:`graph.remote.gsp.push`), so what ``detente serve`` shows is exactly what
``detente push`` would publish, and waits until Ctrl-C (SIGINT) or SIGTERM.

The server's web page (``http://127.0.0.1:PORT/``) is YASGUI; its SPARQL
endpoint is ``/query`` and its graph store ``/store``.

>>> port = free_port()
>>> 1024 <= port < 65536
True
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO

from graph.compile.compiled import Compiled
from graph.remote.gsp import Endpoint, PushReport, push
from graph.remote.http import Transport
from schemas.errors import DetenteError, UsageError

__all__ = ["HOST", "OxigraphServer", "free_port", "oxigraph_binary", "serve"]

HOST = "127.0.0.1"
"""The only address detente serves on."""

_INSTALL = "install it with: pip install 'detente[serve]' (the PyPI package oxigraph ships it)"


def oxigraph_binary() -> Path:
    """The ``oxigraph`` program next to this Python, else on PATH; UsageError if neither."""
    local = Path(sys.executable).parent / "oxigraph"
    if local.is_file():
        return local
    found = shutil.which("oxigraph")
    if found is None:
        raise UsageError(f"the oxigraph server program is not installed; {_INSTALL}")
    return Path(found)


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # as servers bind: closed connections in TIME_WAIT do not hold the port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


class OxigraphServer:
    """One ``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` child process.

    Use as a context manager (it always stops the server on exit), or call
    :meth:`start` and :meth:`stop`. The server's output goes to ``log`` if
    given, else to a temporary file (see :meth:`output_tail`).
    """

    def __init__(
        self,
        location: str | Path,
        port: int | None = None,
        log: str | Path | None = None,
        read_only: bool = False,
    ) -> None:
        self.read_only = read_only
        self.location = Path(location)
        self.port = port if port is not None else free_port()
        self.log = Path(log) if log is not None else None
        self.process: subprocess.Popen[bytes] | None = None
        self._out: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """The server's root URL."""
        return f"http://{HOST}:{self.port}"

    @property
    def endpoint(self) -> Endpoint:
        """Its graph store, query and update URLs."""
        return Endpoint.resolve(self.url, "oxigraph")

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return None if self.process is None else self.process.pid

    def start(self, timeout: float = 30.0) -> OxigraphServer:
        """Start the server and wait until it answers; DetenteError if it does not."""
        self.location.mkdir(parents=True, exist_ok=True)
        if not _port_free(self.port):
            # else the readiness probe could be answered by whatever holds the port
            raise UsageError(f"port {self.port} on {HOST} is in use; pick another (0: any free)")
        command = [
            str(oxigraph_binary()),
            "serve-read-only" if self.read_only else "serve",
            "--location",
            str(self.location),
            "--bind",
            f"{HOST}:{self.port}",
            "--union-default-graph",  # as detente sparql does locally: every graph by default
        ]
        if self.log is not None:
            self._out = self.log.open("ab")
        else:
            self._out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop()
        # its own session: a terminal's Ctrl-C reaches detente, which stops the child
        self.process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            command, stdout=self._out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            self._wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        while True:
            assert self.process is not None
            if self.process.poll() is not None:
                raise DetenteError(
                    f"oxigraph serve exited with status {self.process.returncode} "
                    f"before answering on {self.url}{self.output_tail()}"
                )
            try:
                with opener.open(f"{self.url}/", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    raise DetenteError(f"oxigraph serve did not answer on {self.url}") from None
                time.sleep(0.05)

    def output_tail(self, lines: int = 5) -> str:
        """The last lines the server printed, as ``':\\n...'`` ('' if none)."""
        if self._out is None:
            return ""
        try:
            self._out.flush()
            self._out.seek(0)
            text = self._out.read()
        except (OSError, ValueError):
            return ""
        tail = text.decode("utf-8", "replace").strip().splitlines()[-lines:]
        return (":\n" + "\n".join(tail)) if tail else ""

    def stop(self, grace: float = 10.0) -> int | None:
        """Terminate the child by its PID (SIGKILL after ``grace`` s); its exit status."""
        process, self.process = self.process, None
        if process is None:
            return None
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._out is not None and self.log is not None:
            self._out.close()
        return process.returncode

    def kill(self) -> None:
        """SIGKILL the child (for crash tests); the store on disk stays."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def wait(self) -> int:
        """Block until the child exits; its exit status."""
        assert self.process is not None
        return self.process.wait()

    def __enter__(self) -> OxigraphServer:
        return self if self.process is not None else self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """SIGINT/SIGTERM raise KeyboardInterrupt; the caller's cleanup then stops the child.

    The handler must not stop the child itself: it may interrupt
    ``Popen.wait``, which holds the lock a nested wait would need.
    """

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    saved = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, old in saved.items():
            signal.signal(s, old)


def serve(
    compiled: Compiled,
    port: int | None = None,
    location: str | Path | None = None,
    on_ready: Callable[[OxigraphServer, PushReport], None] | None = None,
    writable: bool = False,
) -> int:
    """Serve ``compiled`` on 127.0.0.1 until Ctrl-C or SIGTERM; 0 on a clean stop.

    Without ``location`` the store lives in a temporary folder removed on exit;
    with one it persists, and each graph is replaced on the next serve.

    The server is read-only unless ``writable``: any web page the user opens can
    POST to 127.0.0.1, so an open ``/update`` would let it empty the store. The
    graph is loaded by a writable server on another free port, stopped before
    ``oxigraph serve-read-only`` starts on ``port``.
    """
    with contextlib.ExitStack() as stack:
        if location is None:
            location = stack.enter_context(tempfile.TemporaryDirectory(prefix="detente-store-"))
        server = OxigraphServer(location, port, read_only=not writable)
        stack.callback(server.stop)
        stack.enter_context(_stop_on_signals())
        try:
            sending = Transport(timeout=120.0, retries=2)
            if writable:
                server.start()
                report = push(compiled, server.endpoint, sending)
            else:
                with OxigraphServer(location) as loader:  # stopped before the next one starts
                    report = push(compiled, loader.endpoint, sending)
                server.start()
            if on_ready is not None:
                on_ready(server, report)
            status = server.wait()
        except KeyboardInterrupt:
            status = 0
        if status != 0:
            raise DetenteError(f"oxigraph serve stopped with status {status}{server.output_tail()}")
    return 0
