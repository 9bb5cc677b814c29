"""``detente sparql QUERY_OR_FILE``: any read-only SPARQL query, parsed and checked first."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graph.cli import ask
from graph.options import ANSWER_FORMATS

__all__ = ["register", "run_sparql"]


def register(subparsers: Any) -> None:
    """Add ``sparql`` to the command line."""
    sparql = subparsers.add_parser("sparql", help="run any read-only SPARQL query")
    sparql.add_argument("query", metavar="QUERY_OR_FILE", help="query text or a .rq file")
    ask.graph_options(sparql)
    sparql.add_argument("--format", choices=ANSWER_FORMATS, default="table")
    sparql.set_defaults(run=run_sparql)


def run_sparql(args: argparse.Namespace) -> int:
    """Run a query given as text or as a file, and print its results."""
    import json

    from graph.ask.rows import solutions
    from schemas.errors import UsageError

    text = args.query
    path = Path(text)
    if "\n" not in text and path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise UsageError(f"{path}: no such query file")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise UsageError(f"{path}: not UTF-8 (byte {err.start}); save it as UTF-8") from None
        except OSError as err:
            raise UsageError(f"{path}: cannot read ({err.strerror})") from None
    result = ask.open_graph(args.data, args.build, args.endpoint, args).sparql(text)
    if isinstance(result, bool):
        print("true" if result else "false")
    elif isinstance(result, str):
        sys.stdout.write(result)
    elif args.format == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        header, rows = solutions(result)
        if args.format == "csv":
            import csv

            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        else:
            from rich.console import Console
            from rich.table import Table
            from rich.text import Text

            table = Table(*header, show_lines=False)
            for row in rows:
                table.add_row(*(Text(cell) for cell in row))  # data, never markup
            Console().print(table)
    return 0
