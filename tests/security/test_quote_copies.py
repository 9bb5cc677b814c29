"""A quote that occurs twice: the curator chooses the copy; ambiguity is warned of (issue 18 #7)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import warnings
from pathlib import Path

import pytest

from graph.cli import main
from schemas import load
from schemas.evidence import evidence_at
from schemas.texts import AmbiguousQuote
from tests.bad.cases import SEED

SOURCE = "sources/000_15c4d2cb88880b08"
STATEMENT = "rubio-fox-very-big-move"


@pytest.fixture
def doubled(tmp_path: Path) -> tuple[Path, int, int]:
    """The seed with one quoted sentence copied to the end of its text (hash updated)."""
    data = tmp_path / "data"
    shutil.copytree(SEED, data)
    corpus = load(data)
    first = corpus.statements[STATEMENT].evidence
    assert first is not None
    text_file = data / (SOURCE + ".txt")
    text = text_file.read_text()
    text += f"\nAs quoted before: {first.exact} End.\n"
    text_file.write_text(text)
    record = data / (SOURCE + ".yaml")
    digest = hashlib.sha256(text.encode()).hexdigest()
    record.write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", record.read_text()))
    return data, first.start, text.rindex(first.exact)


def test_an_ambiguous_quote_is_warned_of(doubled: tuple[Path, int, int]) -> None:
    data, first, second = doubled
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load(data)
    ambiguous = [w.message for w in caught if isinstance(w.message, AmbiguousQuote)]
    assert len(ambiguous) == 1 and f"at {first} and {second}" in str(ambiguous[0])
    assert corpus.statements[STATEMENT].evidence.start == first  # type: ignore[union-attr]
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["check", str(data)]) == 0
    assert "warning:" in err.getvalue() and "occurs more than once" in err.getvalue()


def test_the_curator_chooses_the_second_copy(doubled: tuple[Path, int, int]) -> None:
    data, _first, second = doubled
    text = (data / (SOURCE + ".txt")).read_text()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguousQuote)
        corpus = load(data)
    exact = corpus.statements[STATEMENT].evidence.exact  # type: ignore[union-attr]
    chosen = evidence_at(text, second, second + len(exact))
    record = data / (SOURCE + ".yaml")
    lines = record.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if f"- id: {STATEMENT}" in line)
    lines.insert(at + 1, f"    evidence: {chosen.model_dump_json()}\n")
    record.write_text("".join(lines))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load(data)
    assert corpus.statements[STATEMENT].evidence == chosen
    assert not [w for w in caught if isinstance(w.message, AmbiguousQuote)]


def test_evidence_for_no_copy_is_still_stale(doubled: tuple[Path, int, int]) -> None:
    data, _first, _second = doubled
    record = data / (SOURCE + ".yaml")
    lines = record.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if f"- id: {STATEMENT}" in line)
    bogus = '{"start": 3, "end": 9, "exact": "x", "prefix": "", "suffix": ""}'
    lines.insert(at + 1, f"    evidence: {bogus}\n")
    record.write_text("".join(lines))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["check", str(data)]) == 1
    assert "stale offsets" in err.getvalue()
