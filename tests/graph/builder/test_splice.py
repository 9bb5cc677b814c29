"""Splicing new parts into the last outputs gives the cold bytes, however the bytes are copied."""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

import pytest

from graph.builder.run import build
from graph.builder.splice import Piece, _add
from tests.seed import SEED_DATA

ROOT = Path(__file__).resolve().parents[3]
OUTPUTS = ("detente.ttl", "detente.trig", "detente.jsonld")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


@pytest.mark.parametrize("copy", ["kernel", "read-write"])
def test_a_spliced_output_equals_the_cold_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copy: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SEED_DATA, data)
    build(data, tmp_path / "out")
    path = sorted((data / "sources").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'label: "', 'label: "Re: ', text, count=1), encoding="utf-8")
    if copy == "read-write":

        def refuse(*args: object) -> int:
            raise OSError(errno.EXDEV, "no copy_file_range across these file systems")

        monkeypatch.setattr(os, "copy_file_range", refuse)
    assert build(data, tmp_path / "out").path == "incremental"
    build(data, tmp_path / "cold", cache=False)
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "cold")


@pytest.mark.parametrize(
    ("pieces", "plan"),
    [
        ([(0, 4), (4, 6)], [(0, 10)]),
        ([(0, 4), b"x", (4, 6)], [(0, 4), b"x", (4, 6)]),
        ([(0, 4), (5, 1)], [(0, 4), (5, 1)]),
        ([(0, 0), b"", b"ab"], [b"ab"]),
    ],
)
def test_pieces_of_the_last_output_merge_when_they_follow_on(
    pieces: list[Piece], plan: list[Piece]
) -> None:
    made: list[Piece] = []
    for piece in pieces:
        _add(made, piece)
    assert made == plan


def test_outputs_switched_since_the_manifest_are_left_alone(tmp_path: Path) -> None:
    """Checked under the output folder's lock: a build in between makes the splice give up."""
    import json

    from graph.builder.incremental import MANIFEST
    from graph.builder.splice import splice

    data = tmp_path / "data"
    shutil.copytree(SEED_DATA, data)
    build(data, tmp_path / "out")
    before = _outputs(tmp_path / "out")
    cache = tmp_path / "out" / ".cache"
    state = json.loads((cache / MANIFEST).read_text(encoding="utf-8"))
    seen = {fmt: [*stat[:3], stat[3] + 1] for fmt, stat in state["outputs"].items()}
    formats = tuple(state["outputs"])
    got = splice(
        cache,
        tmp_path / "out",
        "https://w3id.org/detente/id/",
        formats,
        state["fixed"],
        state["graphs"],
        state["graphs"],
        {},
        seen,
    )
    assert got == "an output file changed since the last build"
    assert _outputs(tmp_path / "out") == before
    assert len(list((tmp_path / "out" / ".generations").iterdir())) == 1  # no half-made one
