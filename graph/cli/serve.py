"""``detente serve [--port N] [DATA_DIR]``: a local Oxigraph server loaded with the graph.

It reads a data folder or, with ``--build``, what ``detente build`` wrote
(:mod:`graph.remote.server`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from graph.cli import push

if TYPE_CHECKING:
    from graph.remote.gsp import PushReport
    from graph.remote.server import OxigraphServer

__all__ = ["register", "run_serve"]


def register(subparsers: Any) -> None:
    """Add ``serve`` to the command line."""
    s = subparsers.add_parser(
        "serve", help="run a local Oxigraph SPARQL server on 127.0.0.1 with the graph"
    )
    push.source_options(s)
    s.add_argument("--port", type=int, default=7878, help="default: 7878; 0 picks a free one")
    s.add_argument(
        "--location", metavar="DIR", help="keep the store in DIR (default: a temporary folder)"
    )
    s.add_argument(
        "--writable",
        action="store_true",
        help="accept SPARQL updates and graph store writes (any web page you open could send them)",
    )
    s.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    """Serve the graph on 127.0.0.1 until Ctrl-C."""
    from graph.remote.server import serve
    from schemas.errors import UsageError

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}")
    compiled = push.read_compiled(args)
    return serve(
        compiled, args.port or None, args.location, on_ready=_announce, writable=args.writable
    )


def _announce(server: OxigraphServer, report: PushReport) -> None:
    print(
        f"detente: serving {report.triples} triples in {len(report.graphs)} graphs at "
        f"{server.url}/ (YASGUI)\n"
        f"  SPARQL query endpoint: {server.url}/query   graph store: {server.url}/store"
        f" ({'writable' if not server.read_only else 'read-only; --writable to accept updates'})\n"
        f"  try: detente ask concessions --endpoint {server.url}/query\n"
        "  press Ctrl-C to stop",
        flush=True,
    )
