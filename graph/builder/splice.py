"""Write new outputs from the last ones: unchanged parts copied in the kernel, new parts added.

``detente build`` writes every format one named graph at a time
(:func:`graph.export.writers.part`) and keeps, in ``{out}/.cache/parts.json``, where
each graph's part stands in each file. After an incremental rebuild
(:mod:`graph.builder.incremental`) only a few graphs are new: :func:`splice` writes
each format as the last output's bytes (``os.copy_file_range``: no copy
through Python, and none at all on file systems that share extents) with the
new parts put in, in graph order, into a new generation
(:class:`graph.files.Generation`). The result is the document a cold build
writes, because parts join to exactly that (:func:`graph.export.writers.assemble`).

>>> plan: list[Piece] = [(0, 10)]
>>> _add(plan, (10, 5)); _add(plan, b"new"); _add(plan, (40, 2))
>>> plan
[(0, 15), b'new', (40, 2)]
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.export.writers import EXTENSIONS, SEPARATORS, export_version, part
from graph.files import Generation, write_atomic, write_via

__all__ = ["Piece", "Plan", "output_stat", "splice"]

_PARTS = "parts.json"

Piece = tuple[int, int] | bytes
"""A stretch of a new output: ``(start, length)`` in the last output, or new bytes."""


def splice(
    cache: Path,
    out_dir: Path,
    base: str,
    formats: tuple[str, ...],
    fixed: list[list[Any]],
    old: dict[str, list[Any]],
    new: dict[str, list[Any]],
    lines: dict[str, list[str]],
    seen: dict[str, Any],
    *,
    fixed_now: list[list[Any]] | None = None,
    extra: Callable[[list[Path]], dict[str, bytes]] | None = None,
) -> dict[str, list[int]] | str:
    """Write each format: the last output's parts where unchanged, new parts where not.

    ``fixed`` are the registry and vocabulary graphs (name, digest, triples);
    ``old`` and ``new`` the source graphs before and after (name -> sid,
    digest, triples); ``lines`` the lines of every graph not in the last
    output; ``seen`` each output's stat (size, mtime, ctime, inode) as the
    caller's manifest has it. Returns each new output's stat once written (and
    ``parts.json`` updated), or why the last output cannot be used: then
    nothing was written. The output folder's lock is held throughout, so
    another build cannot switch the outputs in between. ``fixed_now`` are the
    build-made graphs after the edit when one of them changed (the derived facts:
    its new lines are in ``lines``); ``extra`` gives further files to publish with
    the outputs (name -> bytes), from the paths of the outputs it wrote.
    """
    with Generation(out_dir) as generation:
        planned = _plan(
            cache, out_dir, base, formats, (fixed, fixed_now or fixed), old, new, lines, seen
        )
        if isinstance(planned, str):
            return planned
        plans, entries, state, version = planned
        names = []
        for fmt, (path, plan) in plans.items():
            name = f"detente.{EXTENSIONS[fmt]}"
            write_via(generation.path(name), _writer(path, plan))
            names.append(name)
        if extra is not None:
            for name, data in extra([generation.path(n) for n in names]).items():
                write_atomic(generation.path(name), data)
                names.append(name)
        generation.commit(names)
        stats: dict[str, list[int]] = {}
        for fmt in plans:
            now = output_stat(out_dir / f"detente.{EXTENSIONS[fmt]}")
            if now is None:
                raise OSError(f"detente.{EXTENSIONS[fmt]} vanished as it was published")
            stats[fmt] = now
            state[fmt] = {"version": version, "stat": now[:2], "parts": entries[fmt]}
        write_atomic(cache / _PARTS, json.dumps(state, sort_keys=True).encode())
    return stats


Plan = tuple[
    dict[str, tuple[Path, list[Piece]]], dict[str, dict[str, list[Any]]], dict[str, Any], str
]


def _plan(
    cache: Path,
    out_dir: Path,
    base: str,
    formats: tuple[str, ...],
    fixed: tuple[list[list[Any]], list[list[Any]]],
    old: dict[str, list[Any]],
    new: dict[str, list[Any]],
    lines: dict[str, list[str]],
    seen: dict[str, Any],
) -> Plan | str:
    """What to write for each format (see :func:`splice`), or why the last output won't do.

    ``fixed`` are the build-made graphs as the last output has them, then as the new one.
    """
    for fmt in formats:
        if output_stat(out_dir / f"detente.{EXTENSIONS[fmt]}") != seen.get(fmt):
            return "an output file changed since the last build"
    try:
        state = json.loads((cache / _PARTS).read_bytes())
    except (OSError, ValueError):
        return "no usable parts.json"
    version = f"{export_version()} {base}"
    was, now = fixed
    order = [(n, d) for n, d, _ in now]
    order += [(n, new[n][1]) for n in sorted(new, key=lambda n: new[n][0])]
    wanted = {(n, d) for n, d, _ in was} | {(n, g[1]) for n, g in old.items()}
    plans: dict[str, tuple[Path, list[Piece]]] = {}
    entries: dict[str, dict[str, list[Any]]] = {}
    for fmt in formats:
        entry = state.get(fmt) if isinstance(state, dict) else None
        if not isinstance(entry, dict) or entry.get("version") != version:
            return f"parts.json does not describe {fmt}"
        path = (out_dir / f"detente.{EXTENSIONS[fmt]}").resolve()
        where: dict[tuple[str, str], list[Any]] = {}
        for key, spot in entry.get("parts", {}).items():
            name, _, digest = key.rpartition(" ")
            where[(name, digest)] = spot
        stat = output_stat(path)
        if set(where) != wanted or stat is None or stat[:2] != entry.get("stat"):
            return f"{path.name} does not match parts.json"
        sep = SEPARATORS[fmt]
        if not _joined_by(path, sorted(where.values(), key=lambda s: int(s[0])), sep, stat[0]):
            return f"{path.name}: parts are not joined as expected"
        first = min(int(s[0]) for s in where.values())
        plan: list[Piece] = []
        _add(plan, (0, first))
        kept: dict[str, list[Any]] = {}
        at = first
        for i, (name, digest) in enumerate(order):
            spot = where.get((name, digest))
            if i and sep:
                last = plan[-1]
                gap = last[0] + last[1] if isinstance(last, tuple) else -1
                joins = spot is not None and gap + len(sep) == spot[0]  # the sep stands there
                _add(plan, (gap, len(sep)) if joins else sep)
                at += len(sep)
            if spot is not None:
                _add(plan, (spot[0], spot[1]))
                kept[f"{name} {digest}"] = [at, spot[1], spot[2]]
                at += spot[1]
                continue
            made = part(base, fmt, name, lines[name])
            if not made:
                return f"{fmt}: graph {name} needs the one-pass writer"
            plan.append(made)
            kept[f"{name} {digest}"] = [at, len(made), hashlib.sha256(made).hexdigest()[:32]]
            at += len(made)
        end = max(int(s[0]) + int(s[1]) for s in where.values())
        _add(plan, (end, stat[0] - end))
        plans[fmt], entries[fmt] = (path, plan), kept
    return plans, entries, state, version


def output_stat(path: Path) -> list[int] | None:
    """Size, mtime, ctime (ns) and inode of ``path`` (links followed), or None if it is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _add(plan: list[Piece], piece: Piece) -> None:
    """Append ``piece``, merging a stretch of the last output with the one it continues."""
    last = plan[-1] if plan else None
    if isinstance(piece, tuple) and not piece[1]:
        return
    if isinstance(piece, tuple) and isinstance(last, tuple) and last[0] + last[1] == piece[0]:
        plan[-1] = (last[0], last[1] + piece[1])
    elif piece:
        plan.append(piece)


