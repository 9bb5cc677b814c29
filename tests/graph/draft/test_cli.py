"""``detente draft`` end to end: output formats, --write then check, and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.cli import main
from graph.draft import accept, draft_file, write_draft
from schemas import load

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "illustrative_talks.txt"
SEED_TEXT = Path(__file__).resolve().parents[3] / "data" / "sources" / "000_15c4d2cb88880b08.txt"


def test_json_has_every_part(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(FIXTURE), "--published", "2026-03-03", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {
        "source",
        "statements",
        "actors",
        "furniture",
        "candidates",
        "unknown_names",
    }
    speakers = {s["speaker"] for s in out["statements"]}
    assert {"vladimir-putin", "marco-rubio", "andrii-sybiha"} <= speakers


def test_write_then_check_passes(seed_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "draft",
        str(FIXTURE),
        "--published",
        "2026-03-03",
        "--data",
        str(seed_copy),
        "--id",
        "illustrative-talks",
        "--write",
    ]
    assert main(args) == 0
    assert (seed_copy / "sources" / "illustrative-talks.pending.json").exists()
    corpus = load(seed_copy)
    assert corpus.sources["illustrative-talks"].sha256
    assert main(args) == 2  # refuses to overwrite
    assert "already has this id" in capsys.readouterr().err
    (seed_copy / "sources" / "illustrative-talks.yaml").unlink()  # the text alone is still kept
    assert main(args) == 2
    assert "refusing to overwrite" in capsys.readouterr().err


def test_accepted_candidates_pass_check(seed_copy: Path) -> None:
    d = draft_file(SEED_TEXT, "2025-08-17", seed_copy, source_id="seed-again")
    position = next(c for c in d.candidates if c.kind == "position" and "actor" in c.fields)
    records = accept(
        d, {position.id: {"topic": "ukraine-security-guarantees", "id": "accepted-one"}}
    )
    write_draft(d, seed_copy, records)
    corpus = load(seed_copy)
    assert corpus.positions["accepted-one"].stance.value == position.fields["stance"]
    assert corpus.supporting("accepted-one")


def _files(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


@pytest.mark.parametrize(
    ("content", "extra", "code", "message"),
    [
        (b"", [], 1, "the text is empty"),
        (b"   \n\n", [], 1, "the text is empty"),
        (b"abc\x00def", [], 1, "binary data"),
        (b"caf\xe9 au lait", [], 1, "not UTF-8"),
        (b"Fine text.", ["--published", "2999-01-01"], 2, "in the future"),
        (b"Fine text.", ["--published", "17/08/2025"], 2, "not a date"),
        (b"Fine text.", ["--id", "seed-2025-08-17-nato-like-guarantees"], 2, "already has this id"),
        (b"Fine text.", ["--id", "Bad Id"], 2, "lowercase slug"),
    ],
)
def test_bad_input(
    tmp_path: Path,
    seed_copy: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    extra: list[str],
    code: int,
    message: str,
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    args = ["draft", str(article), "--data", str(seed_copy), "--write"]
    if not any(a == "--published" for a in extra):
        args += ["--published", "2025-08-17"]
    before = _files(seed_copy)
    assert main(args + extra) == code
    assert message in capsys.readouterr().err
    assert _files(seed_copy) == before  # nothing written


def test_write_into_a_folder_that_is_not_a_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "actors.yaml").write_text("actors: []\n")
    assert (
        main(["draft", str(FIXTURE), "--published", "2026-03-03", "--data", str(folder), "--write"])
        == 1
    )
    assert "not a data folder" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["actors.yaml"]
    shutil.rmtree(folder)


def test_yaml_output_parses_and_keeps_candidates_as_comments(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import yaml

    assert main(["draft", str(SEED_TEXT), "--published", "2025-08-17"]) == 0
    out = capsys.readouterr().out
    doc = yaml.safe_load(out)
    assert (
        {"$schema", "source", "statements"}
        <= set(doc)
        <= {"$schema", "source", "actors", "statements"}
    )
    assert "# --- pending" in out
