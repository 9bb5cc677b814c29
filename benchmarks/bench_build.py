"""Benchmark the build pipeline beside a naive rdflib pipeline and a pyoxigraph floor.

Usage::

    .venv/bin/python benchmarks/bench_build.py            # 1k and 10k statements (a few minutes)
    .venv/bin/python benchmarks/bench_build.py --full     # and 100k (naive baseline up to 10k)
    .venv/bin/python benchmarks/bench_build.py --sizes 2000 --repeat 5 --keep /tmp/corpora

Corpora come from :func:`graph.synth.corpus.generate` (seed 0). For each size, three
columns are measured in the same run, so that ratios hold on a noisy machine:

* ``detente``: this tree. Stages in this process (median of ``--repeat``):
  ``load`` (load and validate, no cache), ``compile``, ``turtle+trig`` (serialize
  both and write them), ``compile+export`` (the two before), ``shacl`` (every unit,
  no cache), ``jsonld``, ``query`` (who conceded what: ``concessions()`` on
  a fresh :class:`graph.ask.graph.Graph` over the loaded store each time; the first
  call also fills the rows the engine keeps, so the median is the answer judged
  from them; ``bench_query.py`` prints the cold first answer apart), ``networkx``
  (:func:`graph.network.projection.project`). Then whole processes: ``build cold``
  (``detente build`` into an empty folder), ``build touch1`` (again, after
  flipping a comment line in one source file), ``build edit1`` (after a record
  edit in that file: a note on a statement, so its graph and every output change but
  no derived fact does; output checked byte-identical to a ``--no-cache`` build),
  ``build edit-venue`` (a statement's venue label: evidence, since it sets the claim's
  chain, so the derived facts are worked out again from the kept lines) and ``build
  warm`` (nothing changed); wall seconds and peak RSS of the child.
* ``naive``: one child process running PyYAML's default ``safe_load`` +
  pydantic ``model_validate`` per record, rdflib ``Graph.add`` per triple (terms
  parsed from the same N-Triples lines), ``serialize(format="turtle")``, rdflib
  SPARQL (concessions with their claims) and pySHACL over the whole graph.
  Its ``build`` row is the child's wall time and peak RSS.
* ``floor``: pyoxigraph alone on the same triples: parse + serialize Turtle and
  TriG from N-Triples/N-Quads text and write them (``compile+export``); the
  same SPARQL as the naive one on a ``Store`` bulk-loaded beforehand (``query``).

Ratios: ``/naive`` = detente / naive (smaller is better; the target for
``build cold`` is <= 0.2), ``/floor`` = detente / floor (target for
``compile+export`` is <= 3). Progress goes to standard error on a terminal only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CLAIMS_QUERY = """
PREFIX det: <https://w3id.org/detente/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?c ?conceder ?st ?speaker ?source ?date WHERE {
  ?c a det:Concession ; det:conceder ?conceder .
  ?st det:supports ?c ; prov:wasAttributedTo ?speaker ; dcterms:source ?source ;
      dcterms:date ?date .
}
"""
CLAIMS_QUERY_GRAPHS = CLAIMS_QUERY.replace(
    "WHERE {\n  ?c a det:Concession ; det:conceder ?conceder .\n  ?st",
    "WHERE {\n  GRAPH ?r { ?c a det:Concession ; det:conceder ?conceder . }\n  GRAPH ?g { ?st",
).replace("?date .\n}", "?date . }\n}")


def _progress(text: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{text}")
        sys.stderr.flush()


def _median(run: Callable[[], Any], repeat: int, label: str) -> float:
    times = []
    for i in range(repeat):
        _progress(f"{label} ({i + 1}/{repeat})")
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _spawn(argv: list[str]) -> dict[str, Any]:
    """Run ``argv``; its wall seconds, peak RSS (bytes, from ``os.wait4``) and stdout."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        return {
            "wall": wall,
            "rss": usage.ru_maxrss * 1024,
            "code": code,
            "stdout": out.read().decode(),
            "stderr": err.read().decode()[-2000:],
        }


