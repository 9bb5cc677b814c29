"""Command lines that ended in a traceback, or with the wrong exit code (issue 18 #12, #13).

Each runs in-process through ``graph.cli.main`` in a scratch folder holding a copy of
the seed: exit 1 for data problems, 2 for usage, never a traceback, and nothing
under ``data/`` written.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
from pathlib import Path

import pytest

from graph.cli import main
from tests.bad.cases import SEED


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.as_posix().encode() + path.read_bytes())
    return h.hexdigest()


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEED, tmp_path / "data")
    (tmp_path / "latin1.rq").write_bytes("SELECT * WHERE { ?s ?p 'caf\xe9' }".encode("latin-1"))
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


CASES = [
    (["sparql", "latin1.rq", "--data", "data"], 2, "not UTF-8"),
    (["build", "data", "--out", "a-file"], 2, "a-file"),
    (["build", "data", "--out", "/"], 2, "--out"),
    (["build", "data", "--out", "data"], 2, "--out"),
    (["export", "data", "--format", "nt", "--out", "folder"], 2, "folder"),
    (["export", "data", "--format", "nt", "--out", "data/actors.yaml"], 2, "data folder"),
    (["export", "data", "--format", "nt", "--out", "data/new.nt"], 2, "data folder"),
    (["push", "--endpoint", "http://127.0.0.1:9", "--retries", "-1"], 2, "--retries"),
]


def test_an_os_error_while_writing_is_a_clean_exit_1(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or a read-only folder, which root never meets) ends in one plain line."""
    import errno

    import graph.files

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "build/.generations/x")

    monkeypatch.setattr(graph.files, "write_via", full)
    monkeypatch.setattr("graph.builder.run.write_atomic", full, raising=False)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["export", "data", "--format", "nt", "--out", "out.nt"])
    assert code == 1 and "No space left on device" in err.getvalue()
    assert "Traceback" not in err.getvalue()


@pytest.mark.parametrize(
    ("argv", "code", "says"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else None
)
def test_no_traceback_and_the_right_exit_code(
    scratch: Path, argv: list[str], code: int, says: str
) -> None:
    before = _digest(scratch / "data")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            got = main(argv)
        except SystemExit as stop:
            got = stop.code if isinstance(stop.code, int) else 1
    assert got == code, err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert says in err.getvalue()
    assert _digest(scratch / "data") == before


def test_a_huge_unknown_value_is_named_cut(scratch: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["ask", "concessions", "--by", "x" * 120_000, "--data", "data"]) == 1
    assert "(120,000 characters)" in err.getvalue() and len(err.getvalue()) < 1000
