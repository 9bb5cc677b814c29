"""Query latencies of graph.ask.graph at 1k, 10k (and, with --large, 100k) statements.

Usage::

    .venv/bin/python benchmarks/bench_query.py            # 1k and 10k
    .venv/bin/python benchmarks/bench_query.py --large    # also 100k
    .venv/bin/python benchmarks/bench_query.py --sizes 2000,5000 --repeat 9
    .venv/bin/python benchmarks/bench_query.py --build /tmp/b10k   # a `detente build` folder

For each size it generates a synthetic corpus (graph.synth.corpus, fixed seed), loads
and compiles it and opens it in pyoxigraph (or, with ``--build``, opens what
``detente build`` wrote with :meth:`Graph.from_build`); that store-load time is
printed on its own. Then, for every view, on a store opened for that view alone:

* ``cold``: the first answer on the new store: every named query is evaluated
  by pyoxigraph, then the rows are judged;
* ``median``: the median of ``--repeat`` more answers, each on a *fresh*
  ``Graph`` over that store. A local store never changes, so the engine keeps
  the rows each query returned (:class:`graph.ask.engine.LocalEngine`) and what
  follows from the store alone (the registry of actors, sources and topics, and
  what each record is about, :func:`graph.ask.subjects.subjects`, and the concession
  claims, each judged for the conceder's side on its date); the answer itself
  (derived status, answer words, counts, filters, as-of dates, rows) is worked out
  again on every call.
  Nothing a ``Graph`` keeps carries over to the next call.

With ``--build``, the first row is ``first answer``: :meth:`Graph.from_build` and who
conceded what, from scratch on every call. With the build's answer snapshot
(:mod:`graph.ask.snapshot`) that is the whole cost a reader pays for the first answer
of a fresh build: no store is loaded and no status pass runs. The other rows then run
on the build's store without the snapshot, judged at query time.

``claims SPARQL (pyoxigraph)`` is the two concession-claim queries evaluated by
pyoxigraph alone, rows read as CSV, every time (nothing kept): the cold floor.
The targets: who-conceded-what at <= 50 ms (10k) and <= 300 ms (100k),
median, in process; the first answer from a built folder <= 60 ms (10k) and <= 600 ms
(100k); history and tensions <= 100 ms median at 10k. Not a test: it only prints numbers.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.ask.engine import LocalEngine  # noqa: E402
from graph.ask.graph import Graph, query_text  # noqa: E402
from graph.compile.quads import compile_quads  # noqa: E402
from graph.files import build_file  # noqa: E402
from graph.synth.corpus import generate  # noqa: E402
from schemas.loader import load  # noqa: E402

Ask = Callable[[LocalEngine], Any]


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


Opener = Callable[[], LocalEngine]


def from_corpus(n: int, work: Path) -> Opener:
    """Generate (once), load and compile a synthetic corpus; print the stage times.

    Returns what opens a new store over its quads (each call loads one).
    """
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
    return lambda: LocalEngine.from_text(nquads, "nq")


def from_build(folder: Path, repeat: int) -> Opener:
    """A ``detente build`` folder; print the first answer from it and its store-load time.

    ``first answer`` opens the folder with :meth:`Graph.from_build` and asks who
    conceded what, every call from scratch: with the build's answer snapshot
    (:mod:`graph.ask.snapshot`) no store is loaded and no status pass runs. The views
    below then run on the build's store, loaded up front and without the snapshot,
    so that every answer is judged at query time as over a corpus.
    """
    found = build_file(folder)
    if found is None:
        raise SystemExit(f"{folder} holds no build")
    cold, median, size = timed(lambda: Graph.from_build(folder).concessions(), repeat)
    lazy = Graph.from_build(folder).engine
    snapshot = isinstance(lazy, LocalEngine) and lazy.kept("answers") is not None
    t0 = time.perf_counter()
    engine = LocalEngine.from_files([found])
    t1 = time.perf_counter()
    print(f"\n## {folder}: {len(engine):,} quads  (store load {t1 - t0:.2f} s)")
    label = "first answer (snapshot)" if snapshot else "first answer (no snapshot)"
    print(f"{'query':30} {'cold ms':>9} {'median ms':>10} {'rows':>8}")
    print(f"{label:30} {cold:9.1f} {median:10.1f} {size:8,}")
    return lambda: LocalEngine.from_files([found])


def bench(open_engine: Opener, repeat: int) -> None:
    """Print, for every view, the cold answer and the median fresh-graph answer (ms)."""
    probe = Graph(open_engine())
    rows = probe.concessions()
    conceder = min(rows, key=lambda r: r.concession).conceder.id
    topic = min(probe.registry.topics)
    days = sorted({c.date for r in rows for c in r.claims})
    middle = days[len(days) // 2]
    del probe, rows

    def fresh(method: str, **kw: Any) -> Ask:
        return lambda engine: getattr(Graph(engine), method)(**kw)

    def floor(engine: LocalEngine) -> list[bytes | None]:
        # pyoxigraph alone: evaluate the two claim queries, read the rows as CSV (never kept)
        out: list[bytes | None] = []
        for name in ("concession_supports", "concession_denies"):
            solutions = engine.store.query(query_text(name))
            assert isinstance(solutions, ox.QuerySolutions)
            out.append(solutions.serialize(format=ox.QueryResultsFormat.CSV))
        return out

    cases: list[tuple[str, Ask]] = [
        ("registry", lambda engine: Graph(engine).registry.corpus.actors),
        ("who conceded what", fresh("concessions")),
        ("  --by ACTOR", fresh("concessions", by=conceder)),
        ("  --status confirmed", fresh("concessions", status="confirmed")),
        ("  --as-of mid-corpus", lambda engine: Graph(engine).as_of(middle).concessions()),
        ("meetings", fresh("meetings")),
        ("positions", fresh("positions")),
        ("statements", fresh("statements")),
        ("topic TOPIC", fresh("topic", name=topic)),
        ("history TOPIC", fresh("history", name=topic)),
        ("history ACTOR", fresh("history", name=conceder)),
        ("tensions", fresh("tensions")),
    ]
    print(f"{'query':30} {'cold ms':>9} {'median ms':>10} {'rows':>8}")
    engine = open_engine()
    cold, median, _ = timed(lambda: floor(engine), repeat)
    print(f"{'claims SPARQL (pyoxigraph)':30} {cold:9.1f} {median:10.1f} {'':>8}")
    for label, ask in cases:
        engine = open_engine()  # a store that has answered nothing yet
        cold, median, size = timed(partial(ask, engine), repeat)
        shown = "kept" if label == "registry" else f"{median:.1f}"  # read once per store
        print(f"{label:30} {cold:9.1f} {shown:>10} {size:8,}")


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
    print(f"# graph.ask latencies ({time.strftime('%Y-%m-%d')}, python {sys.version.split()[0]})")
    if args.build:
        for folder in args.build:
            bench(from_build(Path(folder), args.repeat), args.repeat)
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
