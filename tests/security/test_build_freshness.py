"""Which build `ask`, `diff` and `push` read, and when (issue 18 #4, #11, #12).

Freshness is decided by a record of the data folder's files (names and stats), not by
the newest time; a file left beside a build never wins over the build's own outputs;
a corrupt build file is a data error, never a traceback.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest

from graph.ask.graph import Graph
from graph.builder.run import build
from graph.cli import main
from graph.export.writers import serialize
from graph.remote.gsp import compiled_from_build
from schemas.errors import DataError
from tests.bad.cases import SEED

SOURCE = "sources/extra"
SEED_SOURCE = "sources/000_15c4d2cb88880b08"


def _extra_source(data: Path) -> None:
    """A second copy of the seed article under new ids: a source that can be deleted."""
    text = (data / (SEED_SOURCE + ".yaml")).read_text()
    text = text.replace("seed-2025-08-17-nato-like-guarantees", "extra-source")
    text = re.sub(r"- id: (\S+)", r"- id: extra-\1", text)
    text = re.sub(r"reported_by: (\S+)", r"reported_by: extra-\1", text)
    text = text.replace("text: 000_15c4d2cb88880b08.txt", "text: extra.txt")
    (data / (SOURCE + ".yaml")).write_text(text)
    shutil.copy(data / (SEED_SOURCE + ".txt"), data / (SOURCE + ".txt"))


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    data, out = tmp_path / "data", tmp_path / "build"
    shutil.copytree(SEED, data)
    _extra_source(data)
    build(data, out)
    return data, out


def _statements(graph: Graph) -> int:
    return len(graph.statements())


def _old_times(path: Path) -> None:
    os.utime(path, (1_000_000_000, 1_000_000_000))


@pytest.mark.parametrize("change", ["delete", "move-out", "edit-with-old-time", "add-old-file"])
def test_a_changed_data_folder_makes_the_build_stale(
    folders: tuple[Path, Path], tmp_path: Path, change: str
) -> None:
    data, out = folders
    fresh = Graph.from_data(data)
    assert _statements(Graph.open(data=data, build=out)) == _statements(fresh)
    if change == "delete":
        for suffix in (".yaml", ".txt"):
            (data / (SOURCE + suffix)).unlink()
    elif change == "move-out":
        for suffix in (".yaml", ".txt"):
            shutil.move(data / (SOURCE + suffix), tmp_path / f"moved{suffix}")
    elif change == "edit-with-old-time":
        actors = data / "actors.yaml"
        actors.write_text(actors.read_text().replace("name: Reuters", "name: Reuters Ltd"))
        _old_times(actors)
    else:
        extra = data / "extra.yaml"
        extra.write_text("actors:\n  - {id: extra-actor, name: Extra, kind: state}\n")
        _old_times(extra)
    opened = Graph.open(data=data, build=out)
    now = Graph.from_data(data)
    assert _statements(opened) == _statements(now)
    assert opened.registry.corpus.actors.keys() == now.registry.corpus.actors.keys()
    assert [a.name for a in opened.registry.corpus.actors.values()] == [
        a.name for a in now.registry.corpus.actors.values()
    ]


def test_an_untouched_data_folder_uses_the_build(folders: tuple[Path, Path]) -> None:
    data, out = folders
    assert Graph.open(data=data, build=out).engine.__class__.__name__ == "LocalEngine"
    from graph.files import inputs_match

    assert inputs_match(out, data)


def test_a_leftover_nq_never_wins_over_a_newer_build(folders: tuple[Path, Path]) -> None:
    """`export --out build/detente.nq` of an older state, then a build: the build wins."""
    data, out = folders
    from graph.compile.compiled import Compiled

    stale = Compiled({"https://w3id.org/detente/id/graph/registry": []})
    (out / "detente.nq").write_bytes(serialize(stale, "nq"))
    (data / (SOURCE + ".yaml")).unlink()
    (data / (SOURCE + ".txt")).unlink()
    build(data, out)  # newer than the leftover
    want = _statements(Graph.from_data(data))
    assert _statements(Graph.from_build(out)) == want
    assert len(compiled_from_build(out)) > 0


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, err.getvalue()


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "concessions", "--build", "{out}"],
        ["diff", "{out}", "{out}"],
        ["push", "--build", "{out}", "--endpoint", "http://127.0.0.1:9", "--retries", "0"],
        ["sparql", "ASK { ?s ?p ?o }", "--build", "{out}"],
    ],
)
@pytest.mark.parametrize("damage", [b"<<< not RDF", b"\xff\xfe\x00", b""])
def test_a_corrupt_build_file_is_a_data_error(
    folders: tuple[Path, Path], argv: list[str], damage: bytes
) -> None:
    _data, out = folders
    trig = (out / "detente.trig").resolve()
    trig.write_bytes(damage + trig.read_bytes()[: len(damage) * 3])
    code, err = _run([a.replace("{out}", str(out)) for a in argv])
    if damage:
        assert code == 1, err
        assert "cannot be read as RDF" in err
    assert "Traceback" not in err


def test_graph_from_a_corrupt_build_raises_data_error(folders: tuple[Path, Path]) -> None:
    _data, out = folders
    (out / "detente.trig").resolve().write_text("@prefix broken")
    with pytest.raises(DataError):
        Graph.from_build(out)