def _run_child(argv: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS bytes, stdout) of a child process.

    A child inherits the peak RSS of the process that forks it (Linux keeps
    the larger of the two across exec), so a small fresh launcher process
    (``--spawn``) starts the child and reports its figures.
    """
    launcher = subprocess.run(
        [sys.executable, __file__, "--spawn", *argv], capture_output=True, check=True, cwd=ROOT
    )
    got = json.loads(launcher.stdout)
    if got["code"] != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {got['stderr']}")
    return got["wall"], got["rss"], got["stdout"]


# --- the naive pipeline (run in a child: python bench_build.py --naive DATA LINES OUT) -------
def naive(data: Path, lines_file: Path, out: Path) -> dict[str, float]:
    """The naive pipeline's stage seconds; see the module docstring."""
    import re

    import yaml
    from bench_load import naive_records  # this folder is on sys.path when run as a script
    from pyshacl import validate as pyshacl_validate
    from rdflib import Graph, Literal, URIRef

    from graph.validate.shacl import shapes_graph

    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    naive_records(data, yaml.SafeLoader)  # PyYAML's default safe_load, then pydantic
    lap("load")
    unescape = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
    echar = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\"}

    def lexical(text: str) -> str:
        return unescape.sub(
            lambda m: (
                chr(int(m.group(1) or m.group(2), 16))
                if m.group(1) or m.group(2)
                else echar[m.group(3)]
            ),
            text,
        )

    def term(text: str) -> URIRef | Literal:
        if text.startswith("<"):
            return URIRef(text[1:-1])
        if text.endswith('"'):
            return Literal(lexical(text[1:-1]))
        cut = text.rfind('"^^<')
        return Literal(lexical(text[1:cut]), datatype=URIRef(text[cut + 4 : -1]))

    graph = Graph()
    for line in lines_file.read_text(encoding="utf-8").splitlines():
        s, p, o = line.split(" ", 2)
        graph.add((URIRef(s[1:-1]), URIRef(p[1:-1]), term(o)))
    lap("compile")
    graph.serialize(destination=str(out / "naive.ttl"), format="turtle")
    lap("turtle")
    rows = list(graph.query(CLAIMS_QUERY))
    lap("query")
    conforms, _, _ = pyshacl_validate(graph, shacl_graph=shapes_graph())
    lap("shacl")
    seconds["rows"] = len(rows)
    seconds["conforms"] = float(conforms)
    seconds["triples"] = len(graph)
    return seconds


