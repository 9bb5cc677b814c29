"""``detente export [DATA_DIR] --format F [--out FILE]``: one RDF format, to stdout or a file.

The export holds what ``detente build`` writes: the source graphs, the registry and
vocabulary, and the derived facts in ``<base>graph/derived`` (:mod:`graph.ask.derived`).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from graph.options import EXPORT_FORMATS

__all__ = ["register", "run_export"]


def register(subparsers: Any) -> None:
    """Add ``export`` to the command line."""
    export = subparsers.add_parser("export", help="compile the data and print or write one format")
    export.add_argument("data", nargs="?", default="data", help="the data folder (default: data)")
    export.add_argument(
        "--format", choices=EXPORT_FORMATS, default="turtle", help="default: turtle"
    )
    export.add_argument("--out", default=None, help="file to write (default: standard output)")
    export.add_argument("--base", default=None, help="base IRI of record IRIs")
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from graph.builder.derive import with_derived
    from graph.compile.quads import compile_quads
    from graph.export.writers import serialize
    from graph.files import check_output, write_atomic
    from graph.rdf.terms import DEFAULT_BASE
    from schemas.loader import load

    if args.out:
        check_output(args.out, args.data, folder=False)
    compiled = compile_quads(load(args.data), args.base or DEFAULT_BASE)
    with_derived(compiled)  # the build's derived facts, in their own graph, as `build` writes
    data = serialize(compiled, args.format)
    if args.out:
        write_atomic(args.out, data)
        print(f"wrote {args.out}")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0
