"""SHACL: the shapes catch a broken graph and name the rule; validation is cached per unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.compile import Compiled, compile_quads
from graph.shacl import validate
from schemas import Corpus
from schemas.errors import ValidationError

WON = "statement/witkoff-cnn-won-concession>"
ALASKA = "meeting/alaska-summit-2025>"
PLEDGE = "concession/russia-legislated-no-seizure-pledge>"


def _without(compiled: Compiled, *needles: str) -> Compiled:
    graphs = {
        name: [t for t in lines if not all(n in t for n in needles)]
        for name, lines in compiled.graphs.items()
    }
    return Compiled(graphs, compiled.base)


@pytest.mark.parametrize(
    ("needles", "shape", "focus"),
    [
        (
            (WON + " <http://www.w3.org/ns/prov#wasAttributedTo>",),
            "Statement-speaker",
            "witkoff-cnn-won",
        ),
        ((WON + " <http://purl.org/dc/terms/source>",), "Statement-source", "witkoff-cnn-won"),
        ((WON + " <http://purl.org/dc/terms/date>",), "Statement-date", "witkoff-cnn-won"),
        (
            (WON + " <https://w3id.org/detente/ns#evidence>",),
            "Statement-evidence",
            "witkoff-cnn-won",
        ),
        (
            ("won-concession/evidence/quote> <http://www.w3.org/ns/oa#exact>",),
            "QuoteSelector-exact",
            "quote",
        ),
        (
            ("russia-accepts-us-article-5-like-guarantee> <https://w3id.org/detente/ns#conceder>",),
            "Concession-conceder",
            "article-5",
        ),
        (
            ("ns#supports> <https://w3id.org/detente/id/" + PLEDGE,),
            "Concession-claimed",
            "no-seizure",
        ),
        ((ALASKA + " <https://schema.org/eventStatus>",), "Meeting-status", "alaska"),
        ((ALASKA + " <https://schema.org/attendee>",), "Meeting-participant", "alaska"),
        (
            ("position/putin-supports-ukraine-security> <https://w3id.org/detente/ns#stance>",),
            "Position-stance",
            "putin-supports",
        ),
        (
            ("actor/cnn> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "ns#Actor>"),
            "Statement-outlet",
            "witkoff-cnn-won",
        ),
    ],
)
def test_a_broken_graph_names_the_violation(
    seed: Corpus, needles: tuple[str, ...], shape: str, focus: str
) -> None:
    broken = _without(compile_quads(seed), *needles)
    with pytest.raises(ValidationError) as err:
        validate(broken)
    assert any(shape in v and focus in v for v in err.value.violations), err.value.violations


def test_a_wrong_concept_is_caught(seed: Corpus) -> None:
    compiled = compile_quads(seed)
    graphs = {
        n: [t.replace("meeting-status-held", "stance-supports") for t in lines]
        for n, lines in compiled.graphs.items()
    }
    with pytest.raises(ValidationError, match="Meeting-status"):
        validate(Compiled(graphs, compiled.base))


def test_seed_conforms_and_the_cache_skips_unchanged_units(seed: Corpus, tmp_path: Path) -> None:
    compiled = compile_quads(seed)
    assert validate(compiled, tmp_path) == 2
    assert validate(compiled, tmp_path) == 0
    broken = _without(compiled, WON + " <http://purl.org/dc/terms/date>")
    with pytest.raises(ValidationError):
        validate(broken, tmp_path)  # a cached pass never hides a new violation


def test_a_source_unit_alone_is_not_judged_by_registry_shapes(seed: Corpus, tmp_path: Path) -> None:
    compiled = compile_quads(seed)
    validate(compiled, tmp_path)
    edited = {
        n: [t.replace("Witkoff told CNN", "Witkoff told CNN, edited") for t in lines]
        for n, lines in compiled.graphs.items()
    }
    # only the source graph changed: it is re-validated alone, with speaker types as context
    assert validate(Compiled(edited, compiled.base), tmp_path) == 1
