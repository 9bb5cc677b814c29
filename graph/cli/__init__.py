"""The ``detente`` command line: a thin front over the library.

Each command lives in a module of this package with a ``register(subparsers)``
function; registering imports nothing heavy, so ``detente check`` starts fast.
Every :class:`~schemas.errors.DetenteError` becomes a clean message and an exit
code (1 for data problems, 2 for usage), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from schemas.errors import DetenteError

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

# one module per command, named after it; each defines register(subparsers)
COMMAND_MODULES = [
    *("check", "schema", "build", "export", "ask", "sparql", "diff"),
    *("show", "draft", "draw", "report", "push", "serve", "synth"),
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"detente: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = _Parser(
        prog="detente",
        description="A knowledge graph of claimed negotiation "
        "positions: who conceded what, according to whom, where and when.",
    )
    subparsers = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    for name in COMMAND_MODULES:
        import_module(f"graph.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except DetenteError as err:
        print(f"detente: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("detente: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:  # a read-only folder, a full disk: said plainly, never a traceback
        where = f"{err.filename}: " if err.filename else ""
        print(f"detente: {where}{err.strerror or err}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
