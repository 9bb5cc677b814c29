"""Keep ``detente sparql`` (and :meth:`graph.ask.graph.Graph.sparql`) read-only and local.

A query typed or pasted by a user must not change a store or make detente
fetch from the network. :func:`check_read_only` *parses* the text with
rdflib's SPARQL 1.1 grammar (:mod:`rdflib.plugins.sparql.parser`) and refuses,
with a :class:`~schemas.errors.UsageError`:

* anything that parses as SPARQL Update (``INSERT``, ``DELETE``, ``LOAD``,
  ``CLEAR``, ``DROP``, ``CREATE``, ``ADD``, ``MOVE``, ``COPY``, ``WITH``). A
  local pyoxigraph store would reject them as unparsable anyway, but a remote
  endpoint given with ``--endpoint`` might run them;
* every query whose parse tree holds a ``SERVICE`` pattern, at any depth:
  pyoxigraph answers ``SERVICE <http://...>`` by sending the query to that URL
  (tested), which would let a pasted query reach any host the machine can
  reach. Query the other endpoint with ``--endpoint``;
* anything else that does not parse as one read-only query. Refusing what the
  parser cannot read is what makes the check sound: there is no text the
  guard skips over (an earlier keyword scanner could be led past ``.SERVICE``
  or into a fake comment by ``ex:a\\#``).

SPARQL decodes ``\\uXXXX`` escapes before parsing, and so does the parser used
here, so an escaped keyword is still a keyword (and refused).

>>> check_read_only("SELECT ?drop WHERE { ?s <http://e.org/insert> ?drop # LOAD\\n }")
>>> check_read_only('ASK { ?s ?p "DROP ALL" }')
>>> check_read_only("DROP ALL")
Traceback (most recent call last):
...
schemas.errors.UsageError: only read-only queries are run (SELECT, ASK, CONSTRUCT, DESCRIBE); \
DROP is SPARQL Update: edit the data folder and run `detente build` instead
>>> check_read_only("SELECT * { ?s ?p ?o .service <http://evil.example/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
schemas.errors.UsageError: SERVICE clauses are not run (they would send the query to another \
endpoint); ask that endpoint itself with --endpoint URL
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schemas.errors import UsageError

__all__ = ["MAX_QUERY_CHARS", "UPDATE_KEYWORDS", "check_read_only", "parse_tree"]

UPDATE_KEYWORDS = (
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
)
"""Keywords that only SPARQL 1.1 Update uses (named in the refusal)."""

MAX_QUERY_CHARS = 1_000_000
"""Longer query texts are refused before parsing."""

_UPDATE_NAMES = {
    "InsertData": "INSERT",
    "DeleteData": "DELETE",
    "DeleteWhere": "DELETE",
    "Modify": "DELETE",
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
}
_READ_ONLY = "only read-only queries are run (SELECT, ASK, CONSTRUCT, DESCRIBE)"


def parse_tree(query: str) -> Any:
    """The rdflib parse tree of ``query``; UsageError if it is not one read-only query.

    >>> type(parse_tree("ASK { ?s ?p ?o }")).__name__
    'ParseResults'
    """
    from rdflib.plugins.sparql import parser

    if len(query) > MAX_QUERY_CHARS:
        raise UsageError(f"{_READ_ONLY}; this text is over {MAX_QUERY_CHARS:,} characters")
    try:
        return parser.parseQuery(query)
    except RecursionError:
        raise UsageError(f"{_READ_ONLY}; this query is nested too deeply") from None
    except Exception as err:  # whatever the parser cannot read is refused
        reason = " ".join(str(err).split())[:160]
    operation = _update_operation(query)
    if operation is not None:
        raise UsageError(
            f"{_READ_ONLY}; {operation} is SPARQL Update: edit the data folder and run "
            "`detente build` instead"
        )
    raise UsageError(f"{_READ_ONLY}, and this text does not parse as one: {reason}")


def _update_operation(query: str) -> str | None:
    """The first operation of ``query`` when it parses as SPARQL Update, else None."""
    from rdflib.plugins.sparql import parser

    try:
        tree = parser.parseUpdate(query)
    except (Exception, RecursionError):  # not an update: the caller refuses it
        return None
    for node in _nodes(tree):
        name = getattr(node, "name", None)
        if name == "Modify" and node.get("withClause") is not None:
            return "WITH"
        if name == "Modify" and node.get("delete") is None:
            return "INSERT"
        if name in _UPDATE_NAMES:
            return _UPDATE_NAMES[name]
    return "an update"


def _nodes(tree: Any) -> Iterator[Any]:
    """Every node of a parse tree, depth first, without recursion."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            stack.extend(reversed(list(node)))


def check_read_only(query: str) -> None:
    """Raise :class:`UsageError` unless ``query`` parses as one query without ``SERVICE``."""
    tree = parse_tree(query)
    if any(getattr(node, "name", None) == "ServiceGraphPattern" for node in _nodes(tree)):
        raise UsageError(
            "SERVICE clauses are not run (they would send the query to another endpoint); "
            "ask that endpoint itself with --endpoint URL"
        )
