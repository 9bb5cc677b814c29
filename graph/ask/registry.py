"""What every query view needs first: actors, affiliations, sources and topics, read from the graph.

:class:`Registry` reads them with four named queries and rebuilds a small
:class:`~schemas.corpus.Corpus` (actors with their aliases and affiliations,
sources with their titles and dates) so that name resolution
(:meth:`Corpus.resolve_actor`), speaker names and the "speaks for" rule
(:meth:`Corpus.speaks_for`) are the corpus's own code, not a second copy.

>>> from graph.ask.graph import Graph
>>> reg = Graph.from_data("data").registry
>>> reg.corpus.resolve_actor("Moscow").id, reg.corpus.actors["vladimir-putin"].affiliations[0].of
('russia', 'russia')
>>> concept_value("https://w3id.org/detente/vocab/meeting-status-held", "meeting-status")
'held'
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from graph.ask.rows import Ref
from graph.rdf.terms import DETV, PREFIXES
from schemas.corpus import Corpus
from schemas.models import Actor, Source, Topic
from schemas.models import Affiliation as AffiliationModel
from schemas.vocab import ActorKind, TopicKind, Vocabulary

__all__ = ["WD", "Concepts", "Registry", "concept_value", "record_id", "to_date"]

WD = PREFIXES["wd"]

V = TypeVar("V", bound=Vocabulary)
Select = Callable[..., list[tuple[str, ...]]]


def concept_value(iri: str, scheme: str) -> str:
    """The enum value of a ``detv:{scheme}-{value}`` concept IRI (the IRI itself if foreign)."""
    prefix = f"{DETV}{scheme}-"
    return iri[len(prefix) :] if iri.startswith(prefix) else iri


def _member(vocabulary: type[V], value: str) -> V:
    for member in vocabulary:
        if member.value == value:
            return member
    raise ValueError(f"{value!r} is not a {vocabulary.__name__}")


def record_id(iri: str) -> str:
    """The record id at the end of a data IRI ``{base}{kind}/{id}`` (:mod:`graph.rdf.iris`).

    >>> record_id("https://w3id.org/detente/id/actor/russia")
    'russia'
    """
    return iri[iri.rfind("/") + 1 :]


def to_date(text: str) -> dt.date | None:
    """An ISO date, or None for an unbound ('') value."""
    return dt.date.fromisoformat(text) if text else None


@dataclass
class Registry:
    """Actors (with aliases and affiliations), sources and topics of one graph."""

    corpus: Corpus
    published: dict[str, dt.date] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    iris: dict[str, str] = field(default_factory=dict)
    source_kinds: dict[str, str] = field(default_factory=dict)
    """Source id -> its kind (``news_article``, ``restatement``, ``illustrative``, ...)."""
    restates: dict[str, str] = field(default_factory=dict)
    """Source id -> the original a restatement was written from: 'publisher, date, title'."""
    _refs: dict[str, Ref] = field(default_factory=dict, repr=False)
    _closures: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def ref(self, actor: str) -> Ref:
        """An actor (or a narrating source) with its display name, made once per id.

        >>> from graph.ask.graph import Graph
        >>> Graph.from_data("data").registry.ref("russia")
        Ref(id='russia', name='Russia')
        """
        found = self._refs.get(actor)
        if found is None:
            found = self._refs[actor] = Ref(actor, self.corpus.speaker_name(actor))
        return found

    def closure(self, actor: str) -> frozenset[str]:
        """:meth:`Corpus.affiliation_closure` of ``actor``, worked out once per id."""
        found = self._closures.get(actor)
        if found is None:
            found = self._closures[actor] = self.corpus.affiliation_closure(actor)
        return found

    @classmethod
    def read(cls, select: Select) -> Registry:
        """Read the registry with ``select(name, **values)`` (see :meth:`Graph.select`)."""
        aliases: dict[str, list[str]] = defaultdict(list)
        for actor, alias in select("aliases"):
            aliases[actor].append(alias)
        affiliations: dict[str, list[AffiliationModel]] = defaultdict(list)
        for actor, of, role, start, end, _ in select("affiliations"):
            affiliations[actor].append(
                AffiliationModel.model_construct(
                    of=of, role=role, start=to_date(start), end=to_date(end)
                )
            )
        actor_rows = select("actors")
        source_rows = select("sources")
        actors = {
            aid: Actor.model_construct(
                id=aid,
                name=name,
                kind=_member(ActorKind, concept_value(kind, "actor-kind")),
                aliases=aliases[aid],
                wikidata=wikidata.removeprefix(WD) or None,
                affiliations=affiliations[aid],
                note=None,
            )
            for aid, name, kind, wikidata, _ in actor_rows
        }
        sources = {
            sid: Source.model_construct(
                # every field given: pydantic inspects default factories slowly
                id=sid,
                title=title,
                published=dt.date.fromisoformat(published),
                text="",
                publisher=None,
                url=None,
                sha256=None,
                furniture=[],
                note=None,
            )
            for sid, title, published, *_ in source_rows
        }
        kinds = {row[0]: concept_value(row[3], "source-kind") for row in source_rows}
        restates = {
            sid: f"{publisher}, {issued}, {title!r}"
            for sid, _, _, _, publisher, issued, title, _ in source_rows
            if publisher
        }
        topic_rows = select("topics")
        broader: dict[str, list[str]] = defaultdict(list)
        for tid, _, _, up in topic_rows:
            if up and up not in broader[tid]:
                broader[tid].append(up)
        topics = {
            tid: Topic.model_construct(
                id=tid,
                label=label,
                kind=_member(TopicKind, concept_value(kind, "topic-kind")),
                broader=broader[tid][0] if broader[tid] else None,
                also_broader=broader[tid][1:],
            )
            for tid, label, kind, _ in topic_rows
        }
        published = {sid: s.published for sid, s in sources.items()}
        iris = {row[0]: row[-1] for rows in (actor_rows, source_rows) for row in rows}
        corpus = Corpus(actors=actors, sources=sources, topics=topics)
        return cls(corpus, published, topics, iris, kinds, restates)

    @property
    def has_illustrative(self) -> bool:
        """True when some source is ``illustrative`` (an invented example); worked out once."""
        found: bool | None = self.__dict__.get("_has_illustrative")
        if found is None:
            found = self.__dict__["_has_illustrative"] = "illustrative" in set(
                self.source_kinds.values()
            )
        return found

    def narrower(self, topic: str) -> frozenset[str]:
        """``topic`` and every topic under it, through any of their broader topics.

        >>> from graph.ask.graph import Graph
        >>> sorted(Graph.from_data("data").registry.narrower("donbas-territory"))
        ['donbas-territory', 'donetsk-region']
        """
        done: dict[str, frozenset[str]] = self.__dict__.setdefault("_narrower", {})
        found = done.get(topic)
        if found is not None:
            return found  # worked out once per topic: the registry never changes
        below: dict[str, list[str]] = self.__dict__.setdefault("_below", {})
        if not below:
            for t in self.topics.values():
                for up in t.all_broader():
                    below.setdefault(up, []).append(t.id)
        seen = {topic}
        todo = [topic]
        while todo:
            for child in below.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        found = done[topic] = frozenset(seen)
        return found

    def related_topics(self, a: str, b: str) -> bool:
        """True when one topic is the other or lies under it (siblings are not related)."""
        return b in self.narrower(a) or a in self.narrower(b)

    def topic_forms(self) -> dict[str, str]:
        """Case-folded topic ids and labels -> topic id."""
        forms: dict[str, str] = {}
        for topic in self.topics.values():
            for form in (topic.id, topic.label):
                forms.setdefault(form.casefold(), topic.id)
        return forms


class Concepts(dict[str, str]):
    """:func:`concept_value` for concept IRIs that repeat, each worked out once."""

    def __call__(self, iri: str, scheme: str) -> str:
        value = self.get(iri)
        if value is None:
            value = self[iri] = concept_value(iri, scheme)
        return value
