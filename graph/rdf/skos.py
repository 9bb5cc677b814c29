"""SKOS concept schemes generated from the enums of :mod:`schemas.vocab`.

Every :class:`~schemas.vocab.Vocabulary` becomes a ``skos:ConceptScheme`` and
each member a ``skos:Concept`` with its definition; PLOVER members carry their
CAMEO root code as ``skos:notation``. Because the schemes are generated, they
cannot drift from the enums. Concept IRIs are ``detv:{scheme}-{value}``.

>>> from schemas.vocab import MeetingStatus, PloverEvent, Stance
>>> str(concept(Stance.NOT_RULED_OUT))
'https://w3id.org/detente/vocab/stance-not_ruled_out'
>>> member(concept(PloverEvent.CONCEDE)) is PloverEvent.CONCEDE
True
>>> g = concept_schemes()
>>> from rdflib.namespace import SKOS
>>> str(g.value(concept(PloverEvent.CONCEDE), SKOS.notation))
'08'
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from graph.rdf import ntriples as nt
from graph.rdf.terms import PREFIXES, SDO, SKOS
from schemas.vocab import VOCABULARIES, MeetingStatus, PloverEvent, SourceKind, Vocabulary

if TYPE_CHECKING:  # rdflib loads only for concept() and concept_schemes(), off the build path
    from rdflib import Graph, URIRef

__all__ = ["concept", "concept_iri", "concept_schemes", "member", "scheme_iri", "scheme_triples"]

_SK = SKOS.nt

# members with a standard counterpart: (SKOS mapping property, IRI); keyed by concept IRI
# because members of different enums with the same value compare equal
_MATCHES: dict[tuple[type[Vocabulary], str], tuple[str, str]] = {
    (MeetingStatus, "planned"): ("closeMatch", SDO.EventScheduled),
    (MeetingStatus, "cancelled"): ("exactMatch", SDO.EventCancelled),
    (SourceKind, "news_article"): ("closeMatch", SDO.NewsArticle),
    (SourceKind, "social_media_post"): ("closeMatch", SDO.SocialMediaPosting),
}
# extra classes for the concepts of one scheme (schema:eventStatus wants these)
_SCHEME_TYPES: dict[type[Vocabulary], str] = {MeetingStatus: SDO.EventStatusType}


def _scheme_name(vocabulary: type[Vocabulary]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", vocabulary.__name__).lower()


def scheme_iri(vocabulary: type[Vocabulary]) -> str:
    """The IRI of the concept scheme of ``vocabulary``: ``detv:meeting-status``."""
    return f"{PREFIXES['detv']}{_scheme_name(vocabulary)}"


def concept_iri(value: Vocabulary) -> str:
    """The IRI (a string) of the concept for one enum member."""
    return _iris()[type(value), value.value]


def concept(value: Vocabulary) -> URIRef:
    """The IRI of the concept for one enum member, as an rdflib term."""
    from rdflib import URIRef

    return URIRef(concept_iri(value))


def member(iri: str) -> Vocabulary | None:
    """The enum member a concept IRI stands for, or None."""
    return _members().get(str(iri))


# keyed by (enum, value): members of different enums with the same value compare equal
@cache
def _iris() -> dict[tuple[type[Vocabulary], str], str]:
    return {(v, m.value): f"{scheme_iri(v)}-{m.value}" for v in VOCABULARIES for m in v}


@cache
def _members() -> dict[str, Vocabulary]:
    return {f"{scheme_iri(v)}-{m.value}": m for v in VOCABULARIES for m in v}


def _label(value: Vocabulary) -> str:
    return value.value if isinstance(value, PloverEvent) else value.value.replace("_", " ")


@cache
def scheme_triples() -> tuple[str, ...]:
    """Every triple of every scheme as an N-Triples ``s p o`` string, in a fixed order."""
    out: list[str] = []
    for vocabulary in VOCABULARIES:
        scheme = nt.iri(scheme_iri(vocabulary))
        doc = (vocabulary.__doc__ or vocabulary.__name__).strip().splitlines()[0]
        out += [
            f"{scheme} {nt.RDF_TYPE} {_SK.ConceptScheme}",
            f"{scheme} {_SK.prefLabel} {nt.literal(_scheme_name(vocabulary))}",
            f"{scheme} {_SK.definition} {nt.literal(doc)}",
        ]
        out += [f"{scheme} {_SK.hasTopConcept} {nt.iri(concept_iri(m))}" for m in vocabulary]
        for value in vocabulary:
            node = nt.iri(concept_iri(value))
            out += [
                f"{node} {nt.RDF_TYPE} {_SK.Concept}",
                f"{node} {_SK.inScheme} {scheme}",
                f"{node} {_SK.topConceptOf} {scheme}",
                f"{node} {_SK.prefLabel} {nt.literal(_label(value))}",
                f"{node} {_SK.definition} {nt.literal(value.definition)}",
            ]
            if vocabulary in _SCHEME_TYPES:
                out.append(f"{node} {nt.RDF_TYPE} <{_SCHEME_TYPES[vocabulary]}>")
            if value.notation is not None:
                out.append(f"{node} {_SK.notation} {nt.literal(value.notation)}")
            if (vocabulary, value.value) in _MATCHES:
                prop, target = _MATCHES[vocabulary, value.value]
                out.append(f"{node} {getattr(_SK, prop)} <{target}>")
    return tuple(out)


def concept_schemes() -> Graph:
    """The schemes as an rdflib graph (for inspection; the build embeds the same triples)."""
    from rdflib import Graph

    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    graph.parse(data="".join(f"{t} .\n" for t in scheme_triples()), format="nt")
    return graph
