"""The vocabularies detente writes, and the one function that mints every data IRI.

detente's own terms live in two places:

* ``DET`` (``https://w3id.org/detente/ns#``): the classes and properties,
  declared with a label and a comment in ``schemas/ontology.ttl``;
* ``DETV`` (``https://w3id.org/detente/vocab/``): the SKOS concepts of the
  controlled vocabularies (see :mod:`graph.skos`).

Records get IRIs under a configurable *data base* (default
``https://w3id.org/detente/id/``), always as ``{base}{kind}/{id}[/{part}...]``,
and always through :func:`mint` (or the :class:`Minter` it wraps).

>>> str(mint("actor", "russia"))
'https://w3id.org/detente/id/actor/russia'
>>> str(mint("statement", "s1", "evidence", base="http://example.org/d/"))
'http://example.org/d/statement/s1/evidence'
>>> parse_iri("https://w3id.org/detente/id/actor/russia")
('actor', 'russia', ())
>>> from graph.namespaces import DET  # rdflib loads here, on first use
>>> DET.supports
rdflib.term.URIRef('https://w3id.org/detente/ns#supports')
>>> DET.suports
Traceback (most recent call last):
...
AttributeError: term 'suports' not in namespace 'https://w3id.org/detente/ns#'
"""

from __future__ import annotations

# RDF term names are camelCase by convention
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from schemas.errors import UsageError

if TYPE_CHECKING:  # rdflib loads on first use of these, off the build path
    from rdflib import URIRef

    from graph.rdfterms import CITO, DET, DETV, OA

__all__ = [
    "CITO",
    "DEFAULT_BASE",
    "DET",
    "DETV",
    "KINDS",
    "OA",
    "PREFIXES",
    "Minter",
    "check_base",
    "mint",
    "parse_iri",
    "prefixes",
]

DEFAULT_BASE = "https://w3id.org/detente/id/"
"""Where record IRIs live unless a build says otherwise."""

KINDS = frozenset(
    {"actor", "topic", "meeting", "concession", "position", "source", "statement", "graph"}
)
"""Kinds of record (plus ``graph``) that may head a data IRI."""

_PREFIX_KINDS = (
    "actor",
    "topic",
    "meeting",
    "concession",
    "position",
    "source",
    "statement",
    "graph",
)
_PART = re.compile(r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$")
_BASE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+[/#]$")


# prefix -> namespace, in the order every serialization declares them
PREFIXES: dict[str, str] = {
    "det": "https://w3id.org/detente/ns#",
    "detv": "https://w3id.org/detente/vocab/",
    "cito": "http://purl.org/spar/cito/",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "wd": "http://www.wikidata.org/entity/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def check_base(base: str) -> str:
    """``base`` if it can head data IRIs (absolute http(s), ends in / or #); else UsageError.

    >>> check_base("http://example.org/data/")
    'http://example.org/data/'
    >>> check_base("example.org")
    Traceback (most recent call last):
    ...
    schemas.errors.UsageError: base IRI 'example.org' ... ends in '/' or '#'
    """
    if not _BASE.match(base):
        raise UsageError(
            f"base IRI {base!r} is not usable: give an absolute http(s) IRI without spaces "
            "or <>\"{}|\\^` that ends in '/' or '#'"
        )
    return base


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Every prefix a serialization declares: one per kind of record under the data base.

    >>> list(prefixes())[:3], prefixes()["actor"]
    (['actor', 'topic', 'meeting'], 'https://w3id.org/detente/id/actor/')
    """
    check_base(base)
    return {**{kind: f"{base}{kind}/" for kind in _PREFIX_KINDS}, **PREFIXES}


class Minter:
    """Mints data IRIs under one base; the compiler's fast path and :func:`mint`'s engine.

    >>> Minter("http://example.org/d/").iri("topic", "x", "scheme")
    'http://example.org/d/topic/x/scheme'
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)
        self._slug = _slug()

    def iri(self, kind: str, record_id: str, *parts: str) -> str:
        """The IRI (as a string) of record ``record_id`` of ``kind``, or of a part of it."""
        if kind not in KINDS:
            raise ValueError(f"unknown IRI kind {kind!r}; known: {', '.join(sorted(KINDS))}")
        if not self._slug.match(record_id):
            raise ValueError(f"{record_id!r} is not a slug; it cannot go inside an IRI")
        for part in parts:
            if not _PART.match(part):
                raise ValueError(f"{part!r} cannot go inside an IRI")
        tail = "".join(f"/{part}" for part in parts)
        return f"{self.base}{kind}/{record_id}{tail}"

    def parse(self, iri: str) -> tuple[str, str, tuple[str, ...]] | None:
        """``(kind, id, parts)`` of an IRI this minter made, else None."""
        if not iri.startswith(self.base):
            return None
        kind, _, rest = iri[len(self.base) :].partition("/")
        record_id, *parts = rest.split("/")
        if kind not in KINDS or not self._slug.match(record_id):
            return None
        return kind, record_id, tuple(parts)


@lru_cache(maxsize=1)
def _slug() -> re.Pattern[str]:
    """The record id pattern (the models load here, on the first Minter, not on import)."""
    from schemas.models import SLUG_PATTERN

    return re.compile(SLUG_PATTERN)


@lru_cache(maxsize=16)
def _minter(base: str) -> Minter:
    return Minter(base)


def mint(kind: str, record_id: str, *parts: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of record ``record_id`` of ``kind`` (or of one of its parts) under ``base``."""
    from rdflib import URIRef

    return URIRef(_minter(base).iri(kind, record_id, *parts))


def parse_iri(iri: str, base: str = DEFAULT_BASE) -> tuple[str, str, tuple[str, ...]] | None:
    """Invert :func:`mint`: ``(kind, id, parts)``, or None for an IRI not minted under ``base``."""
    return _minter(base).parse(str(iri))


_RDFLIB_TERMS = frozenset({"CITO", "DET", "DETV", "OA"})


def __getattr__(name: str) -> Any:
    """``DET``, ``DETV``, ``OA`` and ``CITO`` (rdflib namespaces) load on first use."""
    if name in _RDFLIB_TERMS:
        from graph import rdfterms

        return getattr(rdfterms, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
