"""Shared fixtures: the seed corpus, the whole curated corpus, writable copies of each.

``data/`` holds the seed article and the three later reports (``data/later-reports/`` and
their files in ``data/sources/``). The *seed* is ``data/`` without the later reports: its
curated answers are what most tests pin, so they stay as they were when the later reports
were added.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schemas import Corpus, load
from tests.seed import DATA, SEED_DATA, copy_seed


@pytest.fixture(scope="session")
def seed() -> Corpus:
    """The curated seed corpus, loaded once per test session (treat as read-only)."""
    return load(SEED_DATA)


@pytest.fixture(scope="session")
def curated() -> Corpus:
    """Everything in ``data/``: the seed and the three later reports (treat as read-only)."""
    return load(DATA)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of the seed part of data/ to mutate; returns the folder (named 'data')."""
    return copy_seed(tmp_path / "data")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of all of data/ to mutate; returns the folder (named 'data')."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
