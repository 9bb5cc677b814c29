"""Time the closest-passage hint for a missing quote on big texts (issue 18 #9).

    .venv/bin/python benchmarks/bench_hint.py [MB ...]

Prints seconds per missing quote for the bounded hint (:func:`schemas.evidence.closest_passage`)
and for the whole-text comparison it replaced (``--before``, kept here as the reference),
on a deterministic text of the given sizes in MB.
"""

from __future__ import annotations

import random
import sys
import time
from difflib import SequenceMatcher

from schemas.evidence import NormalText, closest_passage, normalise


def before(quote: str, text: str) -> str:
    """The hint as it was: one longest-match search over the whole folded text."""
    norm = NormalText(text)
    needle = normalise(quote)[:300]
    matcher = SequenceMatcher(None, norm.folded, needle, autojunk=False)
    block = matcher.find_longest_match(0, len(norm.folded), 0, len(needle))
    lo = max(0, block.a - block.b)
    return norm.folded[lo : lo + len(needle)]


def corpus(megabytes: float) -> str:
    rng = random.Random(18)
    words = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        for _ in range(5000)
    ]
    out: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 20))) + ". "
        out.append(sentence)
        size += len(sentence)
    return "".join(out)


def main(argv: list[str]) -> None:
    old = "--before" in argv
    sizes = [float(a) for a in argv if a != "--before"] or [1, 4, 16, 49]
    quote = "“We were able to win the following concession: that the Russians agreed.”"
    for mb in sizes:
        text = corpus(mb)
        start = time.perf_counter()
        hint = closest_passage(quote, text)
        took = time.perf_counter() - start
        line = f"{mb:5.0f} MB: bounded hint {took:7.3f} s"
        if old:
            start = time.perf_counter()
            before(quote, text)
            line += f"   whole-text hint {time.perf_counter() - start:7.3f} s"
        print(line, f"({len(hint)} characters)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
