"""Query a remote SPARQL 1.1 endpoint with the same answers as the local graph.

:class:`RemoteEngine` implements :class:`graph.ask.engine.Engine` over the SPARQL
1.1 Protocol: each query is one URL-encoded ``POST`` (``query=...``; every store
takes it, and Virtuoso 7.2 never answers a direct ``application/sparql-query``
POST), answered as SPARQL JSON results. Rows come back as plain strings exactly
like :meth:`LocalEngine.select <graph.ask.engine.LocalEngine.select>` (an IRI's
text, a literal's lexical form, '' when unbound), so
:class:`graph.ask.graph.Graph` gives the same answers on either engine.

**Stores differ; answers do not.** What a store writes differently from
pyoxigraph is brought to pyoxigraph's form here (:func:`normal_cell`,
:meth:`RemoteEngine.run`), so no caller sees it:

* ``ASK`` on Virtuoso is a SELECT of ``?__ASK_RETVAL``: one row holding the
  ``xsd:integer`` 1 when true, no row when false; it becomes ``True`` or ``False``;
* a typed literal's ``"type"`` may be ``"typed-literal"`` (SPARQL JSON of 2007):
  it becomes ``"literal"``; an explicit ``xsd:string`` datatype is dropped (RDF
  1.1: it is the plain literal); an ``xsd:boolean`` written ``1``/``0`` becomes
  ``true``/``false``; a language tag is lower-cased (as pyoxigraph keeps it);
* the types derived from ``xsd:integer`` (``nonNegativeInteger``, which detente
  writes for offsets and positions, ``int``, ``unsignedByte``...) become
  ``xsd:integer``, and ``xsd:dateTimeStamp`` becomes ``xsd:dateTime``: pyoxigraph
  stores them so (and so does an Oxigraph server), while Virtuoso keeps the type
  it was given. Only the form of the answer is mended: a query that tests
  ``DATATYPE(?o)`` on such a literal is still evaluated by the store as it is;
* a store answers with the first media type of ``Accept`` whatever the query
  form (Virtuoso answers a CONSTRUCT in SPARQL JSON if asked for it first), so
  the form is read from the query (:func:`graph.ask.guard.parse_tree`) and only
  the matching type is asked for; CONSTRUCT and DESCRIBE replies are parsed and
  written again as pyoxigraph's N-Triples;
* a store that cuts an answer at its row limit (Virtuoso's ``[SPARQL]
  ResultSetMaxRows``, 10,000 in its sample ``virtuoso.ini``, said in the
  ``X-SPARQL-MaxRows`` header) or its time limit (an "anytime" partial answer,
  ``X-SQL-State``) gives :class:`EndpointError`, never a silently short answer.

**Binding values, and why it is injection-safe.** :func:`bind` never formats a
value into the query's own text. It appends one SPARQL ``VALUES`` clause after
the query (a *trailing* ``ValuesClause``, which the grammar allows after any
SELECT), joining the bound values to the query's solutions before ORDER BY and
LIMIT. For a variable of the query's required patterns that gives the rows
pyoxigraph's ``substitutions`` (SEP-0007) give locally, which is every binding
:mod:`graph.ask.graph` makes (tested over every named query). Do not bind a
variable that only an OPTIONAL binds: substitution forces the value into the
OPTIONAL, a join keeps it as a filter, and the answers differ. Virtuoso (7.2)
strays further from the spec, so bind only projected variables of required
patterns, as :mod:`graph.ask.graph` does (tested on Virtuoso over every named
query): it refuses a bound variable that is not projected ("No column"), gives
no rows for one the pattern never mentions, keeps other rows for one a ``BIND``
assigns, and filters (as substitution does) one only an OPTIONAL binds. Each
value is written as an RDF term by :mod:`graph.rdf.ntriples`:

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
import urllib.parse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from graph.ask.engine import Iri, Value
from graph.rdf import ntriples as nt
from graph.remote.http import Transport, redact
from schemas.errors import EndpointError, UsageError

if TYPE_CHECKING:
    from graph.ask.graph import Graph

__all__ = [
    "RESULTS_JSON",
    "RemoteEngine",
    "bind",
    "normal_cell",
    "open_remote",
    "query_form",
    "term",
]

RESULTS_JSON = "application/sparql-results+json"
"""The SPARQL 1.1 JSON results media type."""

_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20\x7f]')
_XSD = "http://www.w3.org/2001/XMLSchema#"
_ASK_VARIABLE = "__ASK_RETVAL"  # Virtuoso's
_INTEGERS = (
    "nonNegativeInteger positiveInteger negativeInteger nonPositiveInteger long int short byte "
    "unsignedLong unsignedInt unsignedShort unsignedByte"
)
_AS_PYOXIGRAPH_STORES = {
    **{_XSD + t: _XSD + "integer" for t in _INTEGERS.split()},
    _XSD + "dateTimeStamp": _XSD + "dateTime",
}
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.5"
_GRAPH_FORMATS = {  # media type of a CONSTRUCT/DESCRIBE reply -> what parses it
    "application/n-triples": "nt",
    "text/plain": "nt",
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
}


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


def normal_cell(cell: Mapping[str, Any]) -> dict[str, Any]:
    """One SPARQL JSON term in the form pyoxigraph writes it (see the module docstring).

    >>> normal_cell({"type": "typed-literal", "value": "1", "datatype": _XSD + "boolean"})
    {'type': 'literal', 'value': 'true', 'datatype': 'http://www.w3.org/2001/XMLSchema#boolean'}
    >>> normal_cell({"type": "literal", "value": "x", "datatype": _XSD + "string"})
    {'type': 'literal', 'value': 'x'}
    >>> normal_cell({"type": "literal", "value": "hi", "xml:lang": "en-GB"})
    {'type': 'literal', 'value': 'hi', 'xml:lang': 'en-gb'}
    >>> normal_cell({"type": "literal", "value": "7", "datatype": _XSD + "nonNegativeInteger"})
    {'type': 'literal', 'value': '7', 'datatype': 'http://www.w3.org/2001/XMLSchema#integer'}
    """
    out = dict(cell)
    if out.get("type") == "typed-literal":
        out["type"] = "literal"
    datatype = out.get("datatype")
    if datatype in _AS_PYOXIGRAPH_STORES:
        out["datatype"] = _AS_PYOXIGRAPH_STORES[datatype]
    elif datatype == _XSD + "string":
        del out["datatype"]
    elif datatype == _XSD + "boolean" and out.get("value") in ("1", "0"):
        out["value"] = "true" if out["value"] == "1" else "false"
    if isinstance(out.get("xml:lang"), str):
        out["xml:lang"] = out["xml:lang"].lower()
    return out


def query_form(query: str) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``, as the query parses.

    >>> query_form("PREFIX s: <http://e.org/> # SELECT\\nASK { ?x s:p 'CONSTRUCT' }")
    'ASK'
    """
    from graph.ask.guard import parse_tree

    name = str(getattr(parse_tree(query)[-1], "name", ""))
    return name.removesuffix("Query").upper() or "SELECT"


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
            urllib.parse.urlencode({"query": query}).encode("ascii"),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        headers = {k.lower(): v for k, v in reply.headers.items()}
        if "x-sparql-maxrows" in headers:
            raise EndpointError(
                redact(self.url),
                f"the store cut the answer at {headers['x-sparql-maxrows']} rows (its row "
                "limit; on Virtuoso raise [SPARQL] ResultSetMaxRows in virtuoso.ini)",
            )
        if "x-sql-state" in headers:
            raise EndpointError(
                redact(self.url),
                f"the store gave a partial answer ({headers['x-sql-state']}: "
                f"{' '.join(headers.get('x-sql-message', '').split())[:160]}); on Virtuoso "
                "raise [SPARQL] MaxQueryExecutionTime",
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
        return [
            tuple("" if row.get(n) is None else _cell(normal_cell(row[n])) for n in names)
            for row in rows
        ]

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
        """Any read-only query: SPARQL JSON results, a bool (ASK) or N-Triples text.

        Answers take pyoxigraph's form whatever the store (see the module docstring).
        """
        form = query_form(query)
        if form in ("CONSTRUCT", "DESCRIBE"):
            return self._triples(*self._post(query, _GRAPH_ACCEPT))
        body, content_type = self._post(query, RESULTS_JSON)
        if content_type not in (RESULTS_JSON, "application/json"):
            raise EndpointError(
                redact(self.url), f"the reply is {content_type}, not SPARQL JSON results"
            )
        parsed = self._json(body)
        if "boolean" in parsed:
            if not isinstance(parsed["boolean"], bool):
                raise EndpointError(redact(self.url), "the boolean is not true or false")
            return parsed["boolean"]
        names, rows = self._solutions(parsed)
        if form == "ASK":
            if names == [_ASK_VARIABLE] and len(rows) <= 1:  # Virtuoso: 1 row of 1, or none
                return any(row.get(_ASK_VARIABLE, {}).get("value") in ("1", "true") for row in rows)
            raise EndpointError(redact(self.url), "the answer to an ASK is not a boolean")
        bindings = [{n: normal_cell(cell) for n, cell in row.items()} for row in rows]
        return {"head": {"vars": names}, "results": {"bindings": bindings}}

    def _triples(self, body: bytes, content_type: str) -> str:
        """A CONSTRUCT/DESCRIBE reply as pyoxigraph's N-Triples (its own form, terms checked)."""
        import pyoxigraph as ox

        formats = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
        kind = _GRAPH_FORMATS.get(content_type)
        if kind is None:
            raise EndpointError(redact(self.url), f"the reply is {content_type}, not N-Triples")
        try:
            parsed = list(ox.parse(body, format=formats[kind]))
        except (SyntaxError, ValueError) as err:
            reason = " ".join(str(err).split())[:160]
            raise EndpointError(redact(self.url), f"the reply is not RDF: {reason}") from None
        # in a store of its own, pyoxigraph brings every term to the form it answers in
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in parsed)
        data = ox.serialize(
            (ox.Triple(q.subject, q.predicate, q.object) for q in store),
            format=ox.RdfFormat.N_TRIPLES,
        )
        assert isinstance(data, bytes)
        return data.decode("utf-8")

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
