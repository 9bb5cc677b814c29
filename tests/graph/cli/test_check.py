"""`detente check`: exit 0 when clean, 1 on data errors, 2 on usage errors; never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import main
from tests.seed import SEED_DATA

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("data", "counts"),
    [(SEED_DATA, "1 source, 21 statements"), (ROOT / "data", "4 sources, 61 statements")],
)
def test_check_passes_on_the_seed_and_the_later_reports(
    capsys: pytest.CaptureFixture[str], data: Path, counts: str
) -> None:
    assert main(["check", str(data)]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and counts in out
    assert "russia-accepts-us-article-5-like-guarantee: made, claimed by Steve Witkoff" in out
    # the summary speaks the answer model's words, as `detente ask` does
    assert ("us-direct-security-commitment: hypothetical: floated by the conceder's side "
            "(Marco Rubio); not a concession made") in out  # fmt: skip


def test_check_reports_every_problem_with_exit_1(
    seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actors = seed_copy / "actors.yaml"
    actors.write_text(
        actors.read_text()
        .replace("wikidata: Q159", "wikidata: Q-159")
        .replace("kind: alliance", "kind: alliance\n    colour: blue")
    )
    assert main(["check", str(seed_copy)]) == 1
    err = capsys.readouterr().err
    assert "2 problems in the data" in err
    assert "data/actors.yaml:" in err and "wikidata: 'Q-159' is not a Wikidata QID" in err
    assert "colour: unknown field" in err
    assert "Traceback" not in err


def test_missing_folder_is_a_data_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 1
    assert "not a data folder" in capsys.readouterr().err


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "--no-such-flag"])
    assert caught.value.code == 2


def test_real_process_has_no_traceback(seed_copy: Path) -> None:
    (seed_copy / "topics.yaml").write_text("topics:\n\t- id: x\n")
    detente = Path(sys.executable).parent / "detente"
    proc = subprocess.run(
        [str(detente), "check", str(seed_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 1
    assert "data/topics.yaml:2: (yaml)" in proc.stderr and "tabs" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_schema_command_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert '"title": "detente record file"' in capsys.readouterr().out
