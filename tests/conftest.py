"""Shared fixtures: the seed corpus, and a writable copy of the seed data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schemas import Corpus, load

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def seed() -> Corpus:
    """The curated seed corpus, loaded once per test session (treat as read-only)."""
    return load(DATA)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of data/ to mutate; returns the copied folder (named 'data')."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
