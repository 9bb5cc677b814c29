"""Minting IRIs, and the detente terms of graph/rdf/terms.py against schemas/ontology.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from graph.rdf.iris import Minter, mint, parse_iri
from graph.rdf.namespaces import DET
from graph.rdf.terms import check_base, prefixes
from schemas.errors import UsageError

ONTOLOGY = Path(__file__).resolve().parents[3] / "schemas" / "ontology.ttl"


@pytest.mark.parametrize(
    ("kind", "record_id", "parts"),
    [
        ("actor", "russia", ()),
        ("statement", "s-1", ("evidence", "quote")),
        ("graph", "registry", ()),
    ],
)
def test_mint_and_parse_are_inverse(kind: str, record_id: str, parts: tuple[str, ...]) -> None:
    iri = mint(kind, record_id, *parts)
    assert parse_iri(iri) == (kind, record_id, parts)


def test_base_is_configurable() -> None:
    iri = mint("actor", "russia", base="http://example.org/x#")
    assert iri == URIRef("http://example.org/x#actor/russia")
    assert parse_iri(iri) is None  # not under the default base


@pytest.mark.parametrize(
    ("kind", "record_id", "parts"),
    [("actor", "Russia", ()), ("actor", "a b", ()), ("nope", "x", ()), ("actor", "x", ("a/b",))],
)
def test_mint_refuses_what_cannot_go_in_an_iri(
    kind: str, record_id: str, parts: tuple[str, ...]
) -> None:
    with pytest.raises(ValueError, match=r"IRI|slug"):
        Minter().iri(kind, record_id, *parts)


@pytest.mark.parametrize("base", ["example.org/", "http://x.org/a", "http://x.org/<a>/", ""])
def test_bad_base_is_a_usage_error(base: str) -> None:
    with pytest.raises(UsageError, match="base IRI"):
        check_base(base)


def test_prefixes_bind_kinds_under_the_base() -> None:
    names = prefixes("http://example.org/d/")
    assert names["statement"] == "http://example.org/d/statement/"
    assert names["det"] == str(DET._NS)


def _declared() -> set[URIRef]:
    g = Graph().parse(ONTOLOGY)
    return {
        s
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(str(DET._NS))
    }


def test_every_namespace_term_is_in_the_ontology_and_vice_versa() -> None:
    in_python = {DET[name] for name in DET.__annotations__}
    assert in_python == _declared()


@pytest.mark.parametrize("term", sorted(_declared()))
def test_every_ontology_term_has_label_comment_and_alignment(term: URIRef) -> None:
    g = Graph().parse(ONTOLOGY)
    assert isinstance(g.value(term, RDFS.label), Literal)
    assert isinstance(g.value(term, RDFS.comment), Literal)
    if (term, RDF.type, OWL.Class) in g:
        assert g.value(term, RDFS.subClassOf) is not None
    else:
        assert g.value(term, RDFS.domain) is not None and g.value(term, RDFS.range) is not None


def test_a_typo_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = DET.suports
