"""Negotiation questions answered from the records and their network projection.

* :func:`who_met_whom`: pairs of actors from meeting co-attendance, with who else was there;
* :func:`who_speaks_for_whom`: speakers and the actors they speak for when they speak;
* :func:`centrality`: actors ranked by how connected they are in the actor view;
* :func:`shortest_chain`: the shortest chain of relations between two actors;
* :func:`single_speaker_claims`: claimed records that rest on one speaker alone.

>>> from schemas import load
>>> corpus = load("data")
>>> [(e.pair, e.meeting, str(e.date)) for e in who_met_whom(corpus)
...  if e.pair == ("donald-trump", "vladimir-putin")]
[(('donald-trump', 'vladimir-putin'), 'alaska-summit-2025', '2025-08-15')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations, islice, pairwise
from typing import TYPE_CHECKING, Literal

from schemas.corpus import Corpus
from schemas.models import Statement

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Chain",
    "Encounter",
    "SingleSpeaker",
    "SpokesLink",
    "centrality",
    "shortest_chain",
    "single_speaker_claims",
    "who_met_whom",
    "who_speaks_for_whom",
]

Measure = Literal["degree", "betweenness", "weighted"]


@dataclass(frozen=True)
class Encounter:
    """Two actors at the same meeting, and who else took part."""

    pair: tuple[str, str]
    meeting: str
    title: str
    status: str
    date: dt.date | None
    present: tuple[str, ...]


def who_met_whom(
    corpus: Corpus, actor: str | None = None, statuses: Iterable[str] = ("held",)
) -> list[Encounter]:
    """Every pair of co-participants of a meeting whose status is in ``statuses``.

    ``actor`` (an id, name or alias) keeps the pairs it is part of. Pairs come sorted by
    date (undated last), meeting and pair; ``present`` lists the other participants.

    >>> from schemas import load
    >>> corpus = load("data")
    >>> e = who_met_whom(corpus, "Putin")[0]
    >>> e.pair, e.present
    (('donald-trump', 'vladimir-putin'), ('marco-rubio', 'steve-witkoff'))
    >>> len(who_met_whom(corpus, statuses=("held", "planned", "proposed")))
    31
    """
    wanted = set(statuses)
    who = corpus.resolve_actor(actor).id if actor is not None else None
    out: list[Encounter] = []
    for m in corpus.meetings.values():
        if m.status.value not in wanted:
            continue
        people = sorted({p.actor for p in m.participants})
        for a, b in combinations(people, 2):
            if who is not None and who not in (a, b):
                continue
            others = tuple(p for p in people if p not in (a, b))
            out.append(Encounter((a, b), m.id, m.title, m.status.value, m.start, others))
    out.sort(key=lambda e: (e.date is None, e.date or dt.date.min, e.meeting, e.pair))
    return out


@dataclass(frozen=True)
class SpokesLink:
    """A speaker who, when speaking, speaks for ``principal`` (directly or through a chain)."""

    speaker: str
    principal: str
    roles: tuple[str, ...]
    statements: tuple[str, ...]


def _role_chains(corpus: Corpus, speaker: str, on: dt.date) -> dict[str, tuple[str, ...]]:
    """Principals reachable through affiliations in force on ``on``, with the roles on the way."""
    found: dict[str, tuple[str, ...]] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [(speaker, ())]
    while todo:
        current, roles = todo.pop(0)
        actor = corpus.actors.get(current)
        if actor is None:
            continue
        for aff in actor.affiliations:
            if aff.holds_on(on) and aff.of not in found and aff.of != speaker:
                found[aff.of] = (*roles, aff.role)
                todo.append((aff.of, found[aff.of]))
    return found


def who_speaks_for_whom(corpus: Corpus) -> list[SpokesLink]:
    """Speakers with statements, and the actors their affiliations make them speak for.

    Affiliations are followed transitively and judged on each statement's date, as
    :meth:`Corpus.speaks_for` does. Sorted by speaker, then principal.

    >>> from schemas import load
    >>> links = {(x.speaker, x.principal): x for x in who_speaks_for_whom(load("data"))}
    >>> w = links["steve-witkoff", "united-states"]
    >>> w.roles, len(w.statements)
    (('Special Envoy to Russia',), 5)
    """
    by_pair: dict[tuple[str, str], tuple[tuple[str, ...], list[str]]] = {}
    statements: list[Statement] = sorted(corpus.statements.values(), key=lambda s: (s.date, s.id))
    for st in statements:
        for principal, roles in _role_chains(corpus, st.speaker, st.date).items():
            _, ids = by_pair.setdefault((st.speaker, principal), (roles, []))
            ids.append(st.id)
    return [
        SpokesLink(speaker, principal, roles, tuple(ids))
        for (speaker, principal), (roles, ids) in sorted(by_pair.items())
    ]


def centrality(corpus: Corpus, measure: Measure = "degree") -> list[tuple[str, float]]:
    """Actors ranked by centrality in :func:`graph.network.projection.actor_graph` (undirected).

    ``degree`` counts distinct neighbours, ``weighted`` sums edge weights, and
    ``betweenness`` measures how often an actor lies on shortest paths between others.
    Ties are broken by id so the ranking is stable.

    >>> from schemas import load
    >>> centrality(load("data"))[0][0]
    'volodymyr-zelenskyy'
    """
    import networkx as nx

    from graph.network.projection import actor_graph

    ug = nx.Graph()
    ag = actor_graph(corpus)
    ug.add_nodes_from(ag)
    for u, v, w in ag.edges(data="weight"):
        if ug.has_edge(u, v):
            ug.edges[u, v]["weight"] += w
        else:
            ug.add_edge(u, v, weight=w)
    scores: dict[str, float]
    if measure == "degree":
        scores = dict(nx.degree_centrality(ug))
    elif measure == "weighted":
        scores = {n: float(d) for n, d in ug.degree(weight="weight")}
    elif measure == "betweenness":
        scores = dict(nx.betweenness_centrality(ug))
    else:
        from schemas.errors import UsageError

        raise UsageError(
            f"unknown centrality measure {measure!r}; use degree, weighted or betweenness"
        )
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass(frozen=True)
class Chain:
    """A path through the network: node ids and the edge kinds between them.

    ``forward[i]`` is True when edge ``i`` runs from ``nodes[i]`` to ``nodes[i + 1]``.
    """

    nodes: tuple[str, ...]
    kinds: tuple[str, ...]
    forward: tuple[bool, ...]
    labels: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.kinds)

    def describe(self) -> str:
        """The chain in words, arrows showing each edge's direction."""
        parts = [self.labels[0]]
        for kind, fwd, label in zip(self.kinds, self.forward, self.labels[1:], strict=True):
            parts.append(f" -{kind}-> " if fwd else f" <-{kind}- ")
            parts.append(label)
        return "".join(parts)


