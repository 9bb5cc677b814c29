"""``detente draft TEXT_FILE --published YYYY-MM-DD``: propose the records of a new article."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    draft = subparsers.add_parser(
        "draft", help="draft a new article's source, statements and candidates for review"
    )
    draft.add_argument("text", metavar="TEXT_FILE", help="the article as plain UTF-8 text")
    draft.add_argument("--published", required=True, metavar="YYYY-MM-DD",
                       help="publication date; relative dates resolve against it")  # fmt: skip
    draft.add_argument(
        "--data", default="data", help="data folder with the registry (default: data)"
    )
    draft.add_argument("--id", dest="source_id", metavar="SLUG", help="the new source's id")
    draft.add_argument("--format", choices=["yaml", "json"], default="yaml",
                       help="output on stdout (default: yaml)")  # fmt: skip
    draft.add_argument("--write", action="store_true",
                       help="store sources/<id>.txt, .yaml, .pending.json")  # fmt: skip
    draft.set_defaults(run=run_draft)


def run_draft(args: argparse.Namespace) -> int:
    from pathlib import Path

    from graph.draft import check_target, draft_file, to_json, to_yaml, write_draft

    draft = draft_file(args.text, args.published, args.data, args.source_id)
    if args.write:
        check_target(Path(args.data), draft.source["id"])
        for path in write_draft(draft, args.data):
            print(f"wrote {path}")
        print(
            f"{len(draft.statements)} statements, {len(draft.actors)} new actors, "
            f"{len(draft.candidates)} candidates pending; run: detente check {args.data}"
        )
        return 0
    sys.stdout.write(to_json(draft) if args.format == "json" else to_yaml(draft))
    return 0
