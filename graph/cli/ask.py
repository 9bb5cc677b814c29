"""``detente ask VIEW ...``: who conceded what, and the other views.

Every view opens a :class:`graph.ask.graph.Graph` and prints what its methods
return: a rich table, JSON (the stable keys of :mod:`graph.ask.rows`) or CSV.
Without ``--data`` or ``--build`` the graph is ``build/`` when ``detente
build`` wrote it after the last change in ``data/``, else ``data/`` compiled
on the fly.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from graph.cli.tables import rows_table
from graph.options import ANSWER_FORMATS, MODALITIES, PRESETS, STATUSES

if TYPE_CHECKING:
    from graph.ask.graph import Graph
    from graph.ask.results import Rows
    from graph.ask.rows import ActorProfile

__all__ = ["graph_options", "open_graph", "register"]


def register(subparsers: Any) -> None:
    """Add ``ask`` and its views to the command line."""
    ask = subparsers.add_parser(
        "ask",
        help="who conceded what, proposals, meetings, positions, statements, an actor, a topic",
    )
    views = ask.add_subparsers(dest="view", required=True, metavar="VIEW")

    def view(name: str, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = views.add_parser(name, help=help_text)
        graph_options(parser)
        parser.add_argument("--as-of", metavar="DATE", help="only what was said by DATE")
        parser.add_argument(
            "--include-illustrative",
            action="store_true",
            help="count claims from illustrative (invented) sources too; by default they "
            "change no status, count or answer",
        )
        parser.add_argument("--format", choices=ANSWER_FORMATS, default="table")
        parser.set_defaults(run=run_ask)
        return parser

    p = view("concessions", "who conceded what, with claims and derived status")
    p.add_argument("--by", metavar="ACTOR", help="the conceder (id, name or alias)")
    p.add_argument("--to", metavar="ACTOR", help="a counterpart it was conceded to")
    p.add_argument("--beneficiary", metavar="ACTOR", help="an actor who gains from it")
    p.add_argument("--claimant", metavar="ACTOR", help="an actor who claims or denies it")
    p.add_argument("--topic", metavar="TOPIC", help="the topic (id or label)")
    p.add_argument("--status", choices=STATUSES, help="derived status of what is reported made")
    p.add_argument("--exact", action="store_true",
                   help="no roll-ups: the topic itself (not those under it), the actor itself "
                   "(not its members)")
    p.add_argument("--via-affiliation", action="store_true",
                   help="also what the actors --by leads or speaks for concede, on those dates")
    p.add_argument("--modality", choices=MODALITIES, help="made, offered, demanded, ...")
    p = view("history", "everything said on a topic or by an actor, in date order")
    p.add_argument("name", metavar="TOPIC_OR_ACTOR")
    view("tensions", "records that pull against each other, with both sides' evidence")
    p = view("proposals", "plans, packages and joint documents, with provisions and claims")
    p.add_argument("--by", metavar="ACTOR", help="a claimed proposer or drafter")
    p.add_argument("--status", metavar="STATUS", help="draft, tabled, accepted, rejected, ...")
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


def graph_options(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data", metavar="DATA_DIR", help="compile this data folder")
    where.add_argument("--build", metavar="BUILD_DIR", help="read what `detente build` wrote")
    where.add_argument(
        "--endpoint",
        metavar="URL",
        help="a remote SPARQL 1.1 store: the URL given to `detente push`, or its query URL",
    )
    parser.add_argument(
        "--preset", choices=list(PRESETS), default="oxigraph", help="with --endpoint"
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="with --endpoint: per request"
    )
    parser.add_argument(
        "--retries", type=int, default=3, metavar="N", help="with --endpoint: on 5xx, timeouts"
    )


def open_graph(
    data: str | None,
    build: str | None,
    endpoint: str | None = None,
    args: argparse.Namespace | None = None,
) -> Graph:
    """The graph to ask: ``--build``, ``--data``, else a fresh ``build/`` or ``data/``."""
    from graph.ask.graph import Graph

    if endpoint is not None:
        from graph.remote.engine import RemoteEngine
        from graph.remote.gsp import query_url
        from graph.remote.http import Transport

        url = query_url(endpoint, getattr(args, "preset", "oxigraph"))
        transport = Transport.for_url(
            url, timeout=getattr(args, "timeout", 30.0), retries=getattr(args, "retries", 3)
        )
        return Graph(RemoteEngine(url, transport))
    if build is not None:
        return Graph.from_build(build)
    if data is not None:
        return Graph.from_data(data)
    return Graph.open()


def run_ask(args: argparse.Namespace) -> int:
    """Run one ``detente ask`` view and print it."""

    graph: Graph = open_graph(args.data, args.build, args.endpoint, args)
    if args.include_illustrative:
        graph = graph.with_illustrative()
    if args.as_of:
        graph = graph.as_of(args.as_of)
    view = args.view
    if view == "actor":
        return _print_profile(graph.actor(args.name), args.format)
    rows: Rows[Any]
    hint = None
    if view == "concessions":
        rows = graph.concessions(
            by=args.by,
            to=args.to,
            beneficiary=args.beneficiary,
            claimant=args.claimant,
            topic=args.topic,
            status=args.status,
            modality=args.modality,
            exact=args.exact,
            via_affiliation=args.via_affiliation,
        )
        if not rows and args.by and not args.via_affiliation and not args.exact:
            from graph.ask.concessions import by_hint

            hint = by_hint(graph, args.by)
    elif view == "history":
        rows = graph.history(args.name)
    elif view == "tensions":
        rows = graph.tensions()
    elif view == "proposals":
        rows = graph.proposals(by=args.by, status=args.status)
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
    if hint:
        print(f"detente: {hint}", file=sys.stderr)
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

        console = Console()
        console.print(rows_table(rows, title=title, width=console.width))


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

    from graph.ask.results import Rows

    console = Console()
    console.print(
        Text(profile.actor.name, style="bold"),
        f"({profile.actor.id}, {profile.kind})",
        markup=False,
    )
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
            console.print(rows_table(Rows(kind, rows), title=title, width=console.width))
    return 0
