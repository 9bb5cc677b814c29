"""SHACL: the shapes catch a broken graph and name the rule; validation is cached per unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.compile.compiled import Compiled
from graph.compile.quads import compile_quads
from graph.validate.fast import UnsupportedError, rules
from graph.validate.shacl import _units, check, check_fast, validate
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


BROKEN = [
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
]


@pytest.mark.parametrize(("needles", "shape", "focus"), BROKEN)
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


def _both_engines(compiled: Compiled) -> tuple[list[str], list[str]]:
    units = dict(_units(compiled))
    registry = [u for name, u in units.items() if name.endswith("/graph/registry")]
    sources = [u for name, u in units.items() if not name.endswith("/graph/registry")]
    fast = check_fast(registry, compiled.base, registry=True)
    fast += check_fast(sources, compiled.base)
    slow = check(registry, compiled.base, registry=True) + check(sources, compiled.base)
    return [str(v) for v in fast], [str(v) for v in slow]


_ILL_TYPED = (
    '"2025-08-15"^^<http://www.w3.org/2001/XMLSchema#date>',
    '"2025-02-30"^^<http://www.w3.org/2001/XMLSchema#date>',
)


@pytest.mark.parametrize(
    "broken",
    [pytest.param(needles, id=shape) for needles, shape, _ in BROKEN]
    + [pytest.param("concept", id="wrong-concept"), pytest.param("date", id="ill-typed-date")],
)
def test_the_fast_checks_report_what_pyshacl_reports(
    seed: Corpus, broken: tuple[str, ...] | str
) -> None:
    compiled = compile_quads(seed)
    if broken == "concept":
        old, new = "meeting-status-held", "stance-supports"
    elif broken == "date":
        old, new = _ILL_TYPED
    if isinstance(broken, str):
        graphs = {n: [t.replace(old, new) for t in ls] for n, ls in compiled.graphs.items()}
        compiled = Compiled(graphs, compiled.base)
    else:
        compiled = _without(compiled, *broken)
    fast, slow = _both_engines(compiled)
    assert fast == slow
    assert fast  # each case breaks at least one shape


def test_both_engines_pass_the_seed_and_validate_takes_either(seed: Corpus) -> None:
    compiled = compile_quads(seed)
    assert _both_engines(compiled) == ([], [])
    broken = _without(compiled, WON + " <http://purl.org/dc/terms/date>")
    for engine in ("fast", "pyshacl"):
        with pytest.raises(ValidationError, match="Statement-date"):
            validate(broken, engine=engine)


@pytest.mark.parametrize(
    "extra",
    ["sh:minLength 3", "sh:in ( det:a det:b )", "sh:node dsh:Evidence", 'sh:flags "i"'],
)
def test_shapes_beyond_the_fast_checks_are_refused(extra: str) -> None:
    from importlib.resources import files

    text = files("schemas").joinpath("shapes.ttl").read_text(encoding="utf-8")
    assert rules(text)  # the shapes as shipped are covered
    changed = text.replace("    sh:minCount 1 ;", f"    sh:minCount 1 ;\n    {extra} ;", 1)
    with pytest.raises(UnsupportedError):
        rules(changed)
