"""``detente ask ...``, ``detente sparql QUERY_OR_FILE`` and ``detente diff OLD NEW``.

Every command opens a :class:`graph.query.Graph` and prints what its methods
return: a rich table, JSON (the stable keys of :mod:`graph.rows`) or CSV.
Without ``--data`` or ``--build`` the graph is ``build/`` when ``detente
build`` wrote it after the last change in ``data/``, else ``data/`` compiled
on the fly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.query import Graph
    from graph.results import Rows
    from graph.rows import ActorProfile

__all__ = ["open_graph", "register"]

_FORMATS = ("table", "json", "csv")


def register(subparsers: Any) -> None:
    """Add ``ask``, ``sparql`` and ``diff`` to the command line."""
    ask = subparsers.add_parser(
        "ask", help="who conceded what, meetings, positions, statements, an actor, a topic"
    )
    views = ask.add_subparsers(dest="view", required=True, metavar="VIEW")

    def view(name: str, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = views.add_parser(name, help=help_text)
        _graph_options(parser)
        parser.add_argument("--as-of", metavar="DATE", help="only what was said by DATE")
        parser.add_argument("--format", choices=_FORMATS, default="table")
        parser.set_defaults(run=run_ask)
        return parser

    p = view("concessions", "who conceded what, with claims and derived status")
    p.add_argument("--by", metavar="ACTOR", help="the conceder (id, name or alias)")
    p.add_argument("--to", metavar="ACTOR", help="a counterpart it was conceded to")
    p.add_argument("--beneficiary", metavar="ACTOR", help="an actor who gains from it")
    p.add_argument("--claimant", metavar="ACTOR", help="an actor who claims or denies it")
    p.add_argument("--topic", metavar="TOPIC", help="the topic (id or label)")
    p.add_argument("--status", choices=("confirmed", "denied", "disputed", "claimed"))
    p = view("meetings", "meetings by participant, status and date range")
    p.add_argument("--participant", metavar="ACTOR")
    p.add_argument("--status", metavar="STATUS", help="held, planned, proposed or cancelled")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p = view("positions", "positions by actor, topic and stance")
    p.add_argument("--actor", metavar="ACTOR")
    p.add_argument("--topic", metavar="TOPIC")
    p.add_argument("--stance", metavar="STANCE")
    p = view("statements", "statements by speaker, venue and source")
    p.add_argument("--speaker", metavar="ACTOR")
    p.add_argument("--venue", metavar="VENUE", help="venue label or outlet actor")
    p.add_argument("--source", metavar="SOURCE", help="source id")
    p = view("actor", "everything about one actor")
    p.add_argument("name", metavar="ACTOR")
    p = view("topic", "every actor's stance on one topic over time")
    p.add_argument("name", metavar="TOPIC")

    sparql = subparsers.add_parser("sparql", help="run any read-only SPARQL query")
    sparql.add_argument("query", metavar="QUERY_OR_FILE", help="query text or a .rq file")
    _graph_options(sparql)
    sparql.add_argument("--format", choices=_FORMATS, default="table")
    sparql.set_defaults(run=run_sparql)

    diff = subparsers.add_parser("diff", help="what changed between two builds or data folders")
    diff.add_argument("old", metavar="OLD", help="build folder, .trig/.nq file or data folder")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--format", choices=("table", "json"), default="table")
    diff.set_defaults(run=run_diff)


def _graph_options(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data", metavar="DATA_DIR", help="compile this data folder")
    where.add_argument("--build", metavar="BUILD_DIR", help="read what `detente build` wrote")
    where.add_argument("--endpoint", metavar="URL", help="a remote SPARQL 1.1 query endpoint")


def open_graph(data: str | None, build: str | None, endpoint: str | None = None) -> Graph:
    """The graph to ask: ``--build``, ``--data``, else a fresh ``build/`` or ``data/``."""
    from graph.query import BUILD_FILES, Graph

    if endpoint is not None:
        from graph.remote import open_remote

        return open_remote(endpoint)
    if build is not None:
        return Graph.from_build(build)
    if data is not None:
        return Graph.from_data(data)
    built = [Path("build") / n for n in BUILD_FILES if (Path("build") / n).is_file()]
    if built and _newest(Path("data")) <= built[0].stat().st_mtime:
        return Graph.from_build("build")
    return Graph.from_data("data")


def _newest(folder: Path) -> float:
    stamps = [p.stat().st_mtime for p in folder.rglob("*") if p.is_file()]
    return max(stamps, default=0.0)


def run_ask(args: argparse.Namespace) -> int:
    """Run one ``detente ask`` view and print it."""

    graph: Graph = open_graph(args.data, args.build, args.endpoint)
    if args.as_of:
        graph = graph.as_of(args.as_of)
    view = args.view
    if view == "actor":
        return _print_profile(graph.actor(args.name), args.format)
    rows: Rows[Any]
    if view == "concessions":
        rows = graph.concessions(
            by=args.by,
            to=args.to,
            beneficiary=args.beneficiary,
            claimant=args.claimant,
            topic=args.topic,
            status=args.status,
        )
    elif view == "meetings":
        rows = graph.meetings(
            participant=args.participant, status=args.status, since=args.since, until=args.until
        )
    elif view == "positions":
        rows = graph.positions(actor=args.actor, topic=args.topic, stance=args.stance)
    elif view == "statements":
        rows = graph.statements(speaker=args.speaker, venue=args.venue, source=args.source)
    else:
        rows = graph.topic(args.name)
    _print_rows(rows, args.format, title=view if view != "topic" else f"topic {args.name}")
    return 0


def _print_rows(rows: Rows[Any], fmt: str, title: str) -> None:
    if fmt == "json":
        sys.stdout.write(rows.to_json() + "\n")
    elif fmt == "csv":
        sys.stdout.write(rows.to_csv())
    elif not rows:
        print(f"no {title} match", file=sys.stderr)
    else:
        from rich.console import Console

        Console().print(rows.to_table(title=title))


def _print_profile(profile: ActorProfile, fmt: str) -> int:
    import json

    from schemas.errors import UsageError

    if fmt == "json":
        sys.stdout.write(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0
    if fmt == "csv":
        raise UsageError("an actor profile has several tables; use --format table or json")
    from rich.console import Console
    from rich.text import Text

    from graph.results import Rows

    console = Console()
    console.print(Text(profile.actor.name, style="bold"), f"({profile.actor.id}, {profile.kind})",
                  markup=False)
    if profile.aliases:
        console.print("also: " + ", ".join(profile.aliases), markup=False)
    for a in profile.affiliations:
        console.print(f"{a.role} of {a.of.name}", markup=False)
    parts: list[tuple[str, str, tuple[Any, ...]]] = [
        ("concessions", "conceded", profile.conceded),
        ("concessions", "received", profile.received),
        ("positions", "positions", profile.positions),
        ("meetings", "meetings", profile.meetings),
        ("statements", "statements", profile.statements),
    ]
    for kind, title, rows in parts:
        if rows:
            console.print(Rows(kind, rows).to_table(title=title))
    return 0


def run_sparql(args: argparse.Namespace) -> int:
    """Run a query given as text or as a file, and print its results."""
    import json

    from graph.rows import solutions
    from schemas.errors import UsageError

    text = args.query
    path = Path(text)
    if "\n" not in text and path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise UsageError(f"{path}: no such query file")
        text = path.read_text(encoding="utf-8")
    result = open_graph(args.data, args.build, args.endpoint).sparql(text)
    if isinstance(result, bool):
        print("true" if result else "false")
    elif isinstance(result, str):
        sys.stdout.write(result)
    elif args.format == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        header, rows = solutions(result)
        if args.format == "csv":
            import csv

            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        else:
            from rich.console import Console
            from rich.table import Table
            from rich.text import Text

            table = Table(*header, show_lines=False)
            for row in rows:
                table.add_row(*(Text(cell) for cell in row))  # data, never markup
            Console().print(table)
    return 0


def run_diff(args: argparse.Namespace) -> int:
    """Compare two graphs and print what was added, removed or changed."""
    from graph.diff import diff
    from graph.query import Graph

    changes = diff(Graph.open(args.old), Graph.open(args.new))
    if args.format == "json":
        sys.stdout.write(changes.to_json() + "\n")
    else:
        for line in changes.lines():
            print(line)
    return 0
