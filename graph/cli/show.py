"""``detente show ID [--data DIR] [--format text|json]``: one record whole.

Its fields as curated, where it was curated, its note, and every statement that
supports or denies it with the quote and its character offsets; for a statement,
the quote inside its sentence in the stored text (:mod:`graph.ask.cards`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run_show"]


def register(subparsers: Any) -> None:
    """Add ``show`` to the command line."""
    show = subparsers.add_parser("show", help="one record whole: fields, notes, claims, quotes")
    show.add_argument("record", metavar="ID", help="the id of any record")
    show.add_argument("--data", default="data", metavar="DATA_DIR", help="default: data")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(run=run_show)


def run_show(args: argparse.Namespace) -> int:
    """Print the record's card."""
    from graph.ask.cards import show
    from schemas.loader import load

    card = show(load(args.data), args.record)
    if args.format == "json":
        sys.stdout.write(card.to_json() + "\n")
    else:
        sys.stdout.write("\n".join(card.lines()) + "\n")
    return 0
