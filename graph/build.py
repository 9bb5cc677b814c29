"""``detente build``: load, compile, validate and write Turtle, TriG and JSON-LD.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as out:
...     report = build("data", out)
...     sorted(p.name for p in report.files)
['detente.jsonld', 'detente.trig', 'detente.ttl']
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.compile import Compiled, compile_quads
from graph.export import EXTENSIONS, serialize, write_atomic
from graph.namespaces import DEFAULT_BASE
from graph.shacl import validate
from schemas.load import load

__all__ = ["DEFAULT_FORMATS", "BuildReport", "build", "output_path"]

DEFAULT_FORMATS = ("turtle", "trig", "jsonld")
"""What ``detente build`` writes: ``build/detente.ttl``, ``.trig`` and ``.jsonld``."""


@dataclass
class BuildReport:
    """What a build wrote, how big the graph is and how long each stage took (seconds)."""

    files: list[Path]
    triples: int
    graphs: int
    validated: int
    seconds: dict[str, float] = field(default_factory=dict)
    compiled: Compiled | None = field(default=None, repr=False)


def output_path(out_dir: str | Path, fmt: str) -> Path:
    """Where a build puts format ``fmt``: ``{out_dir}/detente.{ext}``."""
    return Path(out_dir) / f"detente.{EXTENSIONS[fmt]}"


def build(
    data_dir: str | Path = "data",
    out_dir: str | Path = "build",
    base: str = DEFAULT_BASE,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
) -> BuildReport:
    """Build the data folder into ``out_dir``; raises DataError or ValidationError.

    SHACL results are cached under ``{out_dir}/.cache``; nothing is written
    unless the whole dataset conforms.
    """
    clock = time.perf_counter()
    seconds: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    corpus = load(data_dir)
    lap("load")
    compiled = compile_quads(corpus, base)
    lap("compile")
    validated = validate(compiled, Path(out_dir) / ".cache")
    lap("validate")
    files = []
    for fmt in formats:
        path = output_path(out_dir, fmt)
        write_atomic(path, serialize(compiled, fmt))
        files.append(path)
        lap(f"write {fmt}")
    return BuildReport(files, len(compiled), len(compiled.graphs), validated, seconds, compiled)
