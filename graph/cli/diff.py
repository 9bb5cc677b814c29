"""``detente diff OLD NEW``: what changed between two builds or data folders."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from graph.options import DIFF_FORMATS

__all__ = ["register", "run_diff"]


def register(subparsers: Any) -> None:
    """Add ``diff`` to the command line."""
    diff = subparsers.add_parser("diff", help="what changed between two builds or data folders")
    diff.add_argument("old", metavar="OLD", help="build folder, .trig/.nq file or data folder")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--format", choices=DIFF_FORMATS, default="table")
    diff.add_argument(
        "--include-illustrative",
        action="store_true",
        help="count claims of illustrative (invented) sources as evidence, on both sides",
    )
    diff.set_defaults(run=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    """Compare two graphs and print what was added, removed or changed."""
    from graph.ask.changes import diff
    from graph.ask.graph import Graph

    old, new = Graph.open(args.old), Graph.open(args.new)
    if args.include_illustrative:
        old, new = old.with_illustrative(), new.with_illustrative()
    changes = diff(old, new)
    if args.format == "json":
        sys.stdout.write(changes.to_json() + "\n")
    else:
        for line in changes.lines():
            print(line)
    return 0
