"""``detente build``: load, compile, validate and write Turtle, TriG and JSON-LD.

A build keeps what it may reuse under ``{out}/.cache`` and redoes only what
changed, so that a rebuild after editing one source file is cheap:

* ``records/`` and ``anchors.json``: each record file's validated records and
  each source's evidence anchoring, by content hash (:mod:`schemas.cache`);
* ``graphs/{key}.nt``: each source graph's compiled lines, by
  :func:`graph.compile.keys.source_keys`;
* ``shacl.json``: the units that conformed (:mod:`graph.validate.shacl`);
* ``parts.json``: where each graph's part stands in each written file (by the
  graph's name and digest), so that unchanged parts are copied from the last output
  instead of written again (only if that file is untouched since);
* ``manifest.json`` and ``context.nt``: what each input file was and defines,
  so that when only source files changed the build rereads, rechecks,
  compiles and validates just those and splices their parts into the last
  outputs (:mod:`graph.builder.incremental`); anything else takes the full path, and
  :attr:`BuildReport.path` and :attr:`BuildReport.fallback` say which and why.

Every reuse is keyed by content and by the code that made it, and the output
is byte-identical to a build without the cache (``cache=False``).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as out:
...     report = build("data", out)
...     sorted(p.name for p in report.files)
['detente.jsonld', 'detente.trig', 'detente.ttl']
"""

from __future__ import annotations

import gc
import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.builder.graphstore import GraphStore
from graph.builder.incremental import fingerprint, forget, rebuild, record
from graph.export.writers import EXTENSIONS, assemble, export_version, part
from graph.files import Generation, forget_inputs, write_atomic, write_inputs
from graph.rdf.terms import DEFAULT_BASE
from schemas.manifest import scan

if TYPE_CHECKING:  # the full path's modules load only when it runs (not for a rebuild)
    from graph.compile.compiled import Compiled

__all__ = ["DEFAULT_FORMATS", "BuildReport", "build", "output_path"]

DEFAULT_FORMATS = ("turtle", "trig", "jsonld")
"""What ``detente build`` writes: ``build/detente.ttl``, ``.trig`` and ``.jsonld``."""
_CACHE = ".cache"


@dataclass
class BuildReport:
    """What a build wrote, how big the graph is and how long each stage took (seconds)."""

    files: list[Path]
    triples: int
    graphs: int
    validated: int
    seconds: dict[str, float] = field(default_factory=dict)
    compiled: Compiled | None = field(default=None, repr=False)
    reused: int = 0
    """Source graphs whose compiled lines came from the cache."""
    path: str = "full"
    """``"incremental"`` when only edited source files were reread (:mod:`.incremental`)."""
    reread: int = 0
    """Record files read (parsed, or restored from the cache) by this build."""
    fallback: str = ""
    """Why the incremental path was not taken (empty when it was, or without a cache)."""


def output_path(out_dir: str | Path, fmt: str) -> Path:
    """Where a build puts format ``fmt``: ``{out_dir}/detente.{ext}``."""
    return Path(out_dir) / f"detente.{EXTENSIONS[fmt]}"


def build(
    data_dir: str | Path = "data",
    out_dir: str | Path = "build",
    base: str = DEFAULT_BASE,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    cache: bool = True,
    shacl: str = "fast",
) -> BuildReport:
    """Build the data folder into ``out_dir``; raises DataError or ValidationError.

    Results are cached under ``{out_dir}/.cache`` (unless ``cache`` is False);
    nothing is written unless the whole dataset conforms. ``shacl`` picks the
    validator (:data:`graph.validate.shacl.ENGINES`): ``"fast"`` checks the shapes on the
    compiled lines, ``"pyshacl"`` runs pySHACL; tests hold both to the same verdicts.
    """
    collecting = gc.isenabled()
    gc.disable()  # millions of acyclic strings; the cyclic collector's passes are wasted time
    try:
        return _build(Path(data_dir), Path(out_dir), base, formats, cache, shacl)
    finally:
        if collecting:
            gc.enable()


