#!/usr/bin/env python3
"""Score ``detente draft`` against every curated source of a data folder, and time it.

    .venv/bin/python benchmarks/bench_draft.py [DATA_DIR]

For each curated source (default data folder: ``data/``; sources added there
later are picked up as they land): found (curated statements recovered),
speaker, date and venue right (of those found), verbatim (drafted statements
anchored in body text, outside furniture), and whether ``--write`` into a copy
of the data folder then ``detente check`` passes. Then the wall-clock time of
``detente draft`` on a 1,000-word article as a whole process, the start-up of
``detente ask``, and which draft modules (pysbd, rapidfuzz, graph.draft) the
CLI's start-up imports: none, so ``ask`` does not grow.
Targets (issue 17): found >= 90 %, speaker >= 85 %, date >= 85 %, venue >= 75 %,
verbatim 100 %, write-then-check 100 %, 1,000 words < 1 s.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.draft import draft_text, score, write_draft  # noqa: E402
from schemas.errors import DataError  # noqa: E402
from schemas.loader import load  # noqa: E402

DETENTE = ROOT / ".venv" / "bin" / "detente"


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f} %" if d else "   - "


def write_then_check(data: Path, corpus_text: str, published: object, source: str) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data, copy)
        corpus = load(copy)
        ident = f"bench-{source}"[:90]
        d = draft_text(corpus_text, published, corpus, source_id=ident)  # type: ignore[arg-type]
        write_draft(d, copy)
        try:
            load(copy)
        except DataError as err:
            print(err, file=sys.stderr)
            return False
        return True


def timed(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data"
    corpus = load(data)
    columns = ["curated", "found", "speaker", "date", "venue", "verbatim", "write+check"]
    header = f"{'source':44} " + " ".join(f"{c:>{max(8, len(c))}}" for c in columns)
    print(header)
    print("-" * len(header))
    for sid, source in sorted(corpus.sources.items()):
        text = corpus.texts[sid]
        d = draft_text(text, source.published, corpus, source_id="bench-draft")
        s = score(d, corpus, sid)
        ok = write_then_check(data, text, source.published, sid)
        print(
            f"{sid[:44]:44} {s.curated:8d} {pct(s.found, s.curated):>8} "
            f"{pct(s.speaker, s.found):>8} {pct(s.date, s.found):>8} {pct(s.venue, s.found):>8} "
            f"{pct(s.verbatim, s.drafted):>8} "
            f"{'100.0 %' if ok else '  0.0 %':>11}"
        )
    # a 1,000-word article: the seed's text repeated to length, as one process
    seed = next(iter(corpus.texts.values()))
    words = seed.split(" ")
    article = " ".join((words * (1000 // len(words) + 1))[:1000])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(article, encoding="utf-8")
        latest = max(s.published for s in corpus.sources.values())
        draft_s = timed([str(DETENTE), "draft", str(path), "--published", latest.isoformat(),
                         "--data", str(data)])  # fmt: skip
    ask_s = timed([str(DETENTE), "ask", "--help"])
    probe = (
        "import graph.cli, sys; graph.cli.build_parser(); "
        "print(sorted(m for m in sys.modules "
        "if m.startswith(('pysbd', 'rapidfuzz', 'graph.draft'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    print()
    print(
        f"detente draft, 1,000 words, whole process (median of 5): {draft_s:.3f} s (target < 1 s)"
    )
    print(f"detente ask --help start-up (median of 5): {ask_s:.3f} s")
    print(f"modules of the draft loaded by the CLI's start-up: {loaded.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
