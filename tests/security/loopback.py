"""Loopback listeners started and stopped inside a test: they record, flood or trickle.

Each binds 127.0.0.1 on a free port, runs in a daemon thread, and is shut down on
exit (handlers stop writing once ``closing`` is set, so no test waits on them).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

__all__ = ["Listener", "listening"]

Mode = Literal["record", "endless", "trickle", "json"]


class Listener:
    """What a listener saw, and its URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.seen: list[str] = []
        self.closing = threading.Event()
        self.body = b""

    @property
    def port(self) -> str:
        return self.url.rsplit(":", 1)[1]


@contextmanager
def listening(mode: Mode = "record", body: bytes = b"") -> Iterator[Listener]:
    """A listener answering every request as ``mode`` says.

    * ``record``: 500 at once (nothing should reach it);
    * ``endless``: 200 with ``application/sparql-results+json`` and bytes without end;
    * ``trickle``: 200 and then one byte per second;
    * ``json``: 200 with ``body`` as SPARQL JSON results.
    """
    box: list[Listener] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            me = box[0]
            me.seen.append(f"{self.command} {self.path}")
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            try:
                if mode == "record":
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                if mode == "json":
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.end_headers()
                chunk = b'{"head": {"vars": ["x"]}, "results": {"bindings": [' + b" " * 65536
                if mode == "trickle":
                    chunk = b"{"
                while not me.closing.is_set():
                    self.wfile.write(chunk)
                    if mode == "endless":
                        chunk = b" " * 65536
                    else:
                        chunk = b" "
                        me.closing.wait(1.0)
            except OSError:  # the client hung up, as it should
                return

        do_GET = do_POST = do_PUT = _answer  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    listener = Listener(f"http://127.0.0.1:{server.server_address[1]}")
    box.append(listener)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield listener
    finally:
        listener.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
