"""The build's derived graph: placed third, golden on the seed, evidence digests, re-derived."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.ask.derived import derived_name
from graph.builder.derive import NOT_EVIDENCE, evidence_digest, with_derived
from graph.compile.quads import compile_quads
from graph.export.writers import serialize
from graph.rdf.terms import DEFAULT_BASE, DET, SDO
from schemas.corpus import Corpus

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "seed-build.ttl"
"""What ``detente build`` writes for the seed as Turtle: the compiled graphs and the derived one.

Regenerate after an intended change with
``DETENTE_REGEN_GOLDEN=1 .venv/bin/pytest tests/graph/builder/test_derive.py -k golden``
and review ``git diff tests/golden/seed-build.ttl``."""


def test_the_derived_graph_comes_third_after_registry_and_vocabulary(seed: Corpus) -> None:
    compiled = compile_quads(seed)
    before = list(compiled.graphs)
    derived = with_derived(compiled)
    assert list(compiled.graphs) == [*before[:2], derived.name, *before[2:]]
    assert derived.name == derived_name(DEFAULT_BASE)
    assert compiled.graphs[derived.name] == derived.lines


def test_deriving_twice_changes_nothing(seed: Corpus) -> None:
    compiled = compile_quads(seed)
    first = list(with_derived(compiled).lines)
    again = with_derived(compiled)  # reads every graph but the derived one
    assert again.lines == first
    assert list(compiled.graphs).count(again.name) == 1


def test_golden_build_turtle(seed: Corpus) -> None:
    compiled = compile_quads(seed)
    with_derived(compiled)
    ttl = serialize(compiled, "turtle")
    if os.environ.get("DETENTE_REGEN_GOLDEN"):
        GOLDEN.write_bytes(ttl)
    assert GOLDEN.read_bytes() == ttl, "see GOLDEN's docstring to regenerate"


VENUE = f'<https://e/s> <{DET.venueLabel}> "CNN"'
QUOTE = f'<https://e/s> <{SDO.text}> "We agreed."'


@pytest.mark.parametrize(
    ("edited", "same"),
    [
        ([VENUE, f'<https://e/s> <{SDO.text}> "No."'], True),  # a quote is shown, not counted
        ([VENUE], True),  # nor is its presence
        ([VENUE.replace("CNN", "Fox"), QUOTE], False),  # a venue sets the claim's chain
        ([VENUE, QUOTE, f"<https://e/s> <{DET.supports}> <https://e/c>"], False),
    ],
)
def test_the_evidence_digest_reads_only_what_a_claim_counts_as(
    edited: list[str], same: bool
) -> None:
    assert (evidence_digest([VENUE, QUOTE]) == evidence_digest(edited)) is same


def test_no_predicate_that_sets_a_claims_standing_is_left_out_of_the_evidence() -> None:
    counted = {DET.supports, DET.denies, DET.via, DET.viaList, DET.venueLabel, DET.sourceKind,
               DET.reportedBy, DET.supportsList, DET.deniesList}  # fmt: skip
    assert not {f"<{iri}>" for iri in counted} & NOT_EVIDENCE