_MAX_TIES = 10_000  # equally short chains compared at most, to bound the work


def shortest_chain(
    corpus: Corpus,
    start: str,
    end: str,
    graph: nx.MultiDiGraph | None = None,
    skip: Iterable[str] = ("source",),
) -> Chain | None:
    """The shortest chain of relations from one actor to another, or None if unlinked.

    Actors are given by id, name or alias. Edges count in either direction; nodes
    whose kind is in ``skip`` (by default the source document, which links everything
    it reports) are left out, so the chain says something about the negotiation.

    >>> from schemas import load
    >>> chain = shortest_chain(load("data"), "Zelenskyy", "Putin")
    >>> print(chain.describe())
    Volodymyr Zelenskyy -attended-> Proposed meeting of Trump, Putin and Zelenskiy \
<-attended- Vladimir Putin
    """
    import networkx as nx

    from graph.network.projection import NodeKind, node_id, project

    g = graph if graph is not None else project(corpus)
    a = node_id(NodeKind.ACTOR, corpus.resolve_actor(start).id)
    b = node_id(NodeKind.ACTOR, corpus.resolve_actor(end).id)
    skipped = set(skip)
    keep = [n for n, k in g.nodes(data="kind") if k not in skipped or n in (a, b)]
    view = g.subgraph(keep).to_undirected(as_view=True)
    try:
        # among equally short chains, the first in id order, so answers are reproducible
        path: list[str] = min(islice(nx.all_shortest_paths(view, a, b), _MAX_TIES))
    except nx.NetworkXNoPath:
        return None
    kinds: list[str] = []
    forward: list[bool] = []
    for u, v in pairwise(path):
        if g.has_edge(u, v):
            kinds.append(sorted(g[u][v])[0])
            forward.append(True)
        else:
            kinds.append(sorted(g[v][u])[0])
            forward.append(False)
    labels = tuple(str(g.nodes[n].get("label", n)) for n in path)
    return Chain(tuple(path), tuple(kinds), tuple(forward), labels)


@dataclass(frozen=True)
class SingleSpeaker:
    """A claimed record whose supporting statements all come from one speaker."""

    kind: str
    record: str
    speaker: str
    statements: tuple[str, ...]
    conceder_side: bool | None

    @property
    def other_side_only(self) -> bool:
        """True for a concession claimed only by someone outside the conceder's side."""
        return self.conceder_side is False


def single_speaker_claims(
    corpus: Corpus, kinds: Iterable[str] = ("concession", "position", "meeting")
) -> list[SingleSpeaker]:
    """Concessions, positions and meetings that rest on a single speaker's statements.

    Narration counts as the source speaking. For concessions, ``conceder_side`` says
    whether that speaker speaks for the conceder (else the claim is the other side's).

    >>> from schemas import load
    >>> [(s.record, s.speaker) for s in single_speaker_claims(load("data"), ["concession"])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('russia-accepts-us-article-5-like-guarantee', 'steve-witkoff'),
     ('russia-legislated-no-seizure-pledge', 'steve-witkoff'),
     ('ukraine-accepts-military-caps', 'charles-maynes'),
     ('ukraine-cedes-donbas-territory', 'charles-maynes'),
     ('ukraine-renounces-nato-ambitions', 'charles-maynes'),
     ('ukraine-withdraws-from-donetsk', 'united-states'),
     ('us-direct-security-commitment', 'marco-rubio'),
     ('us-offers-nato-style-guarantee', 'unnamed-us-officials-berlin')]
    """
    sections = {
        "concession": set(corpus.concessions),
        "position": set(corpus.positions),
        "meeting": set(corpus.meetings),
    }
    out: list[SingleSpeaker] = []
    for kind in kinds:
        for rid in sorted(sections[kind]):
            claims = corpus.supporting(rid)
            speakers = {s.speaker for s in claims}
            if len(speakers) != 1:
                continue
            (speaker,) = speakers
            side: bool | None = None
            if kind == "concession":
                conceder = corpus.concessions[rid].conceder
                side = all(corpus.speaks_for(s.speaker, conceder, s.date) for s in claims)
            out.append(SingleSpeaker(kind, rid, speaker, tuple(s.id for s in claims), side))
    return out
