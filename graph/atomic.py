"""Atomic file writes: readers see the old file or the new one, never a half-written one.

Every file detente writes goes through here: the content is written to a
temporary file in the target's folder, flushed to disk, given a normal mode,
and renamed over the target. A failure or a kill leaves the target as it was.

>>> import tempfile
>>> target = Path(tempfile.mkdtemp()) / "out" / "a.txt"
>>> write_atomic(target, b"whole")
PosixPath('...a.txt')
>>> target.read_bytes()
b'whole'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["write_atomic", "write_via"]


def write_via(path: str | os.PathLike[str], write: Callable[[str], object]) -> Path:
    """Call ``write(tmp)`` to fill a temporary file, then rename it over ``path``.

    For writers that want a file name (matplotlib, networkx); the folder is made
    if missing. Returns the target path.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        with Path(tmp).open("rb") as handle:
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)  # mkstemp makes it 0600; give it the usual mode
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns the target path."""
    return write_via(path, lambda tmp: Path(tmp).write_bytes(data))
