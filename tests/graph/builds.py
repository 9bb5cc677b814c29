"""Shared by the build tests: the files a build writes, and synthetic corpora to build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.synth.corpus import generate

OUTPUTS = ("detente.ttl", "detente.trig", "detente.jsonld")


def read_outputs(folder: Path) -> dict[str, bytes]:
    """Each output file of a build folder, by name, as bytes."""
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def synth_corpus(factory: pytest.TempPathFactory, statements: int, seed: int) -> Path:
    """A synthetic data folder of ``statements`` statements (:func:`graph.synth.corpus.generate`)."""
    out = factory.mktemp("synth") / "corpus"
    generate(statements, out, seed=seed)
    return out


def copy_of(corpus: Path, tmp_path: Path) -> Path:
    """A copy of ``corpus`` at ``tmp_path / "data"``, for a test to edit."""
    target = tmp_path / "data"
    shutil.copytree(corpus, target)
    return target
