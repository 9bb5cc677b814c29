"""Read-back: records -> RDF -> records gives equal models, RDF -> records -> RDF is isomorphic."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from rdflib.compare import isomorphic

from graph.compile.compiled import compile
from graph.compile.quads import compile_quads
from graph.compile.readback import from_dataset, read
from graph.export.writers import EXTENSIONS, FORMATS, serialize
from graph.rdf.iris import mint
from schemas import Corpus
from schemas.errors import UsageError
from schemas.vocab import Placement
from tests.graph.corpora import corpora

_REGISTRY = mint("graph", "registry")


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_reads_back_from_every_format(seed: Corpus, tmp_path: Path, fmt: str) -> None:
    compiled = compile_quads(seed)
    path = tmp_path / f"detente.{EXTENSIONS[fmt]}"
    path.write_bytes(serialize(compiled, fmt))
    again = read(path)
    assert again == seed
    assert compile_quads(again).nquads() == compiled.nquads()


def test_nested_speech_and_narration_survive(seed: Corpus) -> None:
    again = from_dataset(compile(seed))
    assert again.statements["trump-via-putin-security-by-all-means"].reported_by == (
        "putin-joint-appearance-ready-to-work"
    )
    narration = again.statements["lead-washington-meeting-ahead"]
    assert narration.speaker == narration.source == "seed-2025-08-17-nato-like-guarantees"


def test_placement_survives_for_concessions_and_commitments(curated: Corpus) -> None:
    again = from_dataset(compile(curated))
    assert again.concessions["russia-legislated-no-seizure-pledge"].placement is Placement.INFERRED
    assert again.commitments["twenty-six-nations-pledge-guarantees"].placement is (
        Placement.INFERRED
    )
    assert again.commitments["twenty-six-nations-deploy-to-ukraine"].placement is None
    assert again.concessions == curated.concessions
    assert again.commitments == curated.commitments


def test_unknown_suffix_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="format"):
        read(tmp_path / "x.rdf")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora())
def test_round_trip_over_generated_corpora(corpus: Corpus) -> None:
    dataset = compile(corpus)
    again = from_dataset(dataset)
    assert again == corpus
    # no blank nodes, so isomorphism is equality of the quad sets, graph by graph
    assert set(compile(again).quads()) == set(dataset.quads())
    assert isomorphic(compile(again).graph(_REGISTRY), dataset.graph(_REGISTRY))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora())
@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld"])
def test_round_trip_through_files(
    fmt: str, corpus: Corpus, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("rt") / f"d.{EXTENSIONS[fmt]}"
    path.write_bytes(serialize(compile_quads(corpus), fmt))
    assert read(path) == corpus
