"""The one function that mints every data IRI, and its inverse.

Records get IRIs under a configurable *data base* (default
``https://w3id.org/detente/id/``), always as ``{base}{kind}/{id}[/{part}...]``,
and always through :func:`mint` (or the :class:`Minter` it wraps).

>>> str(mint("actor", "russia"))
'https://w3id.org/detente/id/actor/russia'
>>> str(mint("statement", "s1", "evidence", base="http://example.org/d/"))
'http://example.org/d/statement/s1/evidence'
>>> parse_iri("https://w3id.org/detente/id/actor/russia")
('actor', 'russia', ())
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.rdf.terms import DEFAULT_BASE, KINDS, check_base

if TYPE_CHECKING:  # rdflib loads on the first mint(), off the build path
    from rdflib import URIRef

__all__ = ["Minter", "mint", "parse_iri"]

_PART = re.compile(r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$")


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
