"""A TCP relay on 127.0.0.1 that stops forwarding after a number of bytes (to cut a PUT).

:class:`CuttingProxy` relays every connection to a port on 127.0.0.1. Once
``limit`` bytes from clients have been forwarded in all, it forwards no more
and sets :attr:`CuttingProxy.cut`: the client stays blocked mid-request, so a
test can kill it at that exact point, with no timing involved. What the client
sends after the cut is read and dropped; when the client goes away the
upstream connection is closed, so the server sees a request cut short.

>>> with CuttingProxy(9, limit=10) as proxy:
...     proxy.url.startswith("http://127.0.0.1:")
True
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading

__all__ = ["CuttingProxy"]


class CuttingProxy:
    """Relays to ``127.0.0.1:port`` until ``limit`` client bytes have gone through."""

    def __init__(self, port: int, limit: int) -> None:
        self.limit = limit
        self.sent = 0
        self.cut = threading.Event()
        self._lock = threading.Lock()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                client: socket.socket = self.request
                try:
                    upstream = socket.create_connection(("127.0.0.1", port), timeout=300)
                except OSError:
                    return
                back = threading.Thread(target=_pump, args=(upstream, client), daemon=True)
                back.start()
                try:
                    proxy._forward(client, upstream)
                finally:
                    for sock in (upstream, client):
                        with contextlib.suppress(OSError):
                            sock.shutdown(socket.SHUT_RDWR)
                        sock.close()
                    back.join(5)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _forward(self, client: socket.socket, upstream: socket.socket) -> None:
        while chunk := client.recv(65536):
            with self._lock:
                room = max(0, self.limit - self.sent)
                self.sent += min(room, len(chunk))
            if room:
                upstream.sendall(chunk[:room])
            if room < len(chunk):
                self.cut.set()  # held from here on: read and drop until the client is gone

    def __enter__(self) -> CuttingProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def _pump(source: socket.socket, target: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass
