"""The per-file record cache: warm loads equal cold ones; only changed files are parsed."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import pytest

from graph.synth.corpus import generate
from schemas import Corpus, DataError, load
from schemas.cache import FileRecords, RecordCache, loader_version

loader = import_module("schemas.loader")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cache") / "data"
    generate(200, out, seed=3)
    return out


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the record files the loader parses from YAML during the test."""
    seen: list[str] = []
    original = loader._read_tree

    def spy(root: Path, file: Path, rel: str, problems: list[object]) -> object:
        seen.append(rel)
        return original(root, file, rel, problems)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_read_tree", spy)
    return seen


def _same(a: Corpus, b: Corpus) -> None:
    assert a == b
    assert a.texts == b.texts
    assert a.locations == b.locations
    for name in ("sources", "statements"):
        assert list(a.section(name)) == list(b.section(name))  # same order too


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_warm_load_equals_cold_load(
    which: str, seed_copy: Path, synthetic: Path, tmp_path: Path, parsed: list[str]
) -> None:
    data = seed_copy if which == "seed" else synthetic
    cold = load(data)
    first = load(data, cache_dir=tmp_path / "cache")
    parsed.clear()
    warm = load(data, cache_dir=tmp_path / "cache")
    assert parsed == []
    _same(cold, first)
    _same(cold, warm)


def test_editing_one_file_reparses_only_that_file(
    synthetic: Path, tmp_path: Path, parsed: list[str]
) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(synthetic, data)
    load(data, cache_dir=tmp_path / "cache")
    source = sorted((data / "sources").glob("*.yaml"))[3]
    source.write_text(
        source.read_text()
        .replace("title: ", "title: Edited: ", 1)
        .replace('title: Edited: "', 'title: "Edited: ', 1)
    )
    parsed.clear()
    warm = load(data, cache_dir=tmp_path / "cache")
    assert parsed == [f"data/sources/{source.name}"]
    sid = source.stem
    assert warm.sources[sid].title.startswith("Edited: ")
    _same(warm, load(data))


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: "not json at all",
        lambda text: "",
        lambda text: text.replace('"version":"', '"version":"0-', 1),  # another loader
        lambda text: text.replace('"order":[', '"order":[["actors",1],', 1),  # inconsistent
        lambda text: text.replace('"file":"', '"file":"elsewhere/', 1),  # another file
        lambda text: text.replace('"id":"', '"id":"BAD ID ', 1),  # fails validation
    ],
)
def test_a_damaged_cache_entry_is_ignored_and_replaced(
    damage: object, seed_copy: Path, tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "cache"
    cold = load(seed_copy, cache_dir=cache)
    entries = sorted((cache / "records").glob("*.json"))
    assert len(entries) == len(list(seed_copy.rglob("*.yaml")))
    for entry in entries:
        entry.write_text(damage(entry.read_text()))  # type: ignore[operator]
    parsed.clear()
    _same(cold, load(seed_copy, cache_dir=cache))
    assert len(parsed) == len(entries)  # every file read again from YAML
    parsed.clear()
    _same(cold, load(seed_copy, cache_dir=cache))
    assert parsed == []  # and cached afresh


def test_an_unwritable_cache_is_not_fatal(seed_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder")
    _same(load(seed_copy), load(seed_copy, cache_dir=blocker))


def test_problems_on_a_warm_cache_match_a_cold_load(seed_copy: Path, tmp_path: Path) -> None:
    load(seed_copy, cache_dir=tmp_path / "cache")
    actors = seed_copy / "actors.yaml"  # break a reference from another, cached file
    actors.write_text(actors.read_text().replace("id: fox-news", "id: fox-tv"))
    with pytest.raises(DataError) as cold:
        load(seed_copy)
    with pytest.raises(DataError) as warm:
        load(seed_copy, cache_dir=tmp_path / "cache")
    assert warm.value.problems == cold.value.problems
    assert any("fox-news" in p.message and p.line > 1 for p in warm.value.problems)


def test_files_with_problems_are_not_cached(seed_copy: Path, tmp_path: Path) -> None:
    topics = seed_copy / "topics.yaml"
    topics.write_text(topics.read_text().replace("kind: summit", "kind: picnic"))
    with pytest.raises(DataError):
        load(seed_copy, cache_dir=tmp_path / "cache")
    cache = RecordCache(tmp_path / "cache")
    assert cache.restore(topics, "data/topics.yaml") is None
    assert cache.restore(seed_copy / "actors.yaml", "data/actors.yaml") is not None


def test_entries_are_json_read_back_through_the_models(seed_copy: Path, tmp_path: Path) -> None:
    load(seed_copy, cache_dir=tmp_path / "cache")
    for entry in (tmp_path / "cache" / "records").glob("*.json"):
        data = FileRecords.model_validate_json(entry.read_bytes())
        assert data.version == loader_version()
        assert data.file.startswith("data/")
