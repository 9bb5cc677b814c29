"""N-Triples terms as strings: the compiler's output alphabet, escaped per the grammar.

The compiler writes RDF as N-Triples/N-Quads lines because building rdflib
terms one by one is far too slow at scale; these helpers are the only place
that formats a term.

>>> iri("http://example.org/a")
'<http://example.org/a>'
>>> literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
>>> typed("2025-08-15", XSD_DATE)
'"2025-08-15"^^<http://www.w3.org/2001/XMLSchema#date>'
>>> unescape(literal('say "hi"')[1:-1])
'say "hi"'
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "RDF_FIRST",
    "RDF_NIL",
    "RDF_REST",
    "RDF_TYPE",
    "XSD_ANYURI",
    "XSD_DATE",
    "XSD_NNINT",
    "date",
    "integer",
    "iri",
    "literal",
    "typed",
    "unescape",
]

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = f"{XSD}date"
XSD_NNINT = f"{XSD}nonNegativeInteger"
XSD_ANYURI = f"{XSD}anyURI"
XSD_BOOLEAN = f"{XSD}boolean"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = f"<{_RDF}type>"
RDF_FIRST = f"<{_RDF}first>"
RDF_REST = f"<{_RDF}rest>"
RDF_NIL = f"<{_RDF}nil>"

# ECHAR for the four characters the grammar forbids raw; UCHAR for other controls,
# which the grammar allows but some strict parsers and editors choke on.
_ESCAPES: dict[int, str] = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}
_ESCAPES.update(
    {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
)


def iri(value: str) -> str:
    """An IRI term; ``value`` must already be a valid IRI (minted or checked)."""
    return f"<{value}>"


def literal(value: str) -> str:
    """A plain (xsd:string) literal, escaped."""
    return f'"{value.translate(_ESCAPES)}"'


def typed(lexical: str, datatype: str) -> str:
    """A typed literal, escaped."""
    return f'"{lexical.translate(_ESCAPES)}"^^<{datatype}>'


def date(value: dt.date) -> str:
    """An ``xsd:date`` literal."""
    return f'"{value.isoformat()}"^^<{XSD_DATE}>'


def integer(value: int) -> str:
    """An ``xsd:nonNegativeInteger`` literal (what Web Annotation offsets use)."""
    return f'"{value}"^^<{XSD_NNINT}>'


_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(body: str, *, strict: bool = True) -> str:
    r"""The string an escaped lexical form (without its quotes) stands for: escaping undone.

    An unknown escape raises ValueError, or with ``strict=False`` stays as it is.

    >>> unescape(r"caf\u00E9 \t")
    'café \t'
    >>> unescape(r"a\qb", strict=False)
    'a\\qb'
    """
    if "\\" not in body:
        return body

    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code:
            return chr(int(code, 16))
        char = _ECHAR.get(match.group(3))
        if char is None:
            if strict:
                raise ValueError(match.group(0))
            return match.group(0)
        return char

    return _UNESCAPE.sub(one, body)