# --- detente and the floor, in this process ------------------------------------------------
def ours_and_floor(data: Path, work: Path, repeat: int) -> dict[str, dict[str, float]]:
    import pyoxigraph as ox

    from graph.compile.quads import compile_quads
    from graph.export.writers import serialize
    from graph.files import write_atomic
    from graph.network.projection import project
    from graph.validate.shacl import validate
    from schemas.loader import load

    ours: dict[str, float] = {}
    floor: dict[str, float] = {}
    corpus = load(data)
    compiled = compile_quads(corpus)
    ntriples, nquads = compiled.ntriples(), compiled.nquads()
    out = work / "stages"
    out.mkdir(parents=True, exist_ok=True)

    def export() -> None:
        write_atomic(out / "d.ttl", serialize(compiled, "turtle"))
        write_atomic(out / "d.trig", serialize(compiled, "trig"))

    def compile_and_export() -> None:
        done = compile_quads(corpus)
        write_atomic(out / "d.ttl", serialize(done, "turtle"))
        write_atomic(out / "d.trig", serialize(done, "trig"))

    def floor_export() -> None:
        triples = (q.triple for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
        write_atomic(out / "f.ttl", ox.serialize(triples, format=ox.RdfFormat.TURTLE) or b"")
        quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
        write_atomic(out / "f.trig", ox.serialize(quads, format=ox.RdfFormat.TRIG) or b"")

    ours["load"] = _median(lambda: load(data), repeat, "detente load")
    ours["compile"] = _median(lambda: compile_quads(corpus), repeat, "detente compile")
    ours["turtle+trig"] = _median(export, repeat, "detente turtle+trig")
    ours["compile+export"] = _median(compile_and_export, repeat, "detente compile+export")
    ours["shacl"] = _median(lambda: validate(compiled), repeat, "detente shacl")
    ours["jsonld"] = _median(
        lambda: write_atomic(out / "d.jsonld", serialize(compiled, "jsonld")), repeat, "jsonld"
    )
    floor["turtle+trig"] = floor["compile+export"] = _median(floor_export, repeat, "floor export")

    try:
        from graph.ask.engine import LocalEngine
        from graph.ask.graph import Graph

        engine = LocalEngine.from_text(nquads, "nq")
        ours["query"] = _median(lambda: Graph(engine).concessions(), repeat, "detente query")
    except ImportError as err:  # graph/ask/graph.py not there: a raw pyoxigraph SELECT stands in
        print(f"# graph.ask.graph not importable ({err}); query = raw pyoxigraph SELECT")
        raw = ox.Store()
        raw.bulk_load(nquads.encode(), format=ox.RdfFormat.N_QUADS)
        ours["query"] = _median(
            lambda: list(raw.query(CLAIMS_QUERY_GRAPHS)), repeat, "detente query"
        )

    store = ox.Store()
    store.bulk_load(nquads.encode(), format=ox.RdfFormat.N_QUADS)
    floor["query"] = _median(lambda: list(store.query(CLAIMS_QUERY_GRAPHS)), repeat, "floor query")
    ours["networkx"] = _median(lambda: project(corpus), repeat, "detente networkx")
    ours["triples"] = len(compiled)
    return {"detente": ours, "floor": floor}


def whole_builds(data: Path, work: Path, repeat: int) -> dict[str, tuple[float, int]]:
    """Median wall seconds and peak RSS of ``detente build`` runs: cold, touch1, edit1, warm."""
    detente = [str(ROOT / ".venv" / "bin" / "detente")]
    if not Path(detente[0]).exists():
        detente = [sys.executable, "-m", "graph.cli"]
    out = work / "build"
    ref = work / "build-ref"
    touched = sorted((data / "sources").glob("*.yaml"))
    target = touched[len(touched) // 2]
    original = target.read_text(encoding="utf-8")
    label = re.search(r'label: "([^"]*)"', original)
    mode = re.search(r"^    mode: \w+$", original, re.M)
    if label is None or mode is None:
        raise RuntimeError(f"{target} has no venue label or statement mode to edit")
    cold, touch, edit, venue_edit, warm = [], [], [], [], []

    def same_as_cold() -> None:
        shutil.rmtree(ref, ignore_errors=True)
        _run_child([*detente, "build", str(data), "--out", str(ref), "--no-cache"])
        for name in ("detente.ttl", "detente.trig", "detente.jsonld"):
            if (out / name).read_bytes() != (ref / name).read_bytes():
                raise RuntimeError(f"incremental {name} differs from a cold build")

    try:
        for i in range(repeat):
            _progress(f"detente build cold ({i + 1}/{repeat})")
            target.write_text(original, encoding="utf-8")  # each round starts from it
            shutil.rmtree(out, ignore_errors=True)
            cold.append(_run_child([*detente, "build", str(data), "--out", str(out)])[:2])
            _progress(f"detente build touch1 ({i + 1}/{repeat})")
            flip = "" if target.read_text(encoding="utf-8").startswith("#") else "# touched\n"
            target.write_text(flip + original, encoding="utf-8")
            touch.append(_run_child([*detente, "build", str(data), "--out", str(out)])[:2])
            _progress(f"detente build edit1 ({i + 1}/{repeat})")
            # a record edit: its graph changes, what its claims count as does not
            noted = f'{mode.group(0)}\n    note: "noted by the curator, edit {i}"'
            edited = original[: mode.start()] + noted + original[mode.end() :]
            target.write_text(flip + edited, encoding="utf-8")
            edit.append(_run_child([*detente, "build", str(data), "--out", str(out)])[:2])
            if i == 0:
                same_as_cold()
            _progress(f"detente build edit-venue ({i + 1}/{repeat})")
            # a venue is evidence (it sets a claim's chain): the derived facts are redone
            venue = f'label: "{label.group(1)}, edit {i}"'
            edited = original[: label.start()] + venue + original[label.end() :]
            target.write_text(flip + edited, encoding="utf-8")
            venue_edit.append(_run_child([*detente, "build", str(data), "--out", str(out)])[:2])
            if i == 0:
                same_as_cold()
            _progress(f"detente build warm ({i + 1}/{repeat})")
            warm.append(_run_child([*detente, "build", str(data), "--out", str(out)])[:2])
        same_as_cold()
    finally:
        target.write_text(original, encoding="utf-8")

    def med(rows: list[tuple[float, int]]) -> tuple[float, int]:
        return statistics.median(r[0] for r in rows), max(r[1] for r in rows)

    return {
        "build cold": med(cold),
        "build touch1": med(touch),
        "build edit-venue": med(venue_edit),
        "build edit1": med(edit),
        "build warm": med(warm),
    }


def bench(size: int, folder: Path, repeat: int, run_naive: bool) -> list[tuple[Any, ...]]:
    from graph.compile.quads import compile_quads
    from graph.synth.corpus import generate
    from schemas.loader import load

    data = folder / f"synth-{size}"
    if not data.exists():
        _progress(f"generating {size:,} statements")
        generate(size, data, seed=0)
    work = folder / f"work-{size}"
    work.mkdir(parents=True, exist_ok=True)
    measured = ours_and_floor(data, work, repeat)
    ours, floor = measured["detente"], measured["floor"]
    triples = int(ours.pop("triples"))
    builds = whole_builds(data, work, repeat)
    naive_s: dict[str, float] = {}
    naive_build: tuple[float, int] | None = None
    if run_naive:
        lines = work / "lines.nt"
        graphs = compile_quads(load(data)).graphs.values()
        lines.write_text("\n".join(t for g in graphs for t in g), encoding="utf-8")
        _progress(f"naive pipeline at {size:,} (slow)")
        argv = [sys.executable, __file__, "--naive", str(data), str(lines), str(work)]
        wall, rss, out = _run_child(argv)
        naive_s = json.loads(out.strip().splitlines()[-1])
        naive_s["turtle+trig"] = naive_s["turtle"]
        naive_s["compile+export"] = naive_s["compile"] + naive_s["turtle"]
        naive_build = (wall, rss)
    _progress("")
    rows: list[tuple[Any, ...]] = []
    for stage in ("load", "compile", "turtle+trig", "compile+export", "shacl", "jsonld"):
        rows.append((stage, size, ours[stage], naive_s.get(stage), floor.get(stage), None))
    rows.append(("query", size, ours["query"], naive_s.get("query"), floor["query"], None))
    rows.append(("networkx", size, ours["networkx"], None, None, None))
    for stage, (wall, rss) in builds.items():
        other = naive_build[0] if naive_build and stage == "build cold" else None
        rows.append((stage, size, wall, other, None, rss))
    if naive_build:
        rows.append(("naive build", size, naive_build[0], naive_build[0], None, naive_build[1]))
    rows.append(("triples", size, triples, None, None, None))
    return rows


def _fmt(value: float | None, width: int, spec: str = ".3f") -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}{spec}}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="also run 100k statements")
    parser.add_argument("--sizes", type=int, nargs="*", help="statement counts to run instead")
    parser.add_argument("--repeat", type=int, default=3, help="median of this many (default 3)")
    parser.add_argument(
        "--naive-max",
        type=int,
        default=10_000,
        help="run the (slow) naive pipeline up to this size (default 10000)",
    )
    parser.add_argument("--keep", type=Path, help="folder to keep generated corpora in")
    parser.add_argument("--naive", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--spawn", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.spawn:
        print(json.dumps(_spawn(args.spawn)))
        return 0
    if args.naive:
        print(json.dumps(naive(*args.naive)))
        return 0
    sizes = args.sizes or ([1_000, 10_000, 100_000] if args.full else [1_000, 10_000])
    folder = args.keep or Path(tempfile.mkdtemp(prefix="detente-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"{'stage':<15}{'N':>9}{'detente':>10}{'naive':>10}{'floor':>10}"
        f"{'/naive':>8}{'/floor':>8}{'peak MB':>9}{'B/triple':>9}"
    )
    try:
        for size in sizes:
            rows = bench(size, folder, args.repeat, size <= args.naive_max)
            triples = next(r[2] for r in rows if r[0] == "triples")
            for stage, n, ours, naive_s, floor, rss in rows:
                if stage == "triples":
                    print(f"{'triples':<15}{n:>9,}{ours:>10,}")
                    continue
                ratio_n = ours / naive_s if naive_s else None
                ratio_f = ours / floor if floor else None
                mb = rss / 2**20 if rss else None
                per = rss / triples if rss else None
                print(
                    f"{stage:<15}{n:>9,}{_fmt(ours, 10)}{_fmt(naive_s, 10)}{_fmt(floor, 10)}"
                    f"{_fmt(ratio_n, 8)}{_fmt(ratio_f, 8, '.2f')}{_fmt(mb, 9, '.0f')}"
                    f"{_fmt(per, 9, '.0f')}",
                    flush=True,
                )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(
        f"# {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}, "
        f"peak RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
