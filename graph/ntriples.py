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
"""

from __future__ import annotations

import datetime as dt

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
]

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = f"{XSD}date"
XSD_NNINT = f"{XSD}nonNegativeInteger"
XSD_ANYURI = f"{XSD}anyURI"
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
