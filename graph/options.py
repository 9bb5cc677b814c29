"""What a user may say: the choice lists and the one date parser, shared by library and CLI.

The library's modules take their lists from here and the command line offers
the same ones, so a choice is never typed twice. This module imports nothing
heavy: every ``detente`` command reads it while registering its options.

>>> parse_day("2025-08-17")
datetime.date(2025, 8, 17)
>>> parse_day("17/08/2025")
Traceback (most recent call last):
...
schemas.errors.UsageError: '17/08/2025' is not a date; write it as YYYY-MM-DD
>>> "claimed" in STATUSES, "nq" in EXPORT_FORMATS
(True, True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from schemas.errors import UsageError
from schemas.vocab import Corroboration

__all__ = [
    "ANSWER_FORMATS",
    "DIFF_FORMATS",
    "DRAW_SUFFIXES",
    "EXPORT_FORMATS",
    "EXTENSIONS",
    "MODALITIES",
    "PRESETS",
    "SHACL_ENGINES",
    "STATUSES",
    "ClaimStatus",
    "choice",
    "parse_day",
]


ClaimStatus = Corroboration
"""How well a concession is supported, from the conceder's point of view: the
:class:`schemas.vocab.Corroboration` vocabulary (so its words are SKOS concepts too)."""

STATUSES = tuple(s.value for s in ClaimStatus)
"""The derived statuses, strongest first (see :mod:`graph.ask.status`)."""

MODALITIES = ("made", "offered", "hypothetical", "demanded", "proposed", "expected")
"""The modalities of a concession's lifecycle (:class:`schemas.vocab.Modality`)."""

ANSWER_FORMATS = ("table", "json", "csv")
"""How ``detente ask`` and ``sparql`` print rows."""
DIFF_FORMATS = ("table", "json")
"""How ``detente diff`` prints changes."""

EXPORT_FORMATS = ("turtle", "trig", "jsonld", "nt", "nq")
"""RDF formats :func:`graph.export.serialize` writes."""
EXTENSIONS = {"turtle": "ttl", "trig": "trig", "jsonld": "jsonld", "nt": "nt", "nq": "nq"}
"""File extension of each export format."""

SHACL_ENGINES = ("fast", "pyshacl")
"""``validate(engine=...)``: the direct checks of :mod:`graph.validate.fast`, or pySHACL."""

PRESETS: dict[str, tuple[str, str | None, str | None]] = {
    "oxigraph": ("/store", "/query", "/update"),
    "fuseki": ("/data", "/sparql", "/update"),
    "graphdb": ("/rdf-graphs/service", "", "/statements"),
    "virtuoso": ("/sparql-graph-crud-auth", "/sparql", "/sparql-auth"),
    "generic": ("", None, None),
}
"""Store preset -> (store, query, update) paths appended to the endpoint URL (None: not known)."""

DRAW_SUFFIXES = (".png", ".svg", ".html", ".graphml", ".gexf")
"""What ``detente draw --out`` can write, by file suffix."""


def choice(value: str | None, allowed: Iterable[str], what: str) -> str | None:
    """``value`` if it is one of ``allowed`` (or None); else UsageError listing them.

    >>> choice("json", ANSWER_FORMATS, "format")
    'json'
    """
    if value is None:
        return None
    options = sorted(allowed)
    if value not in options:
        raise UsageError(f"unknown {what} {value!r}; choose one of {', '.join(options)}")
    return value


def parse_day(value: dt.date | str) -> dt.date:
    """A date, or an ISO ``YYYY-MM-DD`` string as one; else UsageError."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise UsageError(f"{value!r} is not a date; write it as YYYY-MM-DD") from err
