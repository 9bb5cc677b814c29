"""SHACL on the later reports' records: each new shape fires, and both engines agree.

Each case drops some lines from the compiled ``data/`` (the seed and the three later
reports) and names the shape that must then report a violation on the focus node.
"""

from __future__ import annotations

import pytest

from graph.compile.compiled import Compiled
from graph.compile.quads import compile_quads
from graph.validate.shacl import _units, check, check_fast, validate
from schemas import Corpus
from schemas.errors import ValidationError

DET = "<https://w3id.org/detente/ns#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PROVISION = "provision/us-28-point-plan-cede-donbas>"
PLAN = "proposal/us-28-point-plan>"
PLEDGE = "commitment/twenty-six-nations-pledge-guarantees>"
MERZ = "response/merz-welcomes-us-offer>"
CASES = [
    ((PROVISION + f" {DET}pointsTo>",), "Provision-points-to", "cede-donbas"),
    ((PROVISION + " <https://schema.org/description>",), "Provision-summary", "cede-donbas"),
    ((f"{DET}supports> <https://w3id.org/detente/id/" + PROVISION,), "Provision-claimed",
     "cede-donbas"),
    ((PLAN + " <http://purl.org/dc/terms/title>",), "Proposal-title", "28-point"),
    ((PLAN + f" {DET}proposalKind>",), "Proposal-kind", "28-point"),
    ((PLEDGE + f" {DET}committer>",), "Commitment-committer", "twenty-six"),
    ((PLEDGE + f" {DET}modality>",), "Commitment-modality", "twenty-six"),
    ((MERZ + f" {DET}respondsTo>",), "Response-responds-to", "merz"),
    (("proposal/us-berlin-security-package> " + TYPE,), "Response-responds-to", "merz"),
    (("actor/wall-street-journal> " + TYPE, "ns#Actor>"), "Statement-via", "nato-style"),
    (("concession/ukraine-withdraws-from-donetsk> " + TYPE,), "Statement-supports", "donetsk"),
]  # fmt: skip


def _without(compiled: Compiled, *needles: str) -> Compiled:
    graphs = {
        name: [t for t in lines if not all(n in t for n in needles)]
        for name, lines in compiled.graphs.items()
    }
    return Compiled(graphs, compiled.base)


@pytest.mark.parametrize(("needles", "shape", "focus"), CASES)
def test_a_broken_record_names_its_shape(
    curated: Corpus, needles: tuple[str, ...], shape: str, focus: str
) -> None:
    broken = _without(compile_quads(curated), *needles)
    with pytest.raises(ValidationError) as err:
        validate(broken)
    assert any(shape in v and focus in v for v in err.value.violations), err.value.violations


@pytest.mark.parametrize(("needles", "shape"), [(n, s) for n, s, _ in CASES])
def test_the_fast_checks_agree_with_pyshacl(
    curated: Corpus, needles: tuple[str, ...], shape: str
) -> None:
    units = dict(_units(_without(compile_quads(curated), *needles)))
    registry = [u for name, u in units.items() if name.endswith("/graph/registry")]
    sources = [u for name, u in units.items() if not name.endswith("/graph/registry")]
    base = compile_quads(curated).base
    fast = check_fast(registry, base, registry=True) + check_fast(sources, base)
    slow = check(registry, base, registry=True) + check(sources, base)
    assert sorted(map(str, fast)) == sorted(map(str, slow))
    assert any(shape in str(v) for v in fast)


def test_the_curated_data_conforms(curated: Corpus) -> None:
    validate(compile_quads(curated))


ART5 = "concession/russia-accepts-us-article-5-like-guarantee>"
PLACED = [(PLEDGE, "Commitment-placement", "twenty-six"), (ART5, "Concession-placement", "article-5")]


def _edit_placement(compiled: Compiled, subject: str, edit: str) -> Compiled:
    """The placement of ``subject`` replaced by a concept of another scheme, or given twice."""

    def lines(t: str) -> list[str]:
        if not (subject in t and f"{DET}placement>" in t):
            return [t]
        if edit == "other-scheme":
            return [t.replace("vocab/placement-inferred", "vocab/modality-made")]
        return [t, t.replace("placement-inferred", "placement-stated")]

    graphs = {name: [x for t in ts for x in lines(t)] for name, ts in compiled.graphs.items()}
    return Compiled(graphs, compiled.base)


@pytest.mark.parametrize("edit", ["other-scheme", "twice"])
@pytest.mark.parametrize(("subject", "shape", "focus"), PLACED)
def test_a_placement_outside_its_scheme_or_given_twice_is_caught(
    curated: Corpus, subject: str, shape: str, focus: str, edit: str
) -> None:
    compiled = compile_quads(curated)
    broken = _edit_placement(compiled, subject, edit)
    assert broken.graphs != compiled.graphs
    with pytest.raises(ValidationError) as err:
        validate(broken)
    assert any(shape in v and focus in v for v in err.value.violations), err.value.violations
    units = dict(_units(broken))
    registry = [u for name, u in units.items() if name.endswith("/graph/registry")]
    fast = check_fast(registry, compiled.base, registry=True)
    assert sorted(map(str, fast)) == sorted(map(str, check(registry, compiled.base, registry=True)))
