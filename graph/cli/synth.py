"""``detente synth --statements N --out DIR [--seed S]``: write a synthetic data folder."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    synth = subparsers.add_parser(
        "synth", help="write a deterministic synthetic data folder (for tests and benchmarks)"
    )
    synth.add_argument(
        "--statements",
        type=int,
        required=True,
        metavar="N",
        help="number of statements (20 to 1,000,000)",
    )
    synth.add_argument(
        "--out", required=True, metavar="DIR", help="folder to create (must not exist, or be empty)"
    )
    synth.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    synth.set_defaults(run=run_synth)


def run_synth(args: argparse.Namespace) -> int:
    from graph.synth.corpus import generate

    if not sys.stderr.isatty():
        stats = generate(args.statements, args.out, seed=args.seed)
    else:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("generating", total=args.statements)
            stats = generate(
                args.statements,
                args.out,
                seed=args.seed,
                progress=lambda done, _total: bar.update(task, completed=done),
            )
    if sys.stdout.isatty():
        counts = ", ".join(f"{v} {k}" for k, v in stats.counts.items())
        print(f"{args.out}: {counts} ({stats.files} files)")
    return 0
