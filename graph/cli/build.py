"""``detente build [DATA_DIR] [--out DIR]`` and ``detente export --format F [--out FILE]``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register"]

_FORMATS = ("turtle", "trig", "jsonld", "nt", "nq")


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
        choices=("fast", "pyshacl"),
        default="fast",
        help="validator: 'fast' checks the shapes on the compiled lines (same verdicts, "
        "tested); 'pyshacl' runs pySHACL on each unit (slower)",
    )
    build.set_defaults(run=run_build)
    export = subparsers.add_parser("export", help="compile the data and print or write one format")
    export.add_argument("data", nargs="?", default="data", help="the data folder (default: data)")
    export.add_argument("--format", choices=_FORMATS, default="turtle", help="default: turtle")
    export.add_argument("--out", default=None, help="file to write (default: standard output)")
    export.add_argument("--base", default=None, help="base IRI of record IRIs")
    export.set_defaults(run=run_export)


def run_build(args: argparse.Namespace) -> int:
    from graph.build import build
    from graph.namespaces import DEFAULT_BASE

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


def run_export(args: argparse.Namespace) -> int:
    from graph.atomic import write_atomic
    from graph.compile import compile_quads
    from graph.export import serialize
    from graph.namespaces import DEFAULT_BASE
    from schemas.loader import load

    data = serialize(compile_quads(load(args.data), args.base or DEFAULT_BASE), args.format)
    if args.out:
        write_atomic(args.out, data)
        print(f"wrote {args.out}")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0
