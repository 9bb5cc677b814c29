"""The SKOS concept schemes are generated from schemas.vocab and cannot drift from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from graph.rdf.skos import concept, concept_schemes, member, scheme_iri
from schemas.vocab import VOCABULARIES, ConcessionForm, PloverEvent, VenueKind, Vocabulary

SHAPES = Path(__file__).resolve().parents[3] / "schemas" / "shapes.ttl"
MEMBERS = [m for v in VOCABULARIES for m in v]


@pytest.mark.parametrize("value", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_is_a_concept_with_its_definition(value: Vocabulary) -> None:
    g = concept_schemes()
    node = concept(value)
    assert (node, RDF.type, SKOS.Concept) in g
    assert (node, SKOS.inScheme, URIRef(scheme_iri(type(value)))) in g
    assert g.value(node, SKOS.definition) == Literal(value.definition)
    assert member(node) is value
    notation = g.value(node, SKOS.notation)
    assert (str(notation) if notation is not None else None) == value.notation


def test_no_concept_without_a_member() -> None:
    g = concept_schemes()
    assert set(g.subjects(RDF.type, SKOS.Concept)) == {concept(m) for m in MEMBERS}
    assert len(set(g.subjects(RDF.type, SKOS.ConceptScheme))) == len(VOCABULARIES)


def test_equal_values_of_different_enums_are_different_concepts() -> None:
    assert VenueKind.UNSPECIFIED == ConcessionForm.UNSPECIFIED  # StrEnum: equal strings
    assert concept(VenueKind.UNSPECIFIED) != concept(ConcessionForm.UNSPECIFIED)
    assert member(concept(VenueKind.UNSPECIFIED)) is VenueKind.UNSPECIFIED


def test_plover_concede_carries_cameo_code() -> None:
    assert str(concept_schemes().value(concept(PloverEvent.CONCEDE), SKOS.notation)) == "08"


def test_shapes_name_only_existing_schemes() -> None:
    named = set(re.findall(r"detente/vocab/([a-z-]+)-\"", SHAPES.read_text()))
    schemes = {scheme_iri(v).rsplit("/", 1)[-1] for v in VOCABULARIES}
    assert named and named <= schemes
