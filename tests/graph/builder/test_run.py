"""``detente build``: generated corpora build; a cached rebuild equals a cold one, never stale."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from graph.builder.incremental import MANIFEST
from graph.builder.run import build
from graph.cli import main
from tests.graph.builds import OUTPUTS, copy_of, read_outputs, synth_corpus
from tests.seed import SEED_DATA

ROOT = Path(__file__).resolve().parents[3]
SEED = SEED_DATA


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth_corpus(tmp_path_factory, 150, seed=4)


@pytest.fixture
def data(corpus_dir: Path, tmp_path: Path) -> Path:
    return copy_of(corpus_dir, tmp_path)


def _middle_source(data: Path) -> Path:
    files = sorted((data / "sources").glob("*.yaml"))
    return files[len(files) // 2]


def _touch(data: Path) -> None:
    path = _middle_source(data)
    path.write_text("# touched\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def _shorten_a_quote(data: Path) -> None:
    """Drop the first word of a quote: still verbatim in the text, so the data stays valid."""
    path = _middle_source(data)
    text = path.read_text(encoding="utf-8")
    found = re.search(r'^    text: "(\S+) ', text, re.M)
    assert found is not None
    path.write_text(text[: found.start(1)] + text[found.end(1) + 1 :], encoding="utf-8")


def _extend_a_text(data: Path) -> None:
    """Add a line to a source's text and re-record its SHA-256, as a curator would."""
    text = sorted((data / "sources").glob("*.txt"))[0]
    old = hashlib.sha256(text.read_bytes()).hexdigest()
    text.write_text(text.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")
    new = hashlib.sha256(text.read_bytes()).hexdigest()
    record = text.with_suffix(".yaml")
    record.write_text(record.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _drop_an_actor_alias(data: Path) -> None:
    path = data / "actors.yaml"
    text = path.read_text(encoding="utf-8")
    found = re.search(r"aliases: \[([^,\]]+), ", text)
    assert found is not None
    path.write_text(text[: found.start(1)] + text[found.end(0) :], encoding="utf-8")


def test_a_generated_corpus_passes_check_and_builds(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(corpus_dir)]) == 0
    assert main(["build", str(corpus_dir), "--out", str(tmp_path / "out")]) == 0
    assert "SHACL OK" in capsys.readouterr().out
    assert all((tmp_path / "out" / name).stat().st_size > 0 for name in OUTPUTS)


def test_a_warm_rebuild_reuses_everything_and_writes_the_same_bytes(
    data: Path, tmp_path: Path
) -> None:
    first = build(data, tmp_path / "out")
    cold = read_outputs(tmp_path / "out")
    again = build(data, tmp_path / "out")
    assert again.validated == 0
    assert again.reused == again.graphs - 2  # every source graph; registry + vocabulary rebuilt
    assert first.reused == 0
    assert read_outputs(tmp_path / "out") == cold


@pytest.mark.parametrize(
    ("edit", "changes"),
    [
        (_touch, False),
        (_shorten_a_quote, True),
        (_extend_a_text, True),
        (_drop_an_actor_alias, True),
    ],
)
def test_an_incremental_rebuild_equals_a_cold_build(
    data: Path, tmp_path: Path, edit: Callable[[Path], None], changes: bool
) -> None:
    build(data, tmp_path / "warm")
    before = read_outputs(tmp_path / "warm")
    edit(data)
    build(data, tmp_path / "warm")
    build(data, tmp_path / "cold", cache=False)
    assert read_outputs(tmp_path / "warm") == read_outputs(tmp_path / "cold")
    assert (read_outputs(tmp_path / "warm") != before) is changes  # the cache never serves stale
    assert not (tmp_path / "cold" / ".cache").exists()


def test_an_edited_output_file_is_rewritten_not_patched(data: Path, tmp_path: Path) -> None:
    build(data, tmp_path / "out")
    cold = read_outputs(tmp_path / "out")
    ttl = tmp_path / "out" / "detente.ttl"
    ttl.write_bytes(ttl.read_bytes().replace(b"actor:", b"ACTOR:"))
    (tmp_path / "out" / "detente.trig").unlink()
    build(data, tmp_path / "out")
    assert read_outputs(tmp_path / "out") == cold


def test_a_damaged_cache_is_ignored(data: Path, tmp_path: Path) -> None:
    build(data, tmp_path / "out")
    cold = read_outputs(tmp_path / "out")
    cache = tmp_path / "out" / ".cache"
    for path in [*cache.glob("graphs/*.nt"), cache / "parts.json", cache / "shacl.json"][:3]:
        path.write_text("damaged", encoding="utf-8")
    (cache / "anchors.json").write_text("[1, 2", encoding="utf-8")
    build(data, tmp_path / "out", cache=True)
    build(data, tmp_path / "ref", cache=False)
    assert read_outputs(tmp_path / "out") == read_outputs(tmp_path / "ref") == cold


def test_a_damaged_graph_cache_entry_is_rewritten(data: Path, tmp_path: Path) -> None:
    build(data, tmp_path / "out")
    entries = sorted((tmp_path / "out" / ".cache" / "graphs").glob("*.nt"))
    for path in entries:  # e.g. written by an older cache format, without its checksum line
        path.write_bytes(path.read_bytes().partition(b"\n")[2])
    manifest = tmp_path / "out" / ".cache" / MANIFEST
    manifest.unlink()  # the full path: the incremental one reads no graph cache entry
    healing = build(data, tmp_path / "out")
    assert healing.reused == 0
    manifest.unlink()
    healed = build(data, tmp_path / "out")
    assert healed.reused == len(entries), "damaged entries must be replaced, or never hit again"


def test_no_cache_from_the_command_line(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(data), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    assert not (tmp_path / "out" / ".cache").exists()
    assert "wrote" in capsys.readouterr().out


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_either_shacl_engine_builds_the_same_bytes(
    engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / engine
    assert main(["build", str(SEED), "--out", str(out), "--shacl", engine]) == 0
    assert "SHACL OK (2 checked" in capsys.readouterr().out
    assert (out / "detente.ttl").read_bytes() == (
        ROOT / "tests" / "golden" / "seed-build.ttl"
    ).read_bytes()
