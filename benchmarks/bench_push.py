"""Push a synthetic corpus to Oxigraph and Virtuoso: times, and per-graph counts against local.

Usage::

    .venv/bin/python benchmarks/bench_push.py                    # 10k statements
    .venv/bin/python benchmarks/bench_push.py --statements 2000 --repeat 5

It writes a corpus with ``detente synth --statements N --out DIR``, compiles it
once (the local build's graphs), then for each store, started fresh on
127.0.0.1 from a temporary folder (``oxigraph serve``, the one ``detente serve``
runs; ``virtuoso-t`` with the small ini of ``tests/graph/virtuoso.py``):

* ``cli on a tty``: ``detente push DIR --endpoint URL --preset P`` as a user runs
  it, with stderr on a pseudo-terminal (so the progress bar is drawn; the script
  checks it was): wall time, which includes loading, compiling and validating
  the corpus;
* ``first push``: :func:`graph.remote.gsp.push` of the compiled graphs into the
  fresh store, with the read-back count check;
* ``replace``: the median of ``--repeat`` more pushes over what is there (each
  PUT replaces its graph);
* the per-graph triple counts the store reports, against the local ones.

Not a test: it only prints numbers. Needs the ``oxigraph`` and ``virtuoso-t``
programs (``python3 tasks.py test`` installs both); a store whose program is
missing is skipped.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.compile.compiled import Compiled  # noqa: E402
from graph.remote.engine import RemoteEngine  # noqa: E402
from graph.remote.gsp import Endpoint, compiled_from_data, push  # noqa: E402
from graph.remote.http import ENV_PASSWORD, ENV_USER, Auth, Transport  # noqa: E402
from graph.remote.server import OxigraphServer  # noqa: E402
from tests.graph.virtuoso import DBA, VirtuosoServer  # noqa: E402

DETENTE = [sys.executable, "-m", "graph.cli"]


@contextmanager
def oxigraph(folder: Path) -> Iterator[tuple[str, Endpoint, Auth | None]]:
    with OxigraphServer(folder) as server:
        yield server.url, server.endpoint, None


@contextmanager
def virtuoso(folder: Path) -> Iterator[tuple[str, Endpoint, Auth | None]]:
    with VirtuosoServer(folder) as server:
        yield server.url, server.endpoint, DBA


STORES = {
    "oxigraph": (oxigraph, "oxigraph", Path(sys.executable).parent / "oxigraph"),
    "virtuoso": (virtuoso, "virtuoso", Path(shutil.which("virtuoso-t") or "/nonexistent")),
}


def on_a_terminal(command: list[str], env: dict[str, str]) -> tuple[float, str, str]:
    """Run ``command`` with stderr on a pseudo-terminal: (seconds, stdout, terminal output)."""
    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    out = proc.stdout.read().decode() if proc.stdout else ""
    proc.wait()
    seconds = time.perf_counter() - start
    os.close(master)
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{seen.decode(errors='replace')}")
    return seconds, out, seen.decode("utf-8", "replace")


def counts_line(name: str, local: dict[str, int], remote: dict[str, int]) -> str:
    ours = {g: n for g, n in remote.items() if g in local}
    sources = [g for g in local if "/source/" in g]
    equal = sum(ours.get(g) == n for g, n in local.items())
    per = sorted(local[g] for g in sources)
    extra = sum(n for g, n in remote.items() if g not in local)
    return (
        f"  {name}: {equal}/{len(local)} graphs equal to local; registry "
        f"{ours.get(next(g for g in local if g.endswith('/registry')), 0):,}, vocabulary "
        f"{ours.get(next(g for g in local if g.endswith('/vocabulary')), 0):,}, "
        f"{len(sources)} source graphs {sum(ours.get(g, 0) for g in sources):,} "
        f"(local {sum(per):,}; {per[0]:,} to {per[-1]:,} each); "
        f"the store's own graphs: {extra:,} triples"
    )


def bench(name: str, corpus: Path, compiled: Compiled, repeat: int) -> None:
    opener, preset, program = STORES[name]
    if not program.exists():
        print(f"{name}: skipped ({program.name} is not installed)")
        return
    local = {g: len(t) for g, t in compiled.graphs.items()}
    with tempfile.TemporaryDirectory() as tmp:
        store: AbstractContextManager[tuple[str, Endpoint, Auth | None]] = opener(Path(tmp) / "a")
        with store as (url, endpoint, auth):
            env = {**os.environ, "COLUMNS": "100"}
            if auth is not None:
                env.update({ENV_USER: "dba", ENV_PASSWORD: "dba"})
            command = [*DETENTE, "push", str(corpus), "--endpoint", url, "--preset", preset]
            seconds, out, terminal = on_a_terminal(command, env)
            drawn = "pushing graphs" in terminal
            print(
                f"{name}: cli on a tty {seconds:.2f} s (progress bar drawn: {drawn}); {out.strip()}"
            )
        store = opener(Path(tmp) / "b")
        with store as (url, endpoint, auth):
            first = push(compiled, endpoint, Transport(auth, timeout=300))
            times = [push(compiled, endpoint, Transport(auth, timeout=300)).seconds
                     for _ in range(repeat)]  # fmt: skip
            assert endpoint.query is not None
            remote = RemoteEngine(endpoint.query).graph_counts()
        print(
            f"  {name}: first push {first.seconds:.2f} s, replace median "
            f"{statistics.median(times):.2f} s ({min(times):.2f}-{max(times):.2f}, {repeat} runs); "
            f"{first.triples:,} triples in "
            f"{len(first.graphs)} graphs, {first.requests} requests, verified {first.verified}"
        )
        print(counts_line(name, local, remote))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stores", default="oxigraph,virtuoso")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run(
            [*DETENTE, "synth", "--statements", str(args.statements), "--out", str(corpus)],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        start = time.perf_counter()
        with warnings.catch_warnings():  # synth repeats some quotes; the loader says so
            warnings.simplefilter("ignore")
            compiled = compiled_from_data(corpus)
        took = time.perf_counter() - start
        print(
            f"corpus: {args.statements:,} statements, {len(compiled):,} triples in "
            f"{len(compiled.graphs)} graphs (load, compile, validate {took:.2f} s)"
        )
        for name in args.stores.split(","):
            bench(name, corpus, compiled, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
