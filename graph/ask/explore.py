"""Tables for exploring the graph in a notebook: claims, comparisons, the table, a timeline.

Each function takes a :class:`graph.ask.graph.Graph` (or its rows) and returns a
pandas ``DataFrame`` whose rows and columns are in a fixed order, so a
notebook that shows them gives the same output on every run.

* :func:`claims_frame`: one row per claim about a concession, with whose side
  the speaker was on;
* :func:`compare_concessions`: concessions side by side, with how strongly
  each is supported;
* :func:`stance_matrix`: the negotiating table, topics by actors;
* :func:`timeline_frame`: meetings and statements in date order;
* :func:`sparql_frame`: SPARQL JSON results as a table of CURIEs;
* :func:`record_differences`: what differs between two corpora (a round trip);
* :func:`ordered`: a network with its nodes and edges in sorted order, so a
  drawing of a focused subgraph is the same on every run.

>>> from graph.ask.graph import Graph
>>> g = Graph.from_data("data")
>>> table = compare_concessions(g, [r.concession for r in g.concessions(by="Russia")])
>>> table.loc["claimed only by the other side"].tolist()
[True, True]
>>> stance_matrix(g).loc["ukraine-nato-membership", "Vladimir Putin"]
'opposes'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from graph.ask.rows import ClaimRow, ConcessionRow, solutions
from graph.ask.words import table_word
from graph.rdf.terms import prefixes
from schemas.errors import NotFoundError

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from graph.ask.graph import Graph
    from schemas.corpus import Corpus

__all__ = [
    "ASPECTS",
    "Side",
    "claims_frame",
    "compare_concessions",
    "ordered",
    "record_differences",
    "side_of",
    "sparql_frame",
    "stance_matrix",
    "support_summary",
    "timeline_frame",
]

Side = str
"""Whose side a claimant is on: ``conceder``, ``counterpart``, ``source`` or ``third party``."""

ASPECTS = (
    "summary",
    "conceder",
    "conceded to",
    "beneficiaries",
    "topic",
    "modality",
    "conditions",
    "status",
    "claimants",
    "speakers",
    "sources",
    "statements",
    "direct quotes",
    "paraphrases",
    "venues",
    "from the conceder's side",
    "claimed only by the other side",
    "support",
)
"""The rows of :func:`compare_concessions`, in order."""


def side_of(graph: Graph, row: ConcessionRow, claim: ClaimRow) -> Side:
    """Whose side the speaker of ``claim`` was on, on the day, about concession ``row``.

    ``conceder`` when the speaker is the conceder or speaks for it,
    ``counterpart`` when it speaks for an actor the concession was made to,
    ``source`` for the article's own narration, else ``third party``.

    >>> from graph.ask.graph import Graph
    >>> g = Graph.from_data("data")
    >>> row = g.concessions(by="Russia")[0]
    >>> side_of(g, row, row.claims[0])  # Witkoff speaks for the United States
    'counterpart'
    """
    if claim.conceder_side:
        return "conceder"
    corpus = graph.corpus
    if claim.speaker.id not in corpus.actors:
        return "source"
    if any(corpus.speaks_for(claim.speaker.id, to.id, claim.date) for to in row.conceded_to):
        return "counterpart"
    return "third party"


def claims_frame(graph: Graph, rows: Iterable[ConcessionRow]) -> pd.DataFrame:
    """One row per claim about each concession: who said it, where, when, the quote, the side.

    >>> from graph.ask.graph import Graph
    >>> g = Graph.from_data("data")
    >>> frame = claims_frame(g, g.concessions(by="Moscow"))
    >>> frame[["speaker", "venue", "side"]].drop_duplicates().values.tolist()
    [['Steve Witkoff', 'CNN', 'counterpart'], ['Steve Witkoff', 'Reuters', 'counterpart'], \
['Steve Witkoff', 'Fox News Sunday', 'counterpart']]
    """
    import pandas as pd

    columns = ["concession", "conceder", "status", "claim", "speaker", "side", "mode",
               "venue", "date", "quote", "source"]  # fmt: skip
    records = [
        {
            "concession": row.concession,
            "conceder": row.conceder.name,
            "status": row.status,
            "claim": "denies" if claim.denies else "asserts",
            "speaker": claim.speaker.name,
            "side": side_of(graph, row, claim),
            "mode": claim.mode,
            "venue": claim.venue,
            "date": claim.date.isoformat(),
            "quote": claim.quote,
            "source": claim.source,
        }
        for row in rows
        for claim in row.claims
    ]
    return pd.DataFrame(records, columns=columns)


def support_summary(graph: Graph, row: ConcessionRow) -> str:
    """How strongly a concession is supported, in one line of plain words.

    >>> from graph.ask.graph import Graph
    >>> g = Graph.from_data("data")
    >>> print(support_summary(g, g.concessions(by="Russia")[1]))
    claimed: 2 statements (1 quote) by 1 speaker in 1 source; none from Russia's side
    """
    asserting = [c for c in row.claims if not c.denies]
    quotes = sum(c.mode == "direct_quote" for c in asserting)
    own = sum(c.conceder_side for c in row.claims)
    denials = len(row.claims) - len(asserting)
    parts = [
        f"{row.status}: {_n(len(asserting), 'statement')} ({_n(quotes, 'quote')}) "
        f"by {_n(row.claimants, 'speaker')} in {_n(row.sources, 'source')}",
        f"{own or 'none'} from {_possessive(row.conceder.name)} side",
    ]
    if denials:
        parts.append(_n(denials, "denial"))
    return "; ".join(parts)


def compare_concessions(graph: Graph, ids: Sequence[str]) -> pd.DataFrame:
    """Concessions side by side (one column each), with how strongly each is supported.

    The rows are :data:`ASPECTS`. "claimed only by the other side" is true
    when nobody on the conceder's side has spoken to the concession (to assert
    or to deny it) and every assertion comes from the counterpart's side.
    """
    import pandas as pd

    rows = {r.concession: r for r in graph.concessions()}
    missing = [i for i in ids if i not in rows]
    if missing:
        raise NotFoundError("concession", missing[0], sorted(rows))
    columns: dict[str, list[Any]] = {}
    for cid in ids:
        row = rows[cid]
        asserting = [c for c in row.claims if not c.denies]
        sides = {side_of(graph, row, c) for c in asserting}
        own = sum(c.conceder_side for c in row.claims)
        columns[cid] = [
            row.summary,
            row.conceder.name,
            _names(row.conceded_to),
            _names(row.beneficiaries),
            row.topic,
            row.modality,
            "; ".join(row.conditions) or "none",
            row.status,
            row.claimants,
            ", ".join(sorted({c.speaker.name for c in asserting})),
            row.sources,
            len(asserting),
            sum(c.mode == "direct_quote" for c in asserting),
            sum(c.mode == "paraphrase" for c in asserting),
            ", ".join(dict.fromkeys(c.venue for c in asserting)),
            own,
            sides == {"counterpart"} and not own,
            support_summary(graph, row),
        ]
    return pd.DataFrame(columns, index=list(ASPECTS))


def stance_matrix(graph: Graph) -> pd.DataFrame:
    """The negotiating table: one row per topic, one column per actor, stances in the cells.

    A position gives its stance (``supports``, ``opposes``, ...); a concession
    gives its modality first (:func:`graph.ask.words.table_word`). Several records
    in one cell are joined with ``"; "``; an empty cell means the graph records nothing. Topics and
    actors keep the order in which the graph first names them.

    >>> from graph.ask.graph import Graph
    >>> m = stance_matrix(Graph.from_data("data"))
    >>> m.loc["article-5-like-guarantee", "Russia"]
    'not_ruled_out; concedes (claimed)'
    """
    import pandas as pd

    cells: dict[tuple[str, str], list[str]] = {}
    topics: dict[str, None] = {}
    actors: dict[str, None] = {}
    entries = [(p.topic, p.actor.name, p.stance) for p in graph.positions()]
    entries += [
        (c.topic, c.conceder.name, table_word(c.modality, c.corroboration))
        for c in graph.concessions()
    ]
    for topic, actor, stance in sorted(entries):
        topics.setdefault(topic)
        actors.setdefault(actor)
        cells.setdefault((topic, actor), []).append(stance)
    frame = pd.DataFrame("", index=list(topics), columns=list(actors))
    for (topic, actor), stances in cells.items():
        frame.loc[topic, actor] = "; ".join(sorted(stances, key=_concessions_last))
    frame.index.name = "topic"
    return frame


def timeline_frame(graph: Graph) -> pd.DataFrame:
    """Meetings and statements in date order; undated (proposed) meetings come last.

    >>> from graph.ask.graph import Graph
    >>> t = timeline_frame(Graph.from_data("data"))
    >>> t.iloc[0][["date", "kind", "record"]].tolist()
    ['2025-08-15', 'meeting', 'alaska-summit-2025']
    >>> t.iloc[-1][["date", "kind", "status"]].tolist()
    ['', 'meeting', 'planned']
    """
    import pandas as pd

    events: list[tuple[dt.date, int, str, dict[str, str]]] = []
    for m in graph.meetings():
        events.append((m.start or dt.date.max, 0, m.meeting, {
            "kind": "meeting", "who": ", ".join(p.name for p in m.participants),
            "where": m.location or "", "status": m.status, "what": m.title,
            "date": m.start.isoformat() if m.start else "",
        }))  # fmt: skip
    for s in graph.statements():
        events.append((s.date, 1, s.statement, {
            "kind": "statement", "who": s.speaker.name, "where": s.venue,
            "status": s.mode + (" (on or before)" if s.date_precision == "not_after" else ""),
            "what": s.quote, "date": s.date.isoformat(),
        }))  # fmt: skip
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    columns = ["date", "kind", "record", "who", "where", "status", "what"]
    return pd.DataFrame([{"record": rid, **cols} for _, _, rid, cols in events], columns=columns)


def sparql_frame(results: dict[str, Any] | bool | str) -> pd.DataFrame:
    """SPARQL JSON SELECT results (from :meth:`Graph.sparql`) as a table, IRIs as CURIEs.

    >>> from graph.ask.graph import Graph
    >>> g = Graph.from_data("data")
    >>> q = '''PREFIX det: <https://w3id.org/detente/ns#>
    ... SELECT ?c WHERE { GRAPH ?g { ?c a det:Concession } } ORDER BY ?c LIMIT 1'''
    >>> sparql_frame(g.sparql(q)).iloc[0, 0]
    'concession:russia-accepts-us-article-5-like-guarantee'
    """
    import pandas as pd

    if not isinstance(results, dict):
        raise TypeError("sparql_frame needs the results of a SELECT query")
    header, rows = solutions(results)
    names = sorted(prefixes().items(), key=lambda kv: -len(kv[1]))
    return pd.DataFrame([[_curie(v, names) for v in row] for row in rows], columns=header)


def record_differences(old: Corpus, new: Corpus) -> pd.DataFrame:
    """Per section: records in each corpus, and ids missing, added or changed in ``new``.

    >>> from schemas import load
    >>> seed = load("data")
    >>> int(record_differences(seed, seed)[["missing", "added", "changed"]].to_numpy().sum())
    0
    """
    import pandas as pd

    from schemas.corpus import SECTIONS

    rows = []
    for name in SECTIONS:
        a, b = old.section(name), new.section(name)
        rows.append({
            "section": name, "before": len(a), "after": len(b),
            "missing": len(a.keys() - b.keys()), "added": len(b.keys() - a.keys()),
            "changed": sum(a[k] != b[k] for k in a.keys() & b.keys()),
        })  # fmt: skip
    return pd.DataFrame(rows).set_index("section")


def ordered(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose nodes and edges are in sorted order, attributes kept.

    A subgraph (e.g. from :func:`graph.draw.dispatch.prepare` with ``focus``) lists its
    nodes in set order, which changes with Python's hash seed; drawings follow
    node order, so sort before drawing when the picture must be reproducible.

    >>> from schemas import load
    >>> from graph.draw.dispatch import prepare
    >>> sub = ordered(prepare(load("data"), focus="Moscow"))
    >>> list(sub) == sorted(sub)
    True
    """
    import networkx as nx

    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    out.add_nodes_from(sorted(graph.nodes(data=True), key=lambda n: n[0]))
    out.add_edges_from(sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]))
    return out


def _curie(value: str, names: list[tuple[str, str]]) -> str:
    for prefix, iri in names:
        if value.startswith(iri) and len(value) > len(iri):
            return f"{prefix}:{value[len(iri) :]}"
    return value


def _concessions_last(stance: str) -> tuple[bool, str]:
    return stance.startswith("concedes"), stance


def _names(refs: Iterable[Any]) -> str:
    return ", ".join(r.name for r in refs) or "none"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
