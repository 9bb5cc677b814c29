"""Records -> RDF: specific triples of the seed, named graphs, no blank nodes, golden Turtle.

Regenerate the golden file after an intended change of the mapping with::

    DETENTE_REGEN_GOLDEN=1 .venv/bin/pytest tests/graph/compile/test_quads.py -k golden

then review ``git diff tests/golden/seed.ttl`` before committing it.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, SDO, SKOS, XSD

from graph.compile.compiled import compile
from graph.compile.quads import compile_quads
from graph.export.writers import serialize
from graph.rdf.iris import mint
from graph.rdf.namespaces import DET, OA
from graph.rdf.skos import concept
from schemas import Corpus
from schemas.errors import DataError
from schemas.vocab import MeetingStatus, Placement, PloverEvent, StatementMode

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "seed.ttl"
ST, ACTOR, MEETING, CONC = "statement", "actor", "meeting", "concession"
SRC = "seed-2025-08-17-nato-like-guarantees"
WON = mint(ST, "witkoff-cnn-won-concession")

TRIPLES = [
    (WON, PROV.wasAttributedTo, mint(ACTOR, "steve-witkoff")),
    (WON, DCTERMS.source, mint("source", SRC)),
    (WON, DCTERMS.date, Literal("2025-08-17", datatype=XSD.date)),
    (WON, DET.supports, mint(CONC, "russia-accepts-us-article-5-like-guarantee")),
    (WON, DET.outlet, mint(ACTOR, "cnn")),
    (WON, DET.statementMode, concept(StatementMode.DIRECT_QUOTE)),
    (WON, DET.evidence, mint(ST, "witkoff-cnn-won-concession", "evidence")),
    (mint(ST, "witkoff-cnn-won-concession", "evidence"), OA.hasSource, mint("source", SRC)),
    (mint(ST, "witkoff-cnn-won-concession", "evidence", "quote"), RDF.type, OA.TextQuoteSelector),
    (
        mint(ST, "witkoff-cnn-won-concession", "evidence", "position"),
        RDF.type,
        OA.TextPositionSelector,
    ),
    (mint(MEETING, "alaska-summit-2025"), RDF.type, SDO.Event),
    (mint(MEETING, "alaska-summit-2025"), SDO.startDate, Literal("2025-08-15", datatype=XSD.date)),
    (mint(MEETING, "alaska-summit-2025"), SDO.location, Literal("Alaska")),
    (mint(MEETING, "alaska-summit-2025"), SDO.attendee, mint(ACTOR, "vladimir-putin")),
    (mint(MEETING, "alaska-summit-2025"), SDO.eventStatus, concept(MeetingStatus.HELD)),
    (mint(ACTOR, "russia"), SDO.name, Literal("Russia")),
    (mint(ACTOR, "russia"), SKOS.altLabel, Literal("Moscow")),
    (mint(ACTOR, "russia"), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q159")),
    (mint(ACTOR, "vladimir-putin", "affiliation", "1"), ORG.member, mint(ACTOR, "vladimir-putin")),
    (mint(ACTOR, "vladimir-putin", "affiliation", "1"), ORG.organization, mint(ACTOR, "russia")),
    (mint("source", SRC), RDF.type, SDO.NewsArticle),
    (mint("source", SRC), DCTERMS.issued, Literal("2025-08-17", datatype=XSD.date)),
    (
        mint("source", SRC),
        DET.sha256,
        Literal("bf05343d2e3b1cf8262be7a6eeb623789a6e0229cbdf8639091cd5ee0a931ea6"),
    ),
    (mint(CONC, "russia-accepts-us-article-5-like-guarantee"), DET.conceder, mint(ACTOR, "russia")),
    (
        mint(CONC, "russia-accepts-us-article-5-like-guarantee"),
        DET.ploverEvent,
        concept(PloverEvent.CONCEDE),
    ),
    (
        mint(CONC, "russia-legislated-no-seizure-pledge"),
        DET.placement,
        concept(Placement.INFERRED),
    ),
    # narration is attributed to the source itself; nested speech keeps its carrier
    (mint(ST, "lead-washington-meeting-ahead"), PROV.wasAttributedTo, mint("source", SRC)),
    (
        mint(ST, "trump-via-putin-security-by-all-means"),
        DET.reportedBy,
        mint(ST, "putin-joint-appearance-ready-to-work"),
    ),
]


@pytest.fixture(scope="module")
def dataset(seed: Corpus):  # type: ignore[no-untyped-def]
    return compile(seed)


@pytest.mark.parametrize("triple", TRIPLES, ids=lambda t: f"{t[0].rsplit('/', 1)[-1]} {t[1].n3()}")
def test_seed_triple(dataset, triple) -> None:  # type: ignore[no-untyped-def]
    assert triple in dataset


@pytest.mark.parametrize(
    ("subject", "graph"),
    [
        (WON, mint("source", SRC, "graph")),
        (mint(ACTOR, "russia"), mint("graph", "registry")),
        (mint(CONC, "russia-accepts-us-article-5-like-guarantee"), mint("graph", "registry")),
        (mint("source", SRC), mint("source", SRC, "graph")),
        (concept(MeetingStatus.HELD), mint("graph", "vocabulary")),
    ],
)
def test_each_node_lives_in_its_graph(dataset, subject: URIRef, graph: URIRef) -> None:  # type: ignore[no-untyped-def]
    graphs = {c for _, _, _, c in dataset.quads((subject, None, None, None))}
    assert graphs == {graph}


def test_no_blank_nodes(dataset) -> None:  # type: ignore[no-untyped-def]
    assert not [q for q in dataset.quads() if any(isinstance(t, BNode) for t in q[:3])]


def test_a_concession_is_never_a_bare_fact(dataset) -> None:  # type: ignore[no-untyped-def]
    russia = mint(ACTOR, "russia")
    concessions = set(dataset.subjects(RDF.type, DET.Concession))
    # nothing links Russia (as subject) to a concession, or a concession to its topic
    # except through the concession node; the claim comes only from statements
    assert not [o for o in dataset.objects(russia, None) if o in concessions]
    for c in concessions:
        assert set(dataset.subjects(DET.supports, c)) <= set(
            dataset.subjects(RDF.type, DET.Statement)
        )


def test_none_gives_no_triple(dataset) -> None:  # type: ignore[no-untyped-def]
    proposal = mint(MEETING, "three-leader-meeting-proposal")
    assert dataset.value(proposal, SDO.startDate) is None
    assert dataset.value(proposal, SDO.location) is None
    assert dataset.value(mint(ACTOR, "steve-witkoff"), OWL.sameAs) is None


def test_placement_only_with_made_at_or_made_on(dataset) -> None:  # type: ignore[no-untyped-def]
    placed = set(dataset.subjects(DET.placement, None))
    dated = set(dataset.subjects(DET.madeAt, None)) | set(dataset.subjects(DET.madeOn, None))
    assert placed == dated
    assert len(placed) == 2
    assert dataset.value(mint(CONC, "us-direct-security-commitment"), DET.placement) is None


@pytest.mark.parametrize("placement", list(Placement))
def test_placement_is_a_concept_of_its_scheme(seed: Corpus, placement: Placement) -> None:
    c = seed.concessions["russia-accepts-us-article-5-like-guarantee"]
    moved = c.model_copy(update={"placement": placement})
    corpus = dataclasses.replace(seed, concessions={**seed.concessions, c.id: moved})
    triple = (mint(CONC, c.id), DET.placement, concept(placement))
    assert triple in compile(corpus)


def test_compile_is_deterministic(seed: Corpus) -> None:
    assert compile_quads(seed).nquads() == compile_quads(seed).nquads()


def test_dangling_reference_is_a_data_error(seed: Corpus) -> None:
    st = seed.statements["witkoff-cnn-won-concession"]
    bad = st.model_copy(update={"supports": ["nope"]})
    broken = Corpus(sources=dict(seed.sources), statements={st.id: bad})
    with pytest.raises(DataError, match="nope"):
        compile_quads(broken)


def test_golden_turtle(seed: Corpus) -> None:
    ttl = serialize(compile_quads(seed), "turtle")
    if os.environ.get("DETENTE_REGEN_GOLDEN"):
        GOLDEN.write_bytes(ttl)
    assert GOLDEN.read_bytes() == ttl, "see this module's docstring to regenerate"
