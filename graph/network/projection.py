"""The records as a network: a typed networkx ``MultiDiGraph``, an actor view, exports.

Every record becomes one node whose id is ``"<kind>:<record id>"`` (``actor:russia``,
``concession:russia-legislated-no-seizure-pledge``). Every edge is keyed by its kind,
so ``g.edges[u, v, "conceded"]`` names one edge. Edges run the way one reads them:

==================  =============================  ======================================
kind                from -> to                     meaning
==================  =============================  ======================================
``conceded``        actor -> concession            the conceder gives it
``conceded_to``     concession -> actor            the counterpart it is given to
``benefits``        concession -> actor            an actor who gains from it
``claims``          statement -> record            the statement asserts (or denies) it
``said_by``         statement -> actor | source    who said it (narration: the source)
``attended``        actor -> meeting               a participant, with its role
``about``           concession | position -> topic what it concerns
``reported_in``     statement -> source            the document that reports it
``holds``           actor -> position              positions are claims too, so nodes
``affiliated_with`` actor -> actor                 role, start, end: who speaks for whom
``made_at``         concession -> meeting          where the concession was made
``said_at``         statement -> meeting           the meeting a statement was made at
``via``             statement -> actor             the media outlet it was said to
``reported_by``     statement -> statement         nested speech (Putin quoting Trump)
``broader``         topic -> topic                 the topic hierarchy
==================  =============================  ======================================

Proposals, provisions, commitments and responses add nodes and edges of their own
(``proposes``, ``has_provision``, ``points_to``, ``demanded``, ``relayed_by``, ...): see
:mod:`graph.network.records`. The last seven kinds of the table are additions: without
them affiliations (the basis of "who speaks for whom"), positions, the topic tree and
nested speech would be lost from the picture.

In memory, attributes are ``str``, ``int``, ``bool``, ``datetime.date`` or tuples of
``str``; :func:`flatten` turns them into what GraphML and GEXF can hold (dates as ISO
strings, tuples joined with ``"; "``, ``None`` left out).

>>> from schemas import load
>>> g = project(load("data"))
>>> g.nodes["actor:russia"]["label"], g.nodes["actor:russia"]["kind"]
('Russia', 'actor')
>>> g.has_edge("actor:russia", "concession:russia-legislated-no-seizure-pledge", "conceded")
True
>>> g.nodes["concession:russia-legislated-no-seizure-pledge"]["status"]
'claimed'
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.network import records
from graph.network.kinds import EdgeKind, NodeKind, claimed_kind, node_id
from schemas.corpus import Corpus
from schemas.errors import NotFoundError, UsageError
from schemas.models import Actor

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "EdgeKind",
    "NodeKind",
    "actor_graph",
    "flatten",
    "focus",
    "node_id",
    "nodes_of_kind",
    "project",
    "resolve_focus",
    "write_gexf",
    "write_graphml",
]

LIST_SEPARATOR = "; "


def _speaker_node(corpus: Corpus, speaker: str) -> str:
    return node_id(NodeKind.SOURCE if speaker in corpus.sources else NodeKind.ACTOR, speaker)


def project(corpus: Corpus) -> nx.MultiDiGraph:
    """Project the corpus into a typed ``MultiDiGraph`` (see the module docstring).

    Records that point at ids missing from the corpus (after :meth:`Corpus.as_of`, say)
    are skipped, never invented.

    >>> from schemas import load
    >>> g = project(load("data"))
    >>> sorted({k for *_, k in g.edges(keys=True)})[:4]
    ['about', 'affiliated_with', 'asks_of', 'attended']
    """
    import networkx as nx

    from graph.ask.status import status_of
    from graph.ask.words import status_word

    g = nx.MultiDiGraph(name="detente")
    add_node = g.add_node

    def edge(u: str, v: str, kind: EdgeKind, **attrs: Any) -> None:
        if u in g and v in g:
            g.add_edge(u, v, key=kind.value, kind=kind.value, **attrs)

    for a in sorted(corpus.actors.values(), key=lambda a: a.id):
        add_node(
            node_id(NodeKind.ACTOR, a.id),
            kind="actor",
            record_id=a.id,
            label=a.name,
            actor_kind=a.kind.value,
            aliases=tuple(a.aliases),
            wikidata=a.wikidata,
            note=a.note,
        )
    for t in sorted(corpus.topics.values(), key=lambda t: t.id):
        add_node(
            node_id(NodeKind.TOPIC, t.id),
            kind="topic",
            record_id=t.id,
            label=t.label,
            topic_kind=t.kind.value,
            description=t.description,
        )
    for m in sorted(corpus.meetings.values(), key=lambda m: m.id):
        add_node(
            node_id(NodeKind.MEETING, m.id),
            kind="meeting",
            record_id=m.id,
            label=m.title,
            status=m.status.value,
            date=m.start,
            end=m.end,
            location=m.location,
            note=m.note,
        )
    for s in sorted(corpus.sources.values(), key=lambda s: s.id):
        add_node(
            node_id(NodeKind.SOURCE, s.id),
            kind="source",
            record_id=s.id,
            label=s.title,
            date=s.published,
            publisher=s.publisher,
            url=s.url,
            source_kind=s.kind.value,
        )
    for c in sorted(corpus.concessions.values(), key=lambda c: c.id):
        corroboration = status_of(corpus, c.id).value
        add_node(
            node_id(NodeKind.CONCESSION, c.id),
            kind="concession",
            record_id=c.id,
            label=c.summary,
            status=status_word(c.modality.value, corroboration),
            corroboration=corroboration,
            concession_kind=c.kind.value,
            modality=c.modality.value,
            form=c.form.value,
            conditions=tuple(c.conditions),
            date=c.made_on,
            placement=c.placement.value if c.placement else None,
            note=c.note,
            plover=c.plover.value if c.plover else None,
        )
    for p in sorted(corpus.positions.values(), key=lambda p: p.id):
        add_node(
            node_id(NodeKind.POSITION, p.id),
            kind="position",
            record_id=p.id,
            label=p.summary,
            stance=p.stance.value,
            date=p.valid_from,
            valid_until=p.valid_until,
            note=p.note,
        )
    for st in sorted(corpus.statements.values(), key=lambda s: (s.date, s.id)):
        add_node(
            node_id(NodeKind.STATEMENT, st.id),
            kind="statement",
            record_id=st.id,
            label=st.text,
            speaker=st.speaker,
            speaker_name=corpus.speaker_name(st.speaker),
            mode=st.mode.value,
            venue=st.venue.label,
            venue_kind=st.venue.kind.value,
            date=st.date,
            date_precision=st.date_precision.value,
            date_note=st.date_note,
            source=st.source,
            note=st.note,
        )

    records.add_nodes(g, corpus)

    for a in sorted(corpus.actors.values(), key=lambda a: a.id):
        for aff in a.affiliations:
            edge(
                node_id("actor", a.id),
                node_id("actor", aff.of),
                EdgeKind.AFFILIATED_WITH,
                role=aff.role,
                date=aff.start,
                end=aff.end,
            )
    for t in corpus.topics.values():
        if t.broader:
            edge(node_id("topic", t.id), node_id("topic", t.broader), EdgeKind.BROADER)
    for m in corpus.meetings.values():
        for part in m.participants:
            edge(
                node_id("actor", part.actor),
                node_id("meeting", m.id),
                EdgeKind.ATTENDED,
                role=part.role.value,
                date=m.start,
                status=m.status.value,
            )
    for c in corpus.concessions.values():
        cid = node_id("concession", c.id)
        status = g.nodes[cid]["status"]
        edge(node_id("actor", c.conceder), cid, EdgeKind.CONCEDED, status=status, date=c.made_on)
        for other in c.conceded_to:
            edge(cid, node_id("actor", other), EdgeKind.CONCEDED_TO, status=status, date=c.made_on)
        for other in c.beneficiaries:
            edge(cid, node_id("actor", other), EdgeKind.BENEFITS)
        edge(cid, node_id("topic", c.topic), EdgeKind.ABOUT)
        if c.made_at:
            edge(cid, node_id("meeting", c.made_at), EdgeKind.MADE_AT, date=c.made_on)
    for p in corpus.positions.values():
        pid = node_id("position", p.id)
        edge(node_id("actor", p.actor), pid, EdgeKind.HOLDS, stance=p.stance.value)
        edge(pid, node_id("topic", p.topic), EdgeKind.ABOUT, stance=p.stance.value)
    for st in sorted(corpus.statements.values(), key=lambda s: (s.date, s.id)):
        sid = node_id("statement", st.id)
        edge(sid, _speaker_node(corpus, st.speaker), EdgeKind.SAID_BY, date=st.date)
        edge(sid, node_id("source", st.source), EdgeKind.REPORTED_IN, date=st.date)
        if st.venue.outlet:
            edge(sid, node_id("actor", st.venue.outlet), EdgeKind.VIA, venue=st.venue.label)
        if st.venue.meeting:
            edge(sid, node_id("meeting", st.venue.meeting), EdgeKind.SAID_AT)
        if st.reported_by:
            edge(sid, node_id("statement", st.reported_by), EdgeKind.REPORTED_BY)
        for polarity, ids in (("asserts", st.supports), ("denies", st.denies)):
            for rid in ids:
                kind = claimed_kind(corpus, rid)
                if kind is not None:
                    edge(
                        sid,
                        node_id(kind, rid),
                        EdgeKind.CLAIMS,
                        polarity=polarity,
                        date=st.date,
                        date_precision=st.date_precision.value,
                    )
    records.add_edges(corpus, edge)
    for c in corpus.concessions.values():  # who claims it, summarised on the node itself
        counts: dict[str, int] = {}
        for st in corpus.supporting(c.id):
            counts[st.speaker] = counts.get(st.speaker, 0) + 1
        g.nodes[node_id("concession", c.id)]["claimants"] = tuple(
            f"{corpus.speaker_name(sp)} ({n} statement{'s' if n != 1 else ''})"
            for sp, n in sorted(counts.items())
        )
    for _, data in g.nodes(data=True):
        for key in [k for k, v in data.items() if v is None]:
            del data[key]
    for *_, data in g.edges(data=True):
        for key in [k for k, v in data.items() if v is None]:
            del data[key]
    return g


def actor_graph(corpus: Corpus) -> nx.DiGraph:
    """Actors linked by the concessions, claims and meetings between them, with weights.

    An edge ``a -> b`` counts ``concessions`` (a concedes to b), ``claims`` (a says
    something about a concession, position or meeting of b), ``meetings`` (both
    take part; recorded both ways) and ``affiliations``; ``weight`` is their sum.

    >>> from schemas import load
    >>> ag = actor_graph(load("data"))
    >>> ag.edges["russia", "united-states"]["concessions"]
    2
    >>> ag.edges["donald-trump", "vladimir-putin"]["meetings"]
    3
    """
    import networkx as nx

    ag = nx.DiGraph(name="detente actors")
    for a in sorted(corpus.actors.values(), key=lambda a: a.id):
        ag.add_node(a.id, label=a.name, actor_kind=a.kind.value)

    def bump(u: str, v: str, what: str) -> None:
        if u == v or u not in ag or v not in ag:
            return
        if not ag.has_edge(u, v):
            ag.add_edge(u, v, weight=0, concessions=0, claims=0, meetings=0, affiliations=0)
        data = ag.edges[u, v]
        data[what] += 1
        data["weight"] += 1

    for c in corpus.concessions.values():
        for other in c.conceded_to:
            bump(c.conceder, other, "concessions")
    for m in corpus.meetings.values():
        people = sorted({p.actor for p in m.participants})
        for one in people:
            for two in people:
                bump(one, two, "meetings")
    for member in corpus.actors.values():
        for aff in member.affiliations:
            bump(member.id, aff.of, "affiliations")
    for st in corpus.statements.values():
        for rid in (*st.supports, *st.denies):
            for subject in _subjects(corpus, rid):
                bump(st.speaker, subject, "claims")
    return ag


def _subjects(corpus: Corpus, record_id: str) -> list[str]:
    """The actors a claimed record is about: conceder, position holder or participants."""
    if record_id in corpus.concessions:
        return [corpus.concessions[record_id].conceder]
    if record_id in corpus.positions:
        return [corpus.positions[record_id].actor]
    if record_id in corpus.meetings:
        return sorted({p.actor for p in corpus.meetings[record_id].participants})
    return []


def resolve_focus(corpus: Corpus, name: str) -> str:
    """The node id of an actor (id, name, alias) or topic (id or label); else NotFoundError.

    >>> from schemas import load
    >>> corpus = load("data")
    >>> resolve_focus(corpus, "Moscow"), resolve_focus(corpus, "Ukraine's NATO membership")
    ('actor:russia', 'topic:ukraine-nato-membership')
    """
    try:
        actor: Actor = corpus.resolve_actor(name)
        return node_id(NodeKind.ACTOR, actor.id)
    except NotFoundError as err:
        candidates = list(err.candidates)
    wanted = name.strip().casefold()
    for topic in corpus.topics.values():
        if wanted in (topic.id, topic.label.casefold()):
            return node_id(NodeKind.TOPIC, topic.id)
    from difflib import get_close_matches

    labels = {t.label.casefold(): t.id for t in corpus.topics.values()}
    labels.update({t.id: t.id for t in corpus.topics.values()})
    candidates += [f"topic {labels[h]}" for h in get_close_matches(wanted, list(labels), n=3)]
    raise NotFoundError("actor or topic", name, dict.fromkeys(candidates))


def focus(graph: nx.MultiDiGraph, center: str, radius: int = 2) -> nx.MultiDiGraph:
    """The part of ``graph`` within ``radius`` steps of ``center`` (edges in any direction),
    plus the speakers of the statements kept, so claimants stay visible.

    >>> from schemas import load
    >>> g = project(load("data"))
    >>> sub = focus(g, "actor:ukraine", radius=1)
    >>> sorted(n for n in sub if n.startswith("concession:"))
    ['concession:russia-accepts-us-article-5-like-guarantee', \
'concession:russia-legislated-no-seizure-pledge', 'concession:ukraine-accepts-military-caps', \
'concession:ukraine-cedes-donbas-territory', 'concession:ukraine-renounces-nato-ambitions', \
'concession:ukraine-withdraws-from-donetsk', 'concession:us-direct-security-commitment', \
'concession:us-offers-nato-style-guarantee']
    """
    import networkx as nx

    if center not in graph:
        raise UsageError(f"{center!r} is not in the graph; pick a node id such as 'actor:russia'")
    near = nx.single_source_shortest_path_length(
        graph.to_undirected(as_view=True), center, cutoff=radius
    )
    keep = set(near)
    keep |= {v for u, v, k in graph.edges(keys=True) if k == "said_by" and u in keep}
    # rebuild in a fixed order: subgraph() of a set would follow the hash seed
    sub: nx.MultiDiGraph = nx.MultiDiGraph(**graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in sorted(keep))
    sub.add_edges_from(
        (u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep
    )
    return sub


def _flat_value(value: Any) -> str | int | float | bool | None:
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list | set | frozenset):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def _flat_attrs(attrs: Mapping[str, Any]) -> dict[str, str | int | float | bool]:
    out: dict[str, str | int | float | bool] = {}
    for key, value in attrs.items():
        flat = _flat_value(value)
        if flat is not None:
            out[key] = flat
    return out


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML and GEXF can hold: scalars only, no ``None``.

    >>> import datetime as dt, networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", date=dt.date(2025, 8, 15), aliases=("x", "y"), note=None)
    >>> flatten(g).nodes["a"]
    {'date': '2025-08-15', 'aliases': 'x; y'}
    """
    import networkx as nx

    flat = nx.MultiDiGraph(**_flat_attrs(graph.graph))
    for n, data in graph.nodes(data=True):
        flat.add_node(n, **_flat_attrs(data))
    for u, v, k, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **_flat_attrs(data))
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the flattened graph as GraphML (for Cytoscape, yEd, Gephi), atomically."""
    import networkx as nx

    flat = flatten(graph)
    from graph.files import write_via

    return write_via(path, lambda tmp: nx.write_graphml(flat, tmp))


def write_gexf(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the flattened graph as GEXF (for Gephi), atomically."""
    import networkx as nx

    flat = flatten(graph)
    from graph.files import write_via

    return write_via(path, lambda tmp: nx.write_gexf(flat, tmp))


def nodes_of_kind(graph: nx.MultiDiGraph, kind: NodeKind | str) -> Iterable[str]:
    """Node ids of one kind, in insertion (sorted) order."""
    wanted = NodeKind(kind).value
    return [n for n, k in graph.nodes(data="kind") if k == wanted]