def _joined_by(path: Path, spots: list[list[Any]], sep: bytes, size: int) -> bool:
    """True when consecutive parts of ``path`` stand ``sep`` apart, all inside the file."""
    if not spots or int(spots[-1][0]) + int(spots[-1][1]) > size:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        for a, b in itertools.pairwise(spots):
            gap = a[0] + a[1]
            if b[0] - gap != len(sep) or (sep and os.pread(fd, len(sep), gap) != sep):
                return False
    finally:
        os.close(fd)
    return True


def _writer(source: Path, plan: list[Piece]) -> Callable[[str], None]:
    """Write ``plan`` to a file: new bytes as they are, the rest copied in the kernel."""

    def write(tmp: str) -> None:
        src = os.open(source, os.O_RDONLY)
        dst = os.open(tmp, os.O_WRONLY | os.O_TRUNC)
        try:
            for piece in plan:
                if isinstance(piece, bytes):
                    view = memoryview(piece)
                    while view:
                        view = view[os.write(dst, view) :]
                else:
                    _copy(src, dst, *piece)
        finally:
            os.close(src)
            os.close(dst)

    return write


def _copy(src: int, dst: int, start: int, length: int) -> None:
    """``length`` bytes of ``src`` from ``start`` to the end of ``dst``."""
    end = start + length
    try:
        while start < end:
            done = os.copy_file_range(src, dst, end - start, start)
            if done == 0:
                raise OSError(f"{end - start} bytes short")
            start += done
    except OSError as err:  # no copy_file_range here: read and write
        if not start < end or isinstance(err, FileNotFoundError):
            raise
        while start < end:
            chunk = os.pread(src, min(end - start, 1 << 24), start)
            if not chunk:
                raise OSError("the last output is shorter than parts.json says") from err
            view = memoryview(chunk)
            while view:
                view = view[os.write(dst, view) :]
            start += len(chunk)
