"""``detente draw [DATA_DIR] [--focus ACTOR|TOPIC] [--as-of DATE] [--timeline] --out FILE``."""

from __future__ import annotations

import argparse
from typing import Any

from graph.options import parse_day

__all__ = ["register"]


def register(subparsers: Any) -> None:
    draw = subparsers.add_parser(
        "draw", help="draw the graph: PNG/SVG figure, timeline, offline HTML, GraphML/GEXF"
    )
    draw.add_argument("data", nargs="?", default="data", help="the data folder (default: data)")
    draw.add_argument(
        "--out", required=True, help="output file: .png, .svg, .html, .graphml or .gexf"
    )
    draw.add_argument("--focus", help="an actor (id, name, alias) or topic (id or label)")
    draw.add_argument("--topic", help="only what is about this topic (or a narrower one)")
    draw.add_argument("--as-of", metavar="DATE", help="only what had been said by this date")
    draw.add_argument(
        "--timeline",
        action="store_true",
        help="draw statements and meetings by date instead (PNG, SVG or PDF)",
    )
    draw.set_defaults(run=run_draw)


def run_draw(args: argparse.Namespace) -> int:
    from graph.ask.graph import Graph
    from graph.draw.dispatch import render
    from schemas.loader import load

    as_of = parse_day(args.as_of) if args.as_of else None
    corpus = load(args.data)
    path = render(corpus, args.out, ask=Graph.from_corpus(corpus), focus=args.focus,
                  as_of=as_of, timeline=args.timeline, topic=args.topic)
    print(f"wrote {path}")
    return 0