def _build(
    data_dir: Path, out_dir: Path, base: str, formats: tuple[str, ...], cache: bool, shacl: str
) -> BuildReport:
    clock = time.perf_counter()
    seconds: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    cache_dir = out_dir / _CACHE
    fallback = ""
    inputs = scan(data_dir)  # before anything is read: an edit during the build makes it stale
    if cache:
        done = rebuild(data_dir, out_dir, base, formats, shacl)
        if not isinstance(done, str):
            write_inputs(out_dir, inputs)
            return BuildReport(
                done.files,
                done.triples,
                done.graphs,
                done.validated,
                done.seconds,
                reused=done.graphs - 2 - done.validated,
                path="incremental",
                reread=done.reread,
            )
        fallback = done
        version = fingerprint(data_dir, base, formats, shacl)
        scanned = (time.time_ns(), scan(data_dir))  # before anything is read
        lap("incremental")
    from graph.builder.derive import snapshot_of, with_derived  # the full path: load it all
    from graph.compile.keys import source_keys
    from graph.compile.quads import compile_quads
    from graph.validate.shacl import validate
    from schemas.cache import RecordCache
    from schemas.loader import load

    records = RecordCache(cache_dir) if cache else None
    corpus = load(data_dir, cache_dir=records)
    lap("load")
    graphs = GraphStore(cache_dir / "graphs" if cache else None)
    keys = source_keys(corpus, base)
    reuse = {name: lines for name, key in keys.items() if (lines := graphs.get(key)) is not None}
    compiled = compile_quads(corpus, base, reuse)
    compiled.digests.update(keys)  # a source graph's lines are a function of its key
    lap("compile")
    validated = validate(compiled, cache_dir if cache else None, engine=shacl)
    if records is not None:  # the cache changes only once the data has passed every check
        records.flush()
    graphs.keep(compiled, keys)
    lap("validate")
    derived = with_derived(compiled)
    lap("derive")
    files = []
    parts = _Parts(cache_dir / "parts.json" if cache else None, base)
    if cache:
        forget(out_dir)  # the manifest would describe outputs about to be replaced
    forget_inputs(out_dir)  # the outputs are about to change: not fresh until recorded again
    with Generation(out_dir) as generation:  # all outputs switch together, or none does
        for fmt in formats:
            path = output_path(out_dir, fmt)
            parts.write(path, fmt, compiled, into=generation.path(path.name))
            files.append(path)
            lap(f"write {fmt}")
        published = [path.name for path in files]
        # the judged rows, for a first answer without loading the store
        for name, data in snapshot_of(derived.rows)(list(map(generation.path, published))).items():
            write_atomic(generation.path(name), data)
            published.append(name)
            lap("snapshot")
        generation.commit(published)
    write_inputs(out_dir, inputs)
    parts.save()
    if records is not None:
        record(data_dir, out_dir, version, scanned, corpus, compiled, records.digests, formats)
        lap("manifest")
    return BuildReport(
        files,
        len(compiled),
        len(compiled.graphs),
        validated,
        seconds,
        compiled,
        len(reuse),
        reread=records.hits + records.misses
        if records is not None
        else len({where.file for where in corpus.locations.values()}),
        fallback=fallback,
    )


def _checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def _slice(previous: tuple[bytes, dict[str, list[object]]], key: str) -> bytes | None:
    """The part stored under ``key`` in the last output, if it is there and intact."""
    entry = previous[1].get(key)
    if not isinstance(entry, list) or len(entry) != 3:
        return None
    start, length, checksum = entry
    if not isinstance(start, int) or not isinstance(length, int) or start < 0:
        return None
    chunk = previous[0][start : start + length]
    return chunk if _checksum(chunk) == checksum else None


class _Parts:
    """Where each graph's part stands in each written file, to copy unchanged parts from it."""

    def __init__(self, store: Path | None, base: str) -> None:
        self.store = store
        self.version = f"{export_version()} {base}"
        self.state: dict[str, dict[str, object]] = {}
        if store is not None:
            try:
                state = json.loads(store.read_text(encoding="utf-8"))
                self.state = state if isinstance(state, dict) else {}
            except (OSError, ValueError):
                self.state = {}
        self.changed = False

    def _previous(self, path: Path, fmt: str) -> tuple[bytes, dict[str, list[object]]] | None:
        entry = self.state.get(fmt)
        if (
            self.store is None
            or not isinstance(entry, dict)
            or entry.get("version") != self.version
        ):
            return None
        try:
            stat = path.stat()
            if [stat.st_size, stat.st_mtime_ns] != entry.get("stat"):
                return None  # the file changed since this build wrote it
            where = entry.get("parts")
            return (path.read_bytes(), where) if isinstance(where, dict) else None
        except OSError:
            return None

    def write(self, path: Path, fmt: str, compiled: Compiled, into: Path) -> None:
        """Write format ``fmt`` to ``into``, copying unchanged parts from ``path`` (the last)."""
        previous = self._previous(path, fmt)
        chunks: list[bytes | None] = []
        for name, lines in compiled.graphs.items():
            chunk = None
            if previous is not None:
                chunk = _slice(previous, f"{name} {compiled.digest(name)}")
            chunks.append(chunk if chunk is not None else part(compiled.base, fmt, name, lines))
        offsets: dict[str, tuple[int, int]] = {}
        write_atomic(into, assemble(compiled, fmt, chunks, offsets))
        index = {name: i for i, name in enumerate(compiled.graphs)}
        if self.store is None:
            return
        stat = into.stat()  # what `path` shows once the generation is committed
        self.state[fmt] = {
            "version": self.version,
            "stat": [stat.st_size, stat.st_mtime_ns],
            "parts": {
                f"{n} {compiled.digest(n)}": [start, length, _checksum(chunks[index[n]] or b"")]
                for n, (start, length) in offsets.items()
            },
        }
        self.changed = True

    def save(self) -> None:
        if self.store is not None and self.changed:
            write_atomic(self.store, json.dumps(self.state, sort_keys=True).encode())
