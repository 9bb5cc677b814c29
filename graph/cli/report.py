"""``detente report [DATA_DIR] [--focus X] [--topic T] [--as-of DATE] --out DIR_OR_FILE.html``."""

from __future__ import annotations

import argparse
from typing import Any

from graph.options import parse_day

__all__ = ["register"]


def register(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report", help="write a self-contained HTML dossier: every claim quoted in its source"
    )
    report.add_argument("data", nargs="?", default="data", help="the data folder (default: data)")
    report.add_argument("--out", required=True,
                        help="a folder (gets report.html) or a file ending in .html")
    report.add_argument("--focus", help="an actor (id, name, alias) or topic (id or label)")
    report.add_argument("--topic", help="only what is about this topic (or a narrower one)")
    report.add_argument("--as-of", metavar="DATE", help="only what had been said by this date")
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    from graph.ask.graph import Graph
    from graph.draw.report import write_report
    from schemas.loader import load

    as_of = parse_day(args.as_of) if args.as_of else None
    corpus = load(args.data)
    path = write_report(corpus, Graph.from_corpus(corpus), args.out, focus=args.focus,
                        topic=args.topic, as_of=as_of)
    print(f"wrote {path}")
    return 0
