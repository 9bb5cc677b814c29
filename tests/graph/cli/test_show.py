"""`detente show ID` and the terminal tables: nothing cut, ids whole, clean errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph.cli import main

ROOT = Path(__file__).resolve().parents[3]
DATA = str(ROOT / "data")


def test_show_prints_a_record_whole(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["show", "witkoff-cnn-won-concession", "--data", DATA])
    out = capsys.readouterr().out
    assert code == 0
    assert "Witkoff told CNN" in out and "characters 660-787" in out
    assert "date_note: Witkoff and Rubio" in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "alaska-summit-2025", "--data", DATA, "--format", "json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["section"] == "meetings" and card["claims"]


def test_show_unknown_id_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "no-such-record", "--data", DATA]) == 1
    assert "unknown record 'no-such-record'" in capsys.readouterr().err


@pytest.mark.parametrize("width", [80, 120, 200])
def test_tables_keep_ids_whole_and_quotes_uncut(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["ask", "concessions", "--data", DATA]) == 0
    out = capsys.readouterr().out
    assert "[russia-accepts-us-article-5-like-guarantee]" in out  # one unbroken line
    shown = set(re.findall(r"[^\s│┃]+", out))
    hedged = "Moscow had conceded that Washington could potentially provide Ukraine"
    assert set(hedged.split()) <= shown  # every word of the hedge is there, none cut


def test_the_statements_table_has_a_mode_column(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["ask", "statements", "--data", DATA]) == 0
    out = capsys.readouterr().out
    assert "mode" in out.splitlines()[2] and "direct_quote" in out
