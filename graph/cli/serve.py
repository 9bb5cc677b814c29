"""``detente push [DATA_DIR] --endpoint URL`` and ``detente serve [--port N] [DATA_DIR]``.

``push`` publishes the graph to a SPARQL 1.1 store (:mod:`graph.push`);
``serve`` runs a local Oxigraph server loaded with it (:mod:`graph.serve`).
Both read a data folder (compiled and validated on the fly) or, with
``--build``, what ``detente build`` wrote.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.compile import Compiled
    from graph.push import PushReport
    from graph.serve import OxigraphServer

__all__ = ["register", "run_push", "run_serve"]

_PRESETS = ("oxigraph", "fuseki", "graphdb", "generic")


def register(subparsers: Any) -> None:
    """Add ``push`` and ``serve`` to the command line."""
    p = subparsers.add_parser(
        "push", help="publish the graph to a SPARQL 1.1 store (Graph Store Protocol PUT)"
    )
    _source_options(p)
    p.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="the store: server root (oxigraph), dataset URL (fuseki), repository URL "
        "(graphdb) or graph store URL (generic)",
    )
    p.add_argument("--preset", choices=_PRESETS, default="oxigraph", help="default: oxigraph")
    p.add_argument("--store-url", metavar="URL", help="graph store service URL (overrides)")
    p.add_argument("--query-url", metavar="URL", help="query service URL, to verify counts")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S", help="per request")
    p.add_argument("--retries", type=int, default=3, metavar="N", help="on 5xx and network errors")
    p.add_argument("--no-verify", action="store_true", help="do not read the counts back")
    p.set_defaults(run=run_push)

    s = subparsers.add_parser(
        "serve", help="run a local Oxigraph SPARQL server on 127.0.0.1 with the graph"
    )
    _source_options(s)
    s.add_argument("--port", type=int, default=7878, help="default: 7878; 0 picks a free one")
    s.add_argument(
        "--location", metavar="DIR", help="keep the store in DIR (default: a temporary folder)"
    )
    s.set_defaults(run=run_serve)


def _source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", nargs="?", default=None, metavar="DATA_DIR", help="default: data")
    parser.add_argument("--build", metavar="BUILD_DIR", help="read what `detente build` wrote")


def _compiled(args: argparse.Namespace) -> Compiled:
    from graph.push import compiled_from_build, compiled_from_data
    from schemas.errors import UsageError

    if args.build is not None:
        if args.data is not None:
            raise UsageError("give a DATA_DIR or --build, not both")
        return compiled_from_build(args.build)
    return compiled_from_data(args.data or "data")


def run_push(args: argparse.Namespace) -> int:
    """Push every named graph and print what was pushed."""
    from graph.push import Endpoint, push
    from graph.transport import Transport

    endpoint = Endpoint.resolve(
        args.endpoint, args.preset, store=args.store_url, query=args.query_url
    )
    compiled = _compiled(args)
    transport = Transport.for_url(args.endpoint, timeout=args.timeout, retries=args.retries)
    progress = _Progress(len(compiled.graphs)) if sys.stderr.isatty() else None
    try:
        report = push(
            compiled,
            endpoint,
            transport,
            on_graph=progress.advance if progress else None,
            verify=not args.no_verify,
        )
    finally:
        if progress is not None:
            progress.close()
    print(report.summary())
    return 0


class _Progress:
    """A progress bar on stderr (only when it is a terminal)."""

    def __init__(self, total: int) -> None:
        from rich.progress import Progress

        self.bar = Progress(transient=True, console=_stderr_console())
        self.task = self.bar.add_task("pushing graphs", total=total)
        self.bar.start()

    def advance(self, name: str, triples: int, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        self.bar.stop()


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def run_serve(args: argparse.Namespace) -> int:
    """Serve the graph on 127.0.0.1 until Ctrl-C."""
    from graph.serve import serve

    compiled = _compiled(args)
    return serve(compiled, args.port or None, args.location, on_ready=_announce)


def _announce(server: OxigraphServer, report: PushReport) -> None:
    print(
        f"detente: serving {report.triples} triples in {len(report.graphs)} graphs at "
        f"{server.url}/ (YASGUI)\n"
        f"  SPARQL query endpoint: {server.url}/query   graph store: {server.url}/store\n"
        f"  try: detente ask concessions --endpoint {server.url}/query\n"
        "  press Ctrl-C to stop",
        flush=True,
    )
