"""Keep ``detente sparql`` (and :meth:`graph.ask.graph.Graph.sparql`) read-only and local.

A query typed or pasted by a user must not change a store or make detente
fetch from the network. :func:`check_read_only` refuses, with a
:class:`~schemas.errors.UsageError`:

* SPARQL Update operations (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``,
  ``DROP``, ``CREATE``, ``ADD``, ``MOVE``, ``COPY``, ``WITH``). A local
  pyoxigraph store would reject them as unparsable anyway, but a remote
  endpoint given with ``--endpoint`` might run them;
* every ``SERVICE`` clause: pyoxigraph answers ``SERVICE <http://...>`` by
  sending the query to that URL (tested), which would let a pasted query reach
  any host the machine can reach. Query the other endpoint with ``--endpoint``.

The check is lexical: string literals, IRIs (``<...>``) and comments are
blanked first, then keywords are looked for as whole SPARQL tokens (not
``?drop``, ``ex:load`` or ``load:x``). SPARQL reads ``\\u`` escapes only
inside strings and IRIs (pyoxigraph refuses ``\\u0053ERVICE``), so an
escaped keyword cannot slip through.

>>> check_read_only("SELECT ?drop WHERE { ?s <http://e.org/insert> ?drop # LOAD\\n }")
>>> check_read_only('ASK { ?s ?p "DROP ALL" }')
>>> check_read_only("DROP ALL")
Traceback (most recent call last):
...
schemas.errors.UsageError: only read-only queries are run (SELECT, ASK, CONSTRUCT, DESCRIBE); \
DROP is SPARQL Update: edit the data folder and run `detente build` instead
>>> check_read_only("SELECT * { service <http://evil.example/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
schemas.errors.UsageError: SERVICE clauses are not run (they would send the query to another \
endpoint); ask that endpoint itself with --endpoint URL
"""

from __future__ import annotations

import re

from schemas.errors import UsageError

__all__ = ["UPDATE_KEYWORDS", "check_read_only"]

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
"""Keywords that only SPARQL 1.1 Update uses."""

# strings (long forms first), IRIs and comments: blanked before keywords are looked for
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)'
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)"
    r'|"(?:[^"\\\n\r]|\\.)*(?:"|$)'
    r"|'(?:[^'\\\n\r]|\\.)*(?:'|$)"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n\r]*",
    re.DOTALL,
)
_WORDS = "|".join((*UPDATE_KEYWORDS, "SERVICE"))
_KEYWORD = re.compile(rf"(?<![\w:?$@.\-])({_WORDS})(?![\w:\-])", re.IGNORECASE)


def check_read_only(query: str) -> None:
    """Raise :class:`UsageError` if ``query`` holds SPARQL Update or a ``SERVICE`` clause."""
    bare = _OPAQUE.sub(" ", query)
    found = {m.group(1).upper() for m in _KEYWORD.finditer(bare)}
    if "SERVICE" in found:
        raise UsageError(
            "SERVICE clauses are not run (they would send the query to another endpoint); "
            "ask that endpoint itself with --endpoint URL"
        )
    if found:
        first = next(m.group(1).upper() for m in _KEYWORD.finditer(bare))
        raise UsageError(
            "only read-only queries are run (SELECT, ASK, CONSTRUCT, DESCRIBE); "
            f"{first} is SPARQL Update: edit the data folder and run `detente build` instead"
        )
