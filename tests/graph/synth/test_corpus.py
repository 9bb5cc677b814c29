"""The synthetic corpus generator: valid, deterministic, seed-dependent, shaped like curation."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from graph.ask.status import ClaimStatus, status_of
from graph.cli import main
from graph.synth.corpus import MAX_STATEMENTS, generate, plan_sources
from schemas import UsageError, load


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "corpus"
    generate(600, out, seed=11)
    return out


@pytest.mark.parametrize(("n", "seed"), [(20, 0), (100, 1), (257, 2), (600, 3)])
def test_generated_corpus_loads_with_exactly_n_statements(
    tmp_path: Path, n: int, seed: int
) -> None:
    stats = generate(n, tmp_path / "c", seed=seed)
    corpus = load(tmp_path / "c")
    assert len(corpus.statements) == stats.statements == n
    assert corpus.counts() == stats.counts


def test_detente_check_passes(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus_dir)]) == 0
    assert "OK" in capsys.readouterr().out


def test_same_seed_gives_a_byte_identical_corpus(tmp_path: Path) -> None:
    generate(150, tmp_path / "a", seed=5)
    generate(150, tmp_path / "b", seed=5)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_another_seed_gives_another_corpus(tmp_path: Path) -> None:
    generate(150, tmp_path / "a", seed=5)
    generate(150, tmp_path / "b", seed=6)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() == b.keys()
    assert a != b


def test_layout_is_that_of_curation(corpus_dir: Path) -> None:
    names = set(_files(corpus_dir))
    for section in ("actors", "topics", "meetings", "concessions", "positions"):
        assert f"{section}.yaml" in names
    sources = {n.removesuffix(".yaml") for n in names if n.endswith(".yaml") and "/" in n}
    assert sources == {n.removesuffix(".txt") for n in names if n.endswith(".txt")}


def test_corpus_exercises_the_rules(corpus_dir: Path) -> None:
    corpus = load(corpus_dir)
    statuses = Counter(status_of(corpus, cid) for cid in corpus.concessions)
    assert statuses[ClaimStatus.CONFIRMED] and statuses[ClaimStatus.CLAIMED]
    modes = Counter(st.mode.value for st in corpus.statements.values())
    assert set(modes) == {"direct_quote", "paraphrase", "narration"}
    assert any(st.reported_by for st in corpus.statements.values())
    assert any(st.denies for st in corpus.statements.values())
    assert any(a.aliases for a in corpus.actors.values())
    people = [a for a in corpus.actors.values() if a.kind.value == "person"]
    assert all(corpus.actors[p.affiliations[0].of].kind.value == "state" for p in people)


def test_texts_hold_quotes_verbatim_but_typographically(corpus_dir: Path) -> None:
    corpus = load(corpus_dir)
    assert any("\u201c" in t or "\u2013" in t for t in corpus.texts.values())
    statements = list(corpus.statements.values())
    assert all(st.evidence is not None for st in statements)
    # some are curated with straight quotes although the text has curly ones
    assert any(st.evidence and st.evidence.exact != st.text for st in statements)
    assert any(st.evidence and st.evidence.exact == st.text for st in statements)


def test_sources_have_10_to_20_statements(corpus_dir: Path) -> None:
    corpus = load(corpus_dir)
    per_source = Counter(st.source for st in corpus.statements.values())
    assert set(per_source) == set(corpus.sources)
    assert min(per_source.values()) >= 10 and max(per_source.values()) <= 20


@pytest.mark.parametrize("n", [20, 99, 100, 1001, 15_000, 100_000])
def test_plan_sources_sums_to_n(n: int) -> None:
    counts = plan_sources(n, random.Random(0))
    assert sum(counts) == n
    if n >= 100:
        assert min(counts) >= 10 and max(counts) <= 20


@pytest.mark.parametrize("n", [0, 19, MAX_STATEMENTS + 1])
def test_bad_size_is_a_usage_error(tmp_path: Path, n: int) -> None:
    with pytest.raises(UsageError, match="--statements"):
        generate(n, tmp_path / "c")
    assert not (tmp_path / "c").exists()


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "keep.txt").write_text("mine")
    with pytest.raises(UsageError, match="not an empty folder"):
        generate(50, tmp_path / "c")
    assert (tmp_path / "c" / "keep.txt").read_text() == "mine"


def test_writes_into_an_empty_folder_and_leaves_no_temporaries(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    generate(50, tmp_path / "c")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c"]
    assert not [p for p in (tmp_path / "c").rglob(".*")]


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    generate(100, tmp_path / "c", progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (100, 100)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cli_is_quiet_off_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c"
    assert main(["synth", "--statements", "60", "--out", str(out), "--seed", "4"]) == 0
    assert capsys.readouterr() == ("", "")
    generate(60, tmp_path / "d", seed=4)
    assert _files(out) == _files(tmp_path / "d")


def test_cli_reports_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", "--statements", "3", "--out", str(tmp_path / "c")]) == 2
    assert "--statements must be" in capsys.readouterr().err
