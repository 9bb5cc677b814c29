"""``detente build [DATA_DIR] [--out DIR]`` and ``detente export --format F [--out FILE]``."""

from __future__ import annotations

import argparse
from typing import Any

from graph.options import SHACL_ENGINES

__all__ = ["register"]


def register(subparsers: Any) -> None:
    build = subparsers.add_parser(
        "build", help="compile, validate (SHACL) and write build/detente.ttl, .trig and .jsonld"
    )
    build.add_argument("data", nargs="?", default="data", help="the data folder (default: data)")
    build.add_argument("--out", default="build", help="output folder (default: build)")
    build.add_argument("--base", default=None, help="base IRI of record IRIs")
    build.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="rebuild everything; neither read nor write OUT/.cache",
    )
    build.add_argument(
        "--shacl",
        choices=SHACL_ENGINES,
        default="fast",
        help="validator: 'fast' checks the shapes on the compiled lines (same verdicts, "
        "tested); 'pyshacl' runs pySHACL on each unit (slower)",
    )
    build.set_defaults(run=run_build)


def run_build(args: argparse.Namespace) -> int:
    from graph.builder.run import build
    from graph.files import check_output
    from graph.rdf.terms import DEFAULT_BASE

    check_output(args.out, args.data, folder=True)

    report = build(
        args.data, args.out, base=args.base or DEFAULT_BASE, cache=args.cache, shacl=args.shacl
    )
    cached = report.graphs - 1 - report.validated
    how = ""
    if report.path == "incremental":
        how = f"; incremental: {report.reread} record file(s) reread"
    print(
        f"{args.data}: {report.triples:,} triples in {report.graphs} graphs; "
        f"SHACL OK ({report.validated} checked, {max(cached, 0)} unchanged){how}"
    )
    for path in report.files:
        print(f"wrote {path}")
    return 0
