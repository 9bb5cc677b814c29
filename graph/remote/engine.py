"""Query a remote SPARQL 1.1 endpoint with the same answers as the local graph.

:class:`RemoteEngine` implements :class:`graph.ask.engine.Engine` over the SPARQL
1.1 Protocol: each query is one ``POST`` with ``Content-Type:
application/sparql-query``, answered as SPARQL JSON results. Rows come back as
plain strings exactly like :meth:`LocalEngine.select
<graph.ask.engine.LocalEngine.select>` (an IRI's text, a literal's lexical form,
'' when unbound), so :class:`graph.ask.graph.Graph` gives the same answers on
either engine.

**Binding values, and why it is injection-safe.** :func:`bind` never formats a
value into the query's own text. It appends one SPARQL ``VALUES`` clause after
the query (a *trailing* ``ValuesClause``, which the grammar allows after any
SELECT), joining the bound values to the query's solutions before ORDER BY and
LIMIT. For a variable of the query's required patterns that gives the rows
pyoxigraph's ``substitutions`` (SEP-0007) give locally, which is every binding
:mod:`graph.ask.graph` makes (tested over every named query). Do not bind a
variable that only an OPTIONAL binds: substitution forces the value into the
OPTIONAL, a join keeps it as a filter, and the answers differ. Each value is
written as an RDF term by :mod:`graph.rdf.ntriples`:

* a plain ``str`` becomes a string literal through :func:`graph.rdf.ntriples.literal`,
  which escapes ``\\``, ``"``, CR, LF, TAB as ECHARs and other controls as
  ``\\uXXXX``; no character of the value can end the literal, so none can reach
  the grammar outside it (a value ``"} ; DROP ALL ; #`` is just a string that
  matches nothing);
* an :class:`~graph.ask.engine.Iri` must pass pyoxigraph's IRI parser and contain
  none of ``<>"{}|^`\\``, spaces or controls, else :class:`UsageError`; so it
  cannot end the ``<...>`` either;
* a date becomes ``"YYYY-MM-DD"^^xsd:date`` from ``date.isoformat()``;
* variable names must match ``[A-Za-z_][A-Za-z0-9_]*``.

The clause starts on a new line, so a trailing ``#`` comment in the query
cannot swallow it. SPARQL decodes ``\\uXXXX`` escapes before parsing; since a
backslash in a value is always doubled first, oxigraph reads ``\\u0022`` in a
value back as those six characters (tested). A server that decoded it anyway
would get ``\\"``, an escaped quote still inside the literal: the value could
change, the query could not.

>>> from graph.ask.engine import Iri
>>> print(bind("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": 'say "hi"', "s": Iri("http://e.org/a")}))
SELECT ?s ?o WHERE { ?s ?p ?o }
VALUES (?o ?s) { ("say \\"hi\\"" <http://e.org/a>) }
>>> bind("SELECT ?s WHERE { ?s ?p ?o }", {"s": Iri("http://e.org/> } ; DROP ALL ; #")})
Traceback (most recent call last):
...
schemas.errors.UsageError: cannot bind ?s to 'http://e.org/> } ; DROP ALL ; #': not a valid IRI
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from graph.ask.engine import Iri, Value
from graph.rdf import ntriples as nt
from graph.remote.http import Transport, redact
from schemas.errors import EndpointError, UsageError

if TYPE_CHECKING:
    from graph.ask.graph import Graph

__all__ = ["RESULTS_JSON", "RemoteEngine", "bind", "open_remote", "term"]

RESULTS_JSON = "application/sparql-results+json"
"""The SPARQL 1.1 JSON results media type."""

_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20\x7f]')
_ACCEPT_ANY = f"{RESULTS_JSON}, application/n-triples;q=0.9, text/plain;q=0.1"


def term(name: str, value: Value) -> str:
    """``value`` as a SPARQL/N-Triples term (see the module docstring for the rules).

    >>> term("d", dt.date(2025, 8, 15))
    '"2025-08-15"^^<http://www.w3.org/2001/XMLSchema#date>'
    """
    if isinstance(value, Iri):
        if _IRI_FORBIDDEN.search(value) or not _is_iri(value):
            raise UsageError(f"cannot bind ?{name} to {str(value)!r}: not a valid IRI")
        return nt.iri(value)
    if isinstance(value, dt.date):
        return nt.date(value)
    if isinstance(value, str):
        return nt.literal(value)
    raise UsageError(f"cannot bind ?{name} to a {type(value).__name__}; give a str, Iri or date")


def bind(query: str, bindings: Mapping[str, Value] | None) -> str:
    """``query`` with a trailing ``VALUES`` clause binding ``bindings`` (unchanged if none)."""
    if not bindings:
        return query
    names = []
    terms = []
    for name, value in bindings.items():
        if not _VARNAME.match(name):
            raise UsageError(f"cannot bind {name!r}: not a SPARQL variable name")
        names.append(f"?{name}")
        terms.append(term(name, value))
    return f"{query}\nVALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def _is_iri(value: str) -> bool:
    from pyoxigraph import NamedNode

    try:
        NamedNode(value)
    except ValueError:
        return False
    return ":" in value


def _cell(binding: Mapping[str, str] | None) -> str:
    if binding is None:
        return ""
    if binding.get("type") == "bnode":
        return f"_:{binding['value']}"
    return binding["value"]


class RemoteEngine:
    """A SPARQL 1.1 query endpoint (e.g. ``http://127.0.0.1:7878/query``) as an Engine.

    Credentials come from the environment or ``~/.netrc`` (:mod:`graph.remote.http`).
    """

    def __init__(self, query_url: str, transport: Transport | None = None) -> None:
        self.url = query_url
        self.transport = transport if transport is not None else Transport.for_url(query_url)

    def __repr__(self) -> str:
        return f"RemoteEngine({redact(self.url)!r})"

    def _post(self, query: str, accept: str) -> tuple[bytes, str]:
        reply = self.transport.request(
            "POST",
            self.url,
            query.encode("utf-8"),
            {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept},
        )
        return reply.body, reply.content_type

    def _json(self, body: bytes) -> dict[str, Any]:
        try:
            parsed = json.loads(body)
        except (ValueError, RecursionError):
            raise EndpointError(redact(self.url), "the reply is not SPARQL JSON results") from None
        if not isinstance(parsed, dict):
            raise EndpointError(redact(self.url), "the reply is not SPARQL JSON results")
        return parsed

    def select(
        self, query: str, bindings: Mapping[str, Value] | None = None
    ) -> list[tuple[str, ...]]:
        """Rows of a SELECT, one string per projected variable ('' when unbound)."""
        body, _ = self._post(bind(query, bindings), RESULTS_JSON)
        parsed = self._json(body)
        if "results" not in parsed and "boolean" in parsed:
            raise UsageError("select() needs a SELECT query")
        names, rows = self._solutions(parsed)
        return [tuple(_cell(row.get(n)) for n in names) for row in rows]

    def _solutions(self, parsed: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
        """The variables and rows of SPARQL JSON results; EndpointError for any other shape."""
        head, results = parsed.get("head"), parsed.get("results")
        names = head.get("vars") if isinstance(head, dict) else None
        rows = results.get("bindings") if isinstance(results, dict) else None
        if (
            not isinstance(names, list)
            or not all(isinstance(n, str) for n in names)
            or not isinstance(rows, list)
            or not all(
                isinstance(row, dict)
                and all(
                    isinstance(cell, dict) and isinstance(cell.get("value"), str)
                    for cell in row.values()
                )
                for row in rows
            )
        ):
            raise EndpointError(
                redact(self.url), "the reply is JSON but not SPARQL JSON results (head, results)"
            )
        return names, rows

    def run(self, query: str) -> dict[str, Any] | bool | str:
        """Any read-only query: SPARQL JSON results, a bool (ASK) or N-Triples text."""
        body, content_type = self._post(query, _ACCEPT_ANY)
        if content_type in (RESULTS_JSON, "application/json"):
            parsed = self._json(body)
            if "boolean" in parsed:
                if not isinstance(parsed["boolean"], bool):
                    raise EndpointError(redact(self.url), "the boolean is not true or false")
                return parsed["boolean"]
            self._solutions(parsed)
            return parsed
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise EndpointError(redact(self.url), "the reply is not UTF-8 text") from None

    def graph_counts(self) -> dict[str, int]:
        """Triples per named graph on the endpoint (one ``GROUP BY ?g`` query)."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        try:
            return {g: int(n) for g, n in rows}
        except ValueError:
            raise EndpointError(redact(self.url), "the triple counts are not numbers") from None


def open_remote(query_url: str) -> Graph:
    """A :class:`graph.ask.graph.Graph` over a remote SPARQL 1.1 query endpoint.

    What ``detente ask ... --endpoint URL`` opens; answers equal the local ones
    when the endpoint holds what ``detente push`` sent.
    """
    from graph.ask.graph import Graph

    return Graph(RemoteEngine(query_url))
