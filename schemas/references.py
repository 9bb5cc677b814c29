"""Cross-record checks: every id resolves, nothing cycles, every claim has a claimant.

>>> from schemas.corpus import Corpus, Location
>>> from schemas.models import Topic
>>> c = Corpus(topics={"a": Topic(id="a", label="A", kind="territory", broader="b")},
...            locations={"a": Location("data/topics.yaml", 3)})
>>> [str(p) for p in check_references(c)]  # doctest: +NORMALIZE_WHITESPACE
["data/topics.yaml:3: broader: unknown topic 'b' (hint: known topic ids: a)"]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from schemas.corpus import Corpus
from schemas.errors import Problem
from schemas.lookup import CLAIMABLE, Found, claimed, ref
from schemas.rules import (
    actor_rules,
    check_unique_provisions,
    commitment_rules,
    concession_rules,
    proposal_rules,
    response_rules,
    source_rules,
    statement_relays,
    topic_rules,
)
from schemas.vocab import ActorKind, DatePrecision, StatementMode
from schemas.yamlio import line_at

__all__ = ["check_names", "check_references", "check_statements"]

Check = Callable[[Corpus, Any], Iterator[Found]]


def check_references(corpus: Corpus, raw: dict[str, Any] | None = None) -> list[Problem]:
    """Every problem with references and cross-record rules, at the field's own line.

    ``raw`` maps record ids to their parsed YAML (for field lines); without it
    problems are reported at the record's first line.
    """
    raw = raw or {}
    problems: list[Problem] = []
    for section, check in _CHECKS:
        for record in corpus.section(section).values():
            for found in check(corpus, record):
                problems.append(_problem(corpus, raw, record.id, found))
    problems.extend(check_unique_provisions(corpus, raw))
    problems.extend(_cycles(corpus, raw))
    problems.extend(check_names(corpus, raw))
    return problems


def check_names(corpus: Corpus, raw: dict[str, Any] | None = None) -> list[Problem]:
    """Two actors sharing an id, name or alias (as :func:`schemas.names.name_key` reads it).

    ``--by NAME`` must name one actor; a collision, homoglyphs included, is an error
    at the second actor's form, naming the first.
    """
    from schemas.names import name_key

    raw = raw or {}
    owners: dict[str, tuple[str, str, tuple[str | int, ...]]] = {}
    problems: list[Problem] = []
    for actor in corpus.actors.values():
        forms: list[tuple[str, tuple[str | int, ...]]] = [
            (actor.id, ("id",)),
            (actor.name, ("name",)),
        ]
        forms += [(alias, ("aliases", i)) for i, alias in enumerate(actor.aliases)]
        for form, path in forms:
            key = name_key(form)
            first = owners.setdefault(key, (actor.id, form, path))
            if first[0] == actor.id:
                continue
            loc = corpus.locations.get(actor.id)
            other = corpus.locations.get(first[0])
            where = f" ({other.file}:{other.line})" if other else ""
            same = "" if first[1] == form else f" (as {first[1]!r}: they read the same)"
            problems.append(
                Problem(
                    loc.file if loc else "<memory>",
                    line_at(raw[actor.id], path) if actor.id in raw else (loc.line if loc else 0),
                    _dotted(path),
                    f"{form!r} already names actor {first[0]!r}{where}{same}",
                    "an id, name or alias names one actor only; remove it here or there",
                )
            )
    return problems


def _problem(corpus: Corpus, raw: dict[str, Any], ident: str, found: Found) -> Problem:
    path, message, hint = found[0], found[1], found[2]
    at = found[3] if len(found) == 4 else path
    loc = corpus.locations.get(ident)
    line = line_at(raw[ident], at) if ident in raw else (loc.line if loc else 0)
    return Problem(loc.file if loc else "<memory>", line, _dotted(path), message, hint)


def check_statements(corpus: Corpus, raw: dict[str, Any] | None = None) -> list[Problem]:
    """:func:`check_references` for the statements of ``corpus`` alone (and their cycles).

    The other sections are only looked up, not checked: ``detente build``
    rechecks an edited source file with it against stubs of the records the
    file points to (:mod:`graph.builder.incremental`).
    """
    raw = raw or {}
    problems: list[Problem] = []
    for st in corpus.statements.values():
        for found in _statements(corpus, st):
            problems.append(_problem(corpus, raw, st.id, found))
    chains = Corpus(statements=corpus.statements, locations=corpus.locations)
    problems.extend(_cycles(chains, raw))
    return problems


def _dotted(path: tuple[str | int, ...]) -> str:
    return "".join(
        f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path)
    )


def _actors(corpus: Corpus, record: Any) -> Iterator[Found]:
    for i, aff in enumerate(record.affiliations):
        yield from ref(corpus, ["actors"], aff.of, ("affiliations", i, "of"))
    yield from actor_rules(corpus, record)


def _topics(corpus: Corpus, record: Any) -> Iterator[Found]:
    yield from ref(corpus, ["topics"], record.broader, ("broader",))
    yield from topic_rules(corpus, record)


def _meetings(corpus: Corpus, record: Any) -> Iterator[Found]:
    for i, part in enumerate(record.participants):
        yield from ref(corpus, ["actors"], part.actor, ("participants", i, "actor"))
    yield from claimed(corpus, record.id, "meeting")


def _concessions(corpus: Corpus, record: Any) -> Iterator[Found]:
    yield from ref(corpus, ["actors"], record.conceder, ("conceder",))
    for field in ("conceded_to", "beneficiaries"):
        for i, actor in enumerate(getattr(record, field)):
            yield from ref(corpus, ["actors"], actor, (field, i))
    yield from ref(corpus, ["topics"], record.topic, ("topic",))
    yield from ref(corpus, ["meetings"], record.made_at, ("made_at",))
    yield from claimed(corpus, record.id, "concession")
    yield from concession_rules(corpus, record)


def _positions(corpus: Corpus, record: Any) -> Iterator[Found]:
    yield from ref(corpus, ["actors"], record.actor, ("actor",))
    yield from ref(corpus, ["topics"], record.topic, ("topic",))
    yield from claimed(corpus, record.id, "position")


def _statements(corpus: Corpus, st: Any) -> Iterator[Found]:
    yield from ref(corpus, ["sources"], st.source, ("source",))
    source = corpus.sources.get(st.source)
    if st.mode is StatementMode.NARRATION:
        if st.speaker != st.source:
            yield (
                ("speaker",),
                "a narration statement is attributed to its source",
                (f"set speaker: {st.source}"),
            )
    else:
        yield from ref(corpus, ["actors"], st.speaker, ("speaker",))
    outlet = corpus.actors.get(st.venue.outlet or "")
    if st.venue.outlet is not None and outlet is None:
        yield from ref(corpus, ["actors"], st.venue.outlet, ("venue", "outlet"))
    elif outlet is not None and outlet.kind is not ActorKind.MEDIA_OUTLET:
        yield (
            ("venue", "outlet"),
            f"{outlet.id!r} is a {outlet.kind.value}, not a media outlet",
            ("name a media_outlet actor, or put the occasion in venue.meeting"),
        )
    yield from ref(corpus, ["meetings"], st.venue.meeting, ("venue", "meeting"))
    yield from ref(corpus, ["statements"], st.reported_by, ("reported_by",))
    outer = corpus.statements.get(st.reported_by or "")
    if outer is not None and outer.source != st.source:
        yield (
            ("reported_by",),
            f"{outer.id!r} is reported in another source",
            ("nested speech lives in the source that carries it"),
        )
    for field in ("supports", "denies"):
        for i, target in enumerate(getattr(st, field)):
            yield from ref(corpus, CLAIMABLE, target, (field, i))
    yield from statement_relays(corpus, st)
    if source is not None and st.date > source.published:
        yield (
            ("date",),
            f"{st.date} is after the source's date {source.published}",
            ("resolve relative dates ('on Friday') against the source's date"),
        )
    if st.date_precision is DatePrecision.NOT_AFTER and source and st.date != source.published:
        yield (
            ("date",),
            "with date_precision not_after, date is the source's date",
            (f"set date: {source.published}"),
        )


_CHECKS: list[tuple[str, Check]] = [
    ("actors", _actors),
    ("topics", _topics),
    ("meetings", _meetings),
    ("proposals", proposal_rules),
    ("concessions", _concessions),
    ("commitments", commitment_rules),
    ("positions", _positions),
    ("responses", response_rules),
    ("sources", source_rules),
    ("statements", _statements),
]


def _cycles(corpus: Corpus, raw: dict[str, Any]) -> list[Problem]:
    """Affiliation, broader-topic, supersedes, reported-by and revises chains must not loop."""
    edges: dict[str, tuple[str, list[str]]] = {}
    for actor in corpus.actors.values():
        edges[actor.id] = ("affiliations", [a.of for a in actor.affiliations])
    for topic in corpus.topics.values():
        edges[topic.id] = ("broader", topic.all_broader())
    for proposal in corpus.proposals.values():
        edges[proposal.id] = ("supersedes", [proposal.supersedes] if proposal.supersedes else [])
    for st in corpus.statements.values():
        edges[st.id] = ("reported_by", [st.reported_by] if st.reported_by else [])
    revisions = {
        st.id: ("revises", [st.revises]) for st in corpus.statements.values() if st.revises
    }
    return _loops(corpus, raw, edges) + _loops(corpus, raw, revisions)


def _loops(
    corpus: Corpus, raw: dict[str, Any], edges: dict[str, tuple[str, list[str]]]
) -> list[Problem]:
    problems: list[Problem] = []
    done: set[str] = set()
    for root in sorted(edges):
        if root in done:
            continue
        path, on_path = [root], {root}
        iters = [iter(edges[root][1])]
        while iters:
            nxt = next(iters[-1], None)
            if nxt is None:
                node = path.pop()
                on_path.discard(node)
                done.add(node)
                iters.pop()
            elif nxt in on_path:
                problems.append(_cycle_problem(corpus, raw, edges, [*path[path.index(nxt) :], nxt]))
            elif nxt in edges and nxt not in done:
                path.append(nxt)
                on_path.add(nxt)
                iters.append(iter(edges[nxt][1]))
    return problems


def _cycle_problem(
    corpus: Corpus, raw: dict[str, Any], edges: dict[str, tuple[str, list[str]]], cycle: list[str]
) -> Problem:
    node = cycle[-2]
    field = edges[node][0]
    loc = corpus.locations.get(node)
    line = line_at(raw[node], (field,)) if node in raw else (loc.line if loc else 0)
    return Problem(
        loc.file if loc else "<memory>",
        line,
        field,
        f"circular {field}: {' -> '.join(cycle)}",
        "break the loop; a chain must end",
    )
