"""``detente check [DATA_DIR]`` and ``detente schema``."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    check = subparsers.add_parser("check", help="validate a data folder and report every problem")
    check.add_argument("data", nargs="?", default="data", help="the data folder (default: data)")
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    import sys
    import warnings

    from graph.ask.summary import summary_lines
    from schemas.loader import load
    from schemas.texts import AmbiguousQuote

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", AmbiguousQuote)
        corpus = load(args.data)
    for warning in caught:
        if isinstance(warning.message, AmbiguousQuote):
            print(f"detente: warning: {warning.message.problem}", file=sys.stderr)
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    print(f"{args.data}: OK")
    for line in summary_lines(corpus):
        print(line)
    return 0
