"""Benchmark the load-and-validate stage on synthetic corpora; print a table.

Usage::

    .venv/bin/python benchmarks/bench_load.py            # 1k and 10k statements
    .venv/bin/python benchmarks/bench_load.py --full     # and 100k
    .venv/bin/python benchmarks/bench_load.py --sizes 2000 --keep /tmp/corpora

Stages, each timed in this process (best of ``--repeat``), on a corpus written
by :func:`graph.synth.corpus.generate` with seed 0:

* ``naive``: PyYAML's pure-Python ``safe_load`` of every record file, then
  ``model_validate`` per record: no lines, no cross-checks, no anchoring (the
  issue's naive baseline for this stage);
* ``libyaml``: ``CSafeLoader`` ``safe_load`` of every file, nothing else (the
  YAML floor);
* ``load``: :func:`schemas.loader.load` without a cache (cold);
* ``load+store``: the same, writing a fresh cache;
* ``warm``: with that cache, nothing changed;
* ``touch1``: with that cache, after editing one source file.

``ratio`` is each figure divided by ``naive`` at the same size: the machine is
noisy, ratios within one run are what to compare.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from graph.synth.corpus import generate  # noqa: E402
from schemas.corpus import SECTIONS  # noqa: E402
from schemas.loader import load  # noqa: E402
from schemas.models import Source, Statement  # noqa: E402


def _timed(run: Callable[[], Any], repeat: int, before: Callable[[], None] | None = None) -> float:
    best = float("inf")
    for _ in range(repeat):
        if before is not None:
            before()
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def naive_records(root: Path, loader: type[Any]) -> int:
    """The naive load: PyYAML with ``loader``, then pydantic per record (CSafeLoader: parse only).

    Shared with ``bench_build.py``, whose naive pipeline starts with it.
    """
    count = 0
    for file in sorted(root.rglob("*.yaml")):
        tree = yaml.load(file.read_text(encoding="utf-8"), Loader=loader)
        if loader is yaml.CSafeLoader:
            continue
        if "source" in tree:
            Source.model_validate(tree["source"])
        for name, model in SECTIONS.items():
            for item in tree.get(name) or []:
                if model is Statement and "source" not in item:
                    item = {**item, "source": tree["source"]["id"]}
                model.model_validate(item)
                count += 1
    return count


def bench(size: int, folder: Path, repeat: int) -> list[tuple[str, int, float]]:
    data = folder / f"synth-{size}"
    if not data.exists():
        generate(size, data, seed=0)
    cache = folder / f"cache-{size}"
    touched = sorted((data / "sources").glob("*.yaml"))[
        len(list((data / "sources").glob("*.yaml"))) // 2
    ]
    original = touched.read_text(encoding="utf-8")

    def fresh_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def touch() -> None:
        load(data, cache_dir=cache)  # make sure the cache is complete and current
        flip = "# touched\n" if not touched.read_text(encoding="utf-8").startswith("#") else ""
        touched.write_text(flip + original, encoding="utf-8")

    rows = [
        ("naive", _timed(lambda: naive_records(data, yaml.SafeLoader), 1)),
        ("libyaml", _timed(lambda: naive_records(data, yaml.CSafeLoader), repeat)),
        ("load", _timed(lambda: load(data), repeat)),
        ("load+store", _timed(lambda: load(data, cache_dir=cache), repeat, fresh_cache)),
        ("warm", _timed(lambda: load(data, cache_dir=cache), repeat)),
        ("touch1", _timed(lambda: load(data, cache_dir=cache), repeat, touch)),
    ]
    touched.write_text(original, encoding="utf-8")
    return [(stage, size, seconds) for stage, seconds in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="also run 100k statements")
    parser.add_argument("--sizes", type=int, nargs="*", help="statement counts to run instead")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many (default 3)")
    parser.add_argument("--keep", type=Path, help="folder to keep generated corpora in")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([1_000, 10_000, 100_000] if args.full else [1_000, 10_000])
    folder = args.keep or Path(tempfile.mkdtemp(prefix="detente-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'stage':<12}{'N':>9}{'seconds':>10}{'ratio':>8}")
    try:
        for size in sizes:
            rows = bench(size, folder, args.repeat)
            naive = rows[0][2]
            for stage, n, seconds in rows:
                print(f"{stage:<12}{n:>9,}{seconds:>10.3f}{seconds / naive:>8.3f}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
