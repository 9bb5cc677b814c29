"""graph.ask.rows: the stable JSON keys, CSV, DataFrames, rich tables and HTML of result rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from graph.ask.graph import Graph
from graph.ask.results import Rows
from graph.ask.rows import ClaimRow, ConcessionRow, Ref, solutions
from tests.seed import SEED_DATA

ROOT = Path(__file__).resolve().parents[3]
CLAIM_KEYS = {"statement", "speaker", "venue", "date", "quote", "source"}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph.from_data(SEED_DATA)


def test_concession_json_keys_are_stable(graph: Graph) -> None:
    (obj, *_) = json.loads(graph.concessions(by="russia").to_json())
    assert {"concession", "summary", "topic", "status", "conceder", "conceded_to",
            "beneficiaries", "claims"} <= set(obj)  # fmt: skip
    assert obj["conceder"] == {"id": "russia", "name": "Russia"}
    assert obj["conceded_to"] == [{"id": "united-states", "name": "United States"}]
    assert obj["beneficiaries"] == [{"id": "ukraine", "name": "Ukraine"}]
    claim = obj["claims"][0]
    assert set(claim) >= CLAIM_KEYS
    assert set(claim["speaker"]) == {"id", "name"}
    assert dt.date.fromisoformat(claim["date"]) == dt.date(2025, 8, 17)


def test_meeting_json_keys_are_stable(graph: Graph) -> None:
    obj = graph.meetings(status="held").to_dicts()[0]
    assert {"meeting", "title", "start", "end", "location", "status", "participants"} <= set(obj)
    assert obj["start"] == "2025-08-15" and obj["end"] is None
    assert obj["participants"][0] == {"id": "donald-trump", "name": "Donald Trump",
                                      "role": "principal"}  # fmt: skip


def test_position_json_keys_are_stable(graph: Graph) -> None:
    obj = graph.positions(actor="Moscow").to_dicts()[0]
    assert {"position", "actor", "stance", "topic", "date", "claims"} <= set(obj)
    assert obj["actor"] == {"id": "russia", "name": "Russia"}
    assert set(obj["claims"][0]) >= CLAIM_KEYS


@pytest.mark.parametrize("view", ["concessions", "meetings", "positions", "statements"])
def test_csv_parses_back_to_the_rows(graph: Graph, view: str) -> None:
    rows = getattr(graph, view)()
    parsed = list(csv.DictReader(io.StringIO(rows.to_csv())))
    assert len(parsed) == len(rows)
    assert parsed[0] == {k: "" if v is None else str(v) for k, v in rows.to_flat()[0].items()}


@pytest.mark.parametrize("view", ["concessions", "meetings", "positions", "statements"])
def test_to_frame_has_a_row_per_record(graph: Graph, view: str) -> None:
    rows = getattr(graph, view)()
    frame = rows.to_frame()
    assert len(frame) == len(rows)
    assert list(frame.columns) == list(rows.to_flat()[0])


@pytest.mark.parametrize("kind", ["concessions", "meetings", "positions", "statements", "topic"])
def test_empty_rows_still_have_headers(kind: str) -> None:
    empty: Rows[ConcessionRow] = Rows(kind, [])
    assert empty.to_csv().count("\n") == 1
    assert len(empty.to_frame().columns) > 2
    assert empty.to_json() == "[]"


def test_empty_headers_match_filled_ones(graph: Graph) -> None:
    for view in ["concessions", "meetings", "positions", "statements"]:
        full = getattr(graph, view)()
        assert Rows(full.kind, []).to_csv().strip() == full.to_csv().splitlines()[0]
    cells = graph.topic("article-5-like-guarantee")
    assert Rows("topic", []).to_csv().strip() == cells.to_csv().splitlines()[0]


def test_rich_table_and_html(graph: Graph) -> None:
    from rich.console import Console

    from graph.cli.tables import rows_table

    rows = graph.concessions(by="russia")
    console = Console(width=200, record=True)
    console.print(rows_table(rows, title="concessions"))
    text = console.export_text()
    assert "Steve Witkoff, CNN, 2025-08-17" in text and "claimed" in text
    page = rows._repr_html_()
    assert page.count("<tr>") == 3 and "Steve Witkoff" in page


def test_html_is_escaped() -> None:
    claim = ClaimRow(
        "s", Ref("a", "<script>x</script>"), "v", dt.date(2025, 1, 1), "day", "q", "src"
    )
    row = ConcessionRow("c", "s", "t", "claimed", Ref("a", "<b>A</b>"), (), (), (), "made", 1, 1,
                        (claim,))  # fmt: skip
    page = Rows("concessions", [row])._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>" not in page


def test_rows_behave_as_a_sequence(graph: Graph) -> None:
    rows = graph.concessions()
    assert rows[0].concession == rows.to_dicts()[0]["concession"]
    assert isinstance(rows[:2], Rows) and len(rows[:2]) == 2
    assert rows == graph.concessions() and rows != graph.concessions(by="russia")
    assert repr(rows) == "<Rows concessions: 3>"
    with pytest.raises(ValueError, match="unknown row kind"):
        Rows("tables", [])


def test_solutions_of_sparql_json() -> None:
    result = {"head": {"vars": ["a", "b"]}, "results": {"bindings": [
        {"a": {"type": "uri", "value": "http://x"}, "b": {"type": "literal", "value": "1"}},
        {"b": {"type": "literal", "value": "2"}},
    ]}}  # fmt: skip
    assert solutions(result) == (["a", "b"], [["http://x", "1"], ["", "2"]])


@pytest.mark.parametrize("hostile", ["[/]", "[bold red]loud[/bold red]", "[link=http://x]y[/link]"])
def test_terminal_table_shows_markup_as_text(hostile: str) -> None:
    from rich.console import Console

    from graph.cli.tables import rows_table

    claim = ClaimRow("s", Ref("a", hostile), "v", dt.date(2025, 1, 1), "day", hostile, "src")
    row = ConcessionRow("c", hostile, "t", "claimed", Ref("a", hostile), (), (), (), "made", 1, 1,
                        (claim,))  # fmt: skip
    console = Console(width=300, record=True)
    console.print(rows_table(Rows("concessions", [row])))  # "[/]" as markup would raise
    assert hostile in console.export_text()


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_cells_never_run_as_spreadsheet_formulas(cell: str) -> None:
    claim = ClaimRow("s", Ref("a", "A"), "v", dt.date(2025, 1, 1), "day", cell, "src")
    row = ConcessionRow("c", cell, "t", "claimed", Ref("a", "A"), (), (), (), "made", 1, 1,
                        (claim,))  # fmt: skip
    rows = Rows("concessions", [row])
    parsed = list(csv.DictReader(io.StringIO(rows.to_csv())))
    assert parsed[0]["summary"] == "'" + cell
    assert json.loads(rows.to_json())[0]["summary"] == cell  # JSON keeps the value exactly
