"""Compiled source graphs kept between builds: ``{out}/.cache/graphs/{key}.nt``, one per key.

A source graph's lines are a function of its key (:func:`graph.compile.keys.source_keys`),
so a build reuses the lines of every source whose key it has stored, and an
incremental rebuild (:mod:`graph.builder.incremental`) reads the lines of the
sources it did not reread from here when it must work out the derived facts again.
Each file starts with the SHA-256 of its body; a damaged file is a miss.

>>> import tempfile
>>> from graph.compile.compiled import Compiled
>>> store = GraphStore(Path(tempfile.mkdtemp()))
>>> store.keep(Compiled({"g": ["<a> <b> <c>"]}), {"g": "k1"})
>>> store.get("k1"), store.get("k2")
(['<a> <b> <c>'], None)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.compile.compiled import Compiled

__all__ = ["GraphStore"]


class GraphStore:
    """Compiled lines of source graphs, one ``{key}.nt`` file each (None: no cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.damaged: set[str] = set()

    def get(self, key: str) -> list[str] | None:
        """The lines stored under ``key``, or None (absent or damaged: its checksum differs)."""
        if self.folder is None:
            return None
        try:
            data = (self.folder / f"{key}.nt").read_bytes()
        except OSError:
            return None
        checksum, _, body = data.partition(b"\n")
        if checksum != hashlib.sha256(body).hexdigest().encode():
            self.damaged.add(key)  # rewritten by keep(), or it would never be hit again
            return None
        return body.decode("utf-8").split("\n") if body else []

    def keep(self, compiled: Compiled, keys: dict[str, str]) -> None:
        """Store the graphs not stored yet and drop the files no graph uses any more."""
        if self.folder is None:
            return
        try:
            stored = {p.stem for p in self.folder.glob("*.nt")} if self.folder.is_dir() else set()
            self.add({key: compiled.graphs[name] for name, key in keys.items()
                      if key not in stored or key in self.damaged})  # fmt: skip
            for stale in stored - set(keys.values()):
                (self.folder / f"{stale}.nt").unlink(missing_ok=True)
        except OSError:
            return

    def add(self, lines: dict[str, list[str]]) -> None:
        """Store each key's lines (no file is dropped); a failure to write is only a miss later."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for key, graph in lines.items():
                body = "\n".join(graph).encode("utf-8")
                tmp = self.folder / f".{key}.{os.getpid()}.tmp"
                tmp.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
                tmp.replace(self.folder / f"{key}.nt")
        except OSError:
            return
