"""``detente push [DATA_DIR] --endpoint URL``: publish the graph to a SPARQL 1.1 store.

It reads a data folder (compiled and validated on the fly) or, with ``--build``,
what ``detente build`` wrote; each named graph is one Graph Store Protocol PUT
(:mod:`graph.remote.gsp`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from graph.options import PRESETS

if TYPE_CHECKING:
    from graph.compile.compiled import Compiled

__all__ = ["read_compiled", "register", "run_push", "source_options", "stderr_console"]


def register(subparsers: Any) -> None:
    """Add ``push`` to the command line."""
    p = subparsers.add_parser(
        "push", help="publish the graph to a SPARQL 1.1 store (Graph Store Protocol PUT)"
    )
    source_options(p)
    p.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="the store: server root (oxigraph, virtuoso), dataset URL (fuseki), repository URL "
        "(graphdb) or graph store URL (generic)",
    )
    p.add_argument("--preset", choices=list(PRESETS), default="oxigraph", help="default: oxigraph")
    p.add_argument("--store-url", metavar="URL", help="graph store service URL (overrides)")
    p.add_argument("--query-url", metavar="URL", help="query service URL, to verify counts")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S", help="per request")
    p.add_argument("--retries", type=int, default=3, metavar="N", help="on 5xx and network errors")
    p.add_argument("--no-verify", action="store_true", help="do not read the counts back")
    p.set_defaults(run=run_push)


def source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", nargs="?", default=None, metavar="DATA_DIR", help="default: data")
    parser.add_argument("--build", metavar="BUILD_DIR", help="read what `detente build` wrote")


def read_compiled(args: argparse.Namespace) -> Compiled:
    from graph.remote.gsp import compiled_from_build, compiled_from_data
    from schemas.errors import UsageError

    if args.build is not None:
        if args.data is not None:
            raise UsageError("give a DATA_DIR or --build, not both")
        return compiled_from_build(args.build)
    return compiled_from_data(args.data or "data")


def run_push(args: argparse.Namespace) -> int:
    """Push every named graph and print what was pushed."""
    from graph.remote.gsp import Endpoint, push
    from graph.remote.http import Transport, redact

    endpoint = Endpoint.resolve(
        args.endpoint, args.preset, store=args.store_url, query=args.query_url
    )
    transport = Transport.for_url(args.endpoint, timeout=args.timeout, retries=args.retries)
    compiled = read_compiled(args)
    progress = _Progress(len(compiled.graphs)) if sys.stderr.isatty() else None
    if progress is None:  # no bar without a terminal, but a long wait still says what it does
        print(
            f"detente: pushing {len(compiled.graphs)} graphs to {redact(endpoint.store)} "
            f"(--timeout {args.timeout:g} s per request, --retries {args.retries})",
            file=sys.stderr,
            flush=True,
        )
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


def stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


class _Progress:
    """A progress bar on stderr (only when it is a terminal)."""

    def __init__(self, total: int) -> None:
        from rich.progress import Progress

        self.bar = Progress(transient=True, console=stderr_console())
        self.task = self.bar.add_task("pushing graphs", total=total)
        self.bar.start()

    def advance(self, name: str, triples: int, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        self.bar.stop()
