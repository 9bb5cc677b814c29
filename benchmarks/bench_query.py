"""Query latencies of graph.query at 1k, 10k (and, with --large, 100k) statements.

Usage::

    .venv/bin/python benchmarks/bench_query.py            # 1k and 10k
    .venv/bin/python benchmarks/bench_query.py --large    # also 100k
    .venv/bin/python benchmarks/bench_query.py --sizes 2000,5000 --repeat 9
    .venv/bin/python benchmarks/bench_query.py --build /tmp/b10k   # a `detente build` folder

For each size it generates a synthetic corpus (graph.synth, fixed seed), loads
and compiles it and opens it in pyoxigraph (or, with ``--build``, opens what
``detente build`` wrote with :meth:`Graph.from_build`); that store-load time is
printed on its own. Then, for every view, each timed call runs on a *fresh*
``Graph`` over the same store: nothing the graph caches (registry, judged
concessions, claims) carries over from one call to the next, so every call does
the full work. Printed: the first call and the median of ``--repeat`` more, in
ms. A call on a graph that has already answered is a cache hit (0 ms) and is
never reported as a latency. The raw concession-claims queries through
pyoxigraph are the engine's floor. [scale] targets who-conceded-what at <= 50 ms
(10k) and <= 300 ms (100k), median, in process. Not a test: it only prints numbers.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.compile import compile_quads  # noqa: E402
from graph.engine import LocalEngine  # noqa: E402
from graph.query import Graph  # noqa: E402
from graph.synth import generate  # noqa: E402
from schemas.loader import load  # noqa: E402


def timed(call: Callable[[], Any], repeat: int) -> tuple[float, float, int]:
    """(first call, median of the next ``repeat`` calls) in ms, and the result size."""
    times = []
    size = 0
    for _ in range(repeat + 1):
        gc.collect()
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
        size = len(result) if hasattr(result, "__len__") else 1
    return times[0], statistics.median(times[1:] or times), size


def from_corpus(n: int, work: Path) -> LocalEngine:
    """Generate (once), load, compile and open a synthetic corpus; print the stage times."""
    folder = work / f"synth-{n}"
    if not folder.exists():
        generate(n, folder, seed=1)
    t0 = time.perf_counter()
    corpus = load(folder)
    t1 = time.perf_counter()
    nquads = compile_quads(corpus).nquads()
    t2 = time.perf_counter()
    engine = LocalEngine.from_text(nquads, "nq")
    t3 = time.perf_counter()
    print(
        f"\n## {n:,} statements: {len(engine):,} quads, {len(corpus.concessions):,} concessions"
        f"  (load {t1 - t0:.1f} s, compile {t2 - t1:.1f} s, store load {t3 - t2:.2f} s)"
    )
    return engine


def from_build(folder: Path) -> LocalEngine:
    """Open a ``detente build`` folder; print the store-load time."""
    t0 = time.perf_counter()
    graph = Graph.from_build(folder)
    t1 = time.perf_counter()
    assert isinstance(graph.engine, LocalEngine)
    print(f"\n## {folder}: {len(graph.engine):,} quads  (store load {t1 - t0:.2f} s)")
    return graph.engine


def bench(engine: LocalEngine, repeat: int) -> None:
    """Print the fresh-graph latency of every view over ``engine``."""
    gc.collect()
    probe = Graph(engine)
    rows = probe.concessions()
    conceder = min(rows, key=lambda r: r.concession).conceder.id
    topic = min(probe.registry.topics)
    days = sorted({c.date for r in rows for c in r.claims})
    middle = days[len(days) // 2]
    del probe, rows

    def fresh(method: str, **kw: Any) -> Callable[[], Any]:
        return lambda: getattr(Graph(engine), method)(**kw)

    def floor() -> list[tuple[str, ...]]:
        graph = Graph(engine)
        return graph.select("concession_supports") + graph.select("concession_denies")

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("concession claims (floor)", floor),
        ("registry", lambda: Graph(engine).registry.corpus.actors),
        ("who conceded what", fresh("concessions")),
        ("  --by ACTOR", fresh("concessions", by=conceder)),
        ("  --status confirmed", fresh("concessions", status="confirmed")),
        ("  --as-of mid-corpus", lambda: Graph(engine).as_of(middle).concessions()),
        ("meetings", fresh("meetings")),
        ("positions", fresh("positions")),
        ("statements", fresh("statements")),
        ("topic TOPIC", fresh("topic", name=topic)),
    ]
    print(f"{'query (fresh Graph per call)':30} {'first ms':>9} {'median ms':>10} {'rows':>8}")
    for label, call in cases:
        first, median, size = timed(call, repeat)
        print(f"{label:30} {first:9.1f} {median:10.1f} {size:8,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="statement counts, comma-separated")
    parser.add_argument("--large", action="store_true", help="add 100k statements")
    parser.add_argument("--repeat", type=int, default=7, help="timed calls after the first")
    parser.add_argument("--work", default=None, help="keep generated corpora in this folder")
    parser.add_argument(
        "--build", action="append", default=[], help="time a `detente build` folder instead"
    )
    args = parser.parse_args()
    print(f"# graph.query latencies ({time.strftime('%Y-%m-%d')}, python {sys.version.split()[0]})")
    if args.build:
        for folder in args.build:
            bench(from_build(Path(folder)), args.repeat)
        return
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.large else [])
    if args.work:
        Path(args.work).mkdir(parents=True, exist_ok=True)
        for n in sizes:
            bench(from_corpus(n, Path(args.work)), args.repeat)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            for n in sizes:
                bench(from_corpus(n, Path(tmp)), args.repeat)


if __name__ == "__main__":
    main()
