"""Start-up of ``detente ask concessions`` as a whole process, against importing its libraries.

Target: ``detente ask concessions`` on the seed within 1.5x of
``python -c "import rdflib, pydantic"``, from a fresh ``build/`` (the default once
``detente build`` ran) and, for reference, with ``--data data`` (validates the seed
on every run). Prints medians and minima of N processes; not a test.

    .venv/bin/python benchmarks/bench_startup.py [--runs 15] [--data DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _times(cmd: list[str], cwd: Path, runs: int, label: str) -> list[float]:
    out = []
    for i in range(runs):
        if sys.stderr.isatty():
            print(f"\r{label}: {i + 1}/{runs}", end="", file=sys.stderr, flush=True)
        start = time.perf_counter()
        subprocess.run(
            cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
        out.append(time.perf_counter() - start)
    if sys.stderr.isatty():
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data", default=str(ROOT / "data"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(args.data, work / "data")
        detente = str(BIN / "detente")
        subprocess.run([detente, "build", "data"], cwd=work, check=True, capture_output=True)
        base = _times([sys.executable, "-c", "import rdflib, pydantic"], work, args.runs, "import")
        built = _times([detente, "ask", "concessions"], work, args.runs, "ask (build)")
        data = _times(
            [detente, "ask", "concessions", "--data", "data"], work, args.runs, "ask (data)"
        )
    ref = statistics.median(base)
    print(
        f"# start-up ({time.strftime('%Y-%m-%d')}, {args.runs} processes each, python "
        f"{sys.version.split()[0]})"
    )
    print(f"{'command':<40} {'median s':>9} {'min s':>7} {'ratio':>6}")
    for label, xs in (("python -c 'import rdflib, pydantic'", base),
                      ("detente ask concessions (fresh build)", built),
                      ("detente ask concessions --data data", data)):  # fmt: skip
        med = statistics.median(xs)
        print(f"{label:<40} {med:>9.3f} {min(xs):>7.3f} {med / ref:>5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
