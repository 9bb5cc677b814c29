"""detente's vocabularies as closed rdflib namespaces, built from :mod:`graph.rdf.terms`' lists.

They live apart so that code that needs only IRIs as strings (the compiler,
``detente build``, the query layer) never loads rdflib. The term lists are
those of :mod:`graph.rdf.terms`, so both forms always name the same terms.

>>> DET.supports
rdflib.term.URIRef('https://w3id.org/detente/ns#supports')
>>> DET.suports
Traceback (most recent call last):
...
AttributeError: term 'suports' not in namespace 'https://w3id.org/detente/ns#'
>>> str(DETV) == PREFIXES["detv"]
True
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace, DefinedNamespaceMeta

from graph.rdf.terms import CITO_TERMS, DET_TERMS, OA_TERMS, PREFIXES

__all__ = ["CITO", "DET", "DETV", "OA"]


def _closed(name: str, prefix: str, names: tuple[str, ...], doc: str) -> DefinedNamespaceMeta:
    """A closed ``DefinedNamespace`` class of ``names`` under ``PREFIXES[prefix]``."""
    body = {
        "__doc__": doc,
        "__module__": __name__,
        "__annotations__": dict.fromkeys(names, URIRef),
        "_NS": Namespace(PREFIXES[prefix]),
        "_fail": True,
    }
    return DefinedNamespaceMeta(name, (DefinedNamespace,), body)


DET = _closed("DET", "det", DET_TERMS, "detente's classes and properties (schemas/ontology.ttl).")
OA = _closed("OA", "oa", OA_TERMS, "The Web Annotation terms detente uses.")
CITO = _closed("CITO", "cito", CITO_TERMS, "The CiTO terms det:supports and det:denies refine.")
DETV = Namespace(PREFIXES["detv"])
"""The SKOS concepts of the controlled vocabularies: ``detv:stance-opposes``."""
