"""A real Virtuoso on 127.0.0.1 for tests and benchmarks, from a temporary folder.

:class:`VirtuosoServer` writes a small ``virtuoso.ini`` (database, log and
transaction files under ``location``; both ports bound to 127.0.0.1), starts
``virtuoso-t +configfile virtuoso.ini +foreground`` in its own session, waits
until ``/sparql`` answers, and stops it by its PID (SIGTERM, then SIGKILL).
A fresh database has the user ``dba`` with the password ``dba``.

Debian packages the server: ``apt-get install virtuoso-opensource-7-bin``
(``python3 tasks.py test`` installs it when it runs as root). Without it,
:func:`virtuoso_or_skip` skips the test with that advice.

>>> ini = VirtuosoServer("/tmp/v", 1111, 8890).ini()
>>> "ServerPort = 127.0.0.1:8890" in ini and "ResultSetMaxRows = 1000000" in ini
True
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO

import pytest

from graph.remote.gsp import Endpoint
from graph.remote.http import Auth
from graph.remote.server import HOST, free_port
from schemas.errors import DetenteError

__all__ = ["BINARY", "DBA", "INSTALL", "VirtuosoServer", "virtuoso_or_skip"]

BINARY = "virtuoso-t"
"""The server program (Debian package ``virtuoso-opensource-7-bin``)."""
INSTALL = (
    "virtuoso-t is not installed; install it with `apt-get install virtuoso-opensource-7-bin` "
    "(`python3 tasks.py test` does, when run as root)"
)
"""Why a Virtuoso test is skipped."""
DBA = Auth.login("dba", "dba")
"""The administrator of a fresh database (answered as HTTP Digest)."""

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = {host}:{sql_port}
DirsAllowed = ., {dir}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
CheckpointInterval = 60

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {dir}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
"""


def virtuoso_or_skip() -> str:
    """The path of ``virtuoso-t``; skips the calling test when it is not installed."""
    found = shutil.which(BINARY)
    if found is None:
        pytest.skip(INSTALL)
    return found


class VirtuosoServer:
    """One ``virtuoso-t`` child on 127.0.0.1; a context manager that always stops it."""

    def __init__(
        self, location: str | Path, sql_port: int | None = None, http_port: int | None = None
    ) -> None:
        self.location = Path(location)
        self.sql_port = sql_port if sql_port is not None else free_port()
        self.http_port = http_port if http_port is not None else free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._out: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """The HTTP root, what ``--endpoint`` takes with ``--preset virtuoso``."""
        return f"http://{HOST}:{self.http_port}"

    @property
    def endpoint(self) -> Endpoint:
        """Its graph store, query and update URLs (the ``virtuoso`` preset)."""
        return Endpoint.resolve(self.url, "virtuoso")

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return None if self.process is None else self.process.pid

    def ini(self) -> str:
        """The configuration file's text."""
        return _INI.format(
            dir=self.location, host=HOST, sql_port=self.sql_port, http_port=self.http_port
        )

    def start(self, timeout: float = 90.0) -> VirtuosoServer:
        """Start the server and wait until ``/sparql`` answers; DetenteError if it does not."""
        binary = shutil.which(BINARY)
        if binary is None:
            raise DetenteError(INSTALL)
        self.location.mkdir(parents=True, exist_ok=True)
        config = self.location / "virtuoso.ini"
        config.write_text(self.ini())
        self._out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop()
        self.process = subprocess.Popen(
            [binary, "+configfile", str(config), "+foreground"],
            cwd=self.location,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
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
        probe = f"{self.url}/sparql?query=ASK%7B%7D"
        while True:
            assert self.process is not None
            if self.process.poll() is not None:
                raise DetenteError(
                    f"virtuoso-t exited with status {self.process.returncode} before answering "
                    f"on {self.url}{self.output_tail()}"
                )
            try:
                with opener.open(probe, timeout=5):
                    return
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    raise DetenteError(
                        f"virtuoso-t did not answer on {self.url} within {timeout:g} s"
                        f"{self.output_tail()}"
                    ) from None
                time.sleep(0.2)

    def output_tail(self, lines: int = 8) -> str:
        """The last lines of the server's log, as ``':\\n...'`` ('' if none)."""
        log = self.location / "virtuoso.log"
        try:
            text = log.read_text("utf-8", "replace")
        except OSError:
            return ""
        tail = text.strip().splitlines()[-lines:]
        return (":\n" + "\n".join(tail)) if tail else ""

    def stop(self, grace: float = 30.0) -> int | None:
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
        if self._out is not None:
            self._out.close()
            self._out = None
        return process.returncode

    def kill(self) -> None:
        """SIGKILL the child (for crash tests); the database on disk stays."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def __enter__(self) -> VirtuosoServer:
        return self if self.process is not None else self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
