"""The seed part of ``data/`` as a folder of its own, for tests that pin the seed's answers.

``data/`` holds the seed article and three later reports (``data/later-reports/`` and
their files in ``data/sources/``). :data:`SEED_DATA` is ``data/`` without them, copied
once per test process into a temporary folder named ``data`` (so problems still read
``data/...``) and removed at exit.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

__all__ = ["DATA", "LATER_REPORTS", "SEED_DATA", "copy_seed"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
LATER_REPORTS = (
    "later-reports",
    "2025-09-04_coalition-paris.*",
    "2025-11-22_npr-28-point-plan.*",
    "2025-12-16_digest-berlin.*",
)
"""What of ``data/`` the later reports added (folders and file patterns, at any depth)."""


def copy_seed(target: Path) -> Path:
    """Copy the seed part of ``data/`` to ``target`` (a folder to create); returns it."""
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(*LATER_REPORTS))
    return target


def _seed_folder() -> Path:
    top = Path(tempfile.mkdtemp(prefix="detente-seed-"))
    atexit.register(shutil.rmtree, top, True)
    return copy_seed(top / "data")


SEED_DATA = _seed_folder()
"""A read-only copy of the seed (treat as read-only; copy it to change it)."""
