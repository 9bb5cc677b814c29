"""The answer snapshot: a build's first answer without a store, and never a stale one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from graph.ask.graph import Graph
from graph.ask.snapshot import read_snapshot, rows_of, state_of
from graph.builder.run import build
from graph.files import SNAPSHOT
from schemas.corpus import Corpus
from tests.graph.corpora import corpora
from tests.seed import DATA


@pytest.fixture
def built(tmp_path: Path) -> Path:
    out = tmp_path / "build"
    build(DATA, out)
    return out


def _loaded(graph: Graph) -> bool:
    return bool(getattr(graph.engine, "loaded", True))


def test_a_fresh_build_answers_who_conceded_what_without_loading_its_store(built: Path) -> None:
    graph = Graph.from_build(built)
    rows = graph.concessions()
    assert not _loaded(graph)
    assert list(rows) == list(Graph.from_data(DATA).concessions())


@pytest.mark.parametrize(
    "ask",
    [
        lambda g: g.concessions(by="Russia"),
        lambda g: g.concessions(status="claimed"),
        lambda g: g.concessions(modality="demanded"),
        lambda g: g.as_of("2025-09-30").concessions(),
        lambda g: g.with_illustrative().concessions(),
        lambda g: g.meetings(),
    ],
    ids=["by", "status", "modality", "as-of", "illustrative", "meetings"],
)
def test_every_other_question_gets_the_answer_the_store_gives(built: Path, ask: object) -> None:
    assert callable(ask)
    assert list(ask(Graph.from_build(built))) == list(ask(Graph.from_data(DATA)))


def _stale_by_touch(built: Path) -> None:
    trig = built / "detente.trig"
    st = trig.stat()
    os.utime(trig, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def _damaged(built: Path) -> None:
    path = (built / SNAPSHOT).resolve()
    path.write_bytes(path.read_bytes()[:-40])


def _other_code(built: Path) -> None:
    path = (built / SNAPSHOT).resolve()
    state = json.loads(path.read_bytes())
    state["version"] = "0" * 64
    path.write_text(json.dumps(state), encoding="utf-8")


def _gone(built: Path) -> None:
    (built / SNAPSHOT).resolve().unlink()


@pytest.mark.parametrize("spoil", [_stale_by_touch, _damaged, _other_code, _gone])
def test_a_snapshot_that_may_not_describe_the_build_is_ignored(built: Path, spoil: object) -> None:
    assert read_snapshot(built, built / "detente.trig") is not None
    assert callable(spoil)
    spoil(built)
    assert read_snapshot(built, built / "detente.trig") is None
    graph = Graph.from_build(built)
    assert list(graph.concessions()) == list(Graph.from_data(DATA).concessions())
    assert _loaded(graph)  # answered from the store


def test_a_build_without_a_readable_rdf_file_writes_no_snapshot(tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(DATA, out, formats=("turtle",))
    assert not (out / SNAPSHOT).exists()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora())
def test_rows_survive_the_snapshot_exactly(corpus: Corpus) -> None:
    rows = list(Graph.from_corpus(corpus).with_illustrative().concessions())
    state = json.loads(json.dumps(state_of(rows)))
    assert rows_of(state) == rows
