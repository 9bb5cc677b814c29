"""Query latencies of graph.query at 1k, 10k (and, with --large, 100k) statements.

Usage::

    .venv/bin/python benchmarks/bench_query.py            # 1k and 10k
    .venv/bin/python benchmarks/bench_query.py --large    # also 100k
    .venv/bin/python benchmarks/bench_query.py --sizes 2000,5000 --repeat 9

For each size it generates a synthetic corpus (graph.synth, fixed seed), loads
and compiles it, opens it in pyoxigraph, then prints for every view the first
call (cold: reads the registry and the claims) and the median of later calls
(warm, in process). The raw claims query through pyoxigraph is the engine's
floor. [scale] targets who-conceded-what at <= 50 ms (10k) and <= 300 ms (100k),
median, in process. Not a test: it only prints numbers.
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
from graph.engine import Iri, LocalEngine  # noqa: E402
from graph.query import Graph  # noqa: E402
from graph.registry import DET  # noqa: E402
from graph.synth import generate  # noqa: E402
from schemas.loader import load  # noqa: E402


def timed(call: Callable[[], Any], repeat: int) -> tuple[float, float, int]:
    """(first call, median of the next ``repeat`` calls) in ms, and the result size."""
    times = []
    size = 0
    for _ in range(repeat + 1):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
        size = len(result) if hasattr(result, "__len__") else 1
    return times[0], statistics.median(times[1:] or times), size


def bench(n: int, repeat: int, work: Path) -> None:
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
        f"  (load {t1 - t0:.1f} s, compile {t2 - t1:.1f} s, pyoxigraph load {t3 - t2:.2f} s)"
    )
    conceder = next(iter(sorted(corpus.concessions.values(), key=lambda c: c.id))).conceder
    topic = next(iter(sorted(corpus.topics)))
    days = sorted({s.date for s in corpus.statements.values()})
    middle = days[len(days) // 2]
    claims = (Iri(DET + "Concession"),)
    del corpus, nquads  # keep only the store, as `detente ask` does
    gc.collect()

    def fresh(method: str, **kw: Any) -> Callable[[], Any]:
        return lambda: getattr(Graph(engine), method)(**kw)

    graph = Graph(engine)
    cases: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        ("raw claims query (floor)", lambda: graph.select("claims", type=claims[0]),
         lambda: graph.select("claims", type=claims[0])),
        ("who conceded what", fresh("concessions"), graph.concessions),
        ("  --by ACTOR", fresh("concessions", by=conceder),
         lambda: graph.concessions(by=conceder)),
        ("  --status confirmed", fresh("concessions", status="confirmed"),
         lambda: graph.concessions(status="confirmed")),
        ("  --as-of mid-corpus", lambda: Graph(engine).as_of(middle).concessions(),
         lambda: graph.as_of(middle).concessions()),
        ("meetings", fresh("meetings"), graph.meetings),
        ("positions", fresh("positions"), graph.positions),
        ("statements", fresh("statements"), graph.statements),
        ("topic TOPIC", fresh("topic", name=topic), lambda: graph.topic(topic)),
    ]  # fmt: skip
    print(f"{'query':28} {'cold ms':>9} {'warm median ms':>15} {'rows':>8}")
    for label, cold_call, warm_call in cases:
        cold, _, _ = timed(cold_call, 0)
        _, warm, size = timed(warm_call, repeat)
        print(f"{label:28} {cold:9.1f} {warm:15.1f} {size:8,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="statement counts, comma-separated")
    parser.add_argument("--large", action="store_true", help="add 100k statements")
    parser.add_argument("--repeat", type=int, default=7, help="warm calls per query")
    parser.add_argument("--work", default=None, help="keep generated corpora in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.large else [])
    print(f"# graph.query latencies ({time.strftime('%Y-%m-%d')}, python {sys.version.split()[0]})")
    if args.work:
        Path(args.work).mkdir(parents=True, exist_ok=True)
        for n in sizes:
            bench(n, args.repeat, Path(args.work))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            for n in sizes:
                bench(n, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()
