"""``detente schema``: the JSON Schema of record files, for editors."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run_schema"]


def register(subparsers: Any) -> None:
    """Add ``schema`` to the command line."""
    schema = subparsers.add_parser("schema", help="print the JSON Schema of record files")
    schema.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    from schemas.jsonschema import json_schema_text

    sys.stdout.write(json_schema_text())
    return 0
