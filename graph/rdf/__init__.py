"""The vocabulary room: terms, IRIs and RDF text, in one place.

* :mod:`~graph.rdf.terms`: prefixes, the data base and every term as closed string
  namespaces (``DET.supports``), from one term list per namespace;
* :mod:`~graph.rdf.namespaces`: the same terms as closed rdflib namespaces (loads rdflib);
* :mod:`~graph.rdf.iris`: the one function that mints data IRIs, and its inverse;
* :mod:`~graph.rdf.ntriples`: N-Triples terms written and read back (escaping, unescaping);
* :mod:`~graph.rdf.skos`: the SKOS concept schemes of the controlled vocabularies.

Nothing here imports rdflib but :mod:`~graph.rdf.namespaces` and the functions
that return rdflib objects.
"""

from graph.rdf.iris import Minter, mint, parse_iri
from graph.rdf.terms import DEFAULT_BASE, DET, DETV, PREFIXES, Terms, check_base, prefixes

__all__ = [
    "DEFAULT_BASE",
    "DET",
    "DETV",
    "PREFIXES",
    "Minter",
    "Terms",
    "check_base",
    "mint",
    "parse_iri",
    "prefixes",
]
