"""Corpus rules (schemas.corpus) over the seed and a synthetic corpus."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from schemas.corpus import Corpus
from schemas.loader import load

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    from graph.synth.corpus import generate

    folder = tmp_path_factory.mktemp("synth") / "data"
    generate(400, folder, seed=5)
    return load(folder)


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_speaks_for_never_leaves_the_affiliation_closure(which: str, synthetic: Corpus) -> None:
    corpus = load(ROOT / "data") if which == "seed" else synthetic
    days = sorted({s.date for s in corpus.statements.values()})
    speakers = sorted({s.speaker for s in corpus.statements.values()} | set(corpus.actors))
    said = linked = 0
    for speaker, actor in itertools.product(speakers[:60], sorted(corpus.actors)):
        closure = corpus.affiliation_closure(speaker)
        assert speaker in closure
        for day in (days[0], days[len(days) // 2], days[-1]):
            if corpus.speaks_for(speaker, actor, day):
                said += 1
                assert actor in closure
        linked += actor in closure and actor != speaker
    assert said and linked  # the corpus has affiliations to follow


def test_affiliation_closure_follows_chains_on_any_date() -> None:
    seed = load(ROOT / "data")
    assert seed.affiliation_closure("vladimir-putin") == {"vladimir-putin", "russia"}
    assert seed.affiliation_closure("no-such-actor") == {"no-such-actor"}
