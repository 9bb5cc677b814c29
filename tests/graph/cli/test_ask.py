"""`detente ask`, `detente sparql` and `detente diff`: output formats, filters, clean errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import main
from tests.graph.seedit import RUSSIA_AQ, RUSSIA_LAW, add_statement
from tests.seed import SEED_DATA

ROOT = Path(__file__).resolve().parents[3]
DATA = str(SEED_DATA)


def ask(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["Russia", "Moscow"])
def test_ask_concessions_by_russia_json(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = ask(capsys, "ask", "concessions", "--by", name, "--format", "json",
                       "--data", DATA)  # fmt: skip
    assert code == 0
    rows = json.loads(out)
    assert [r["concession"] for r in rows] == [RUSSIA_AQ, RUSSIA_LAW]
    assert {r["status"] for r in rows} == {"claimed"}
    claims = [c for r in rows for c in r["claims"]]
    assert {c["speaker"]["name"] for c in claims} == {"Steve Witkoff"}
    assert {c["venue"] for c in claims} == {"CNN", "Reuters", "Fox News Sunday"}


def test_ask_concessions_table_shows_claims(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = ask(capsys, "ask", "concessions", "--by", "Moscow", "--data", DATA)
    assert code == 0
    flat = " ".join(out.split())
    assert "claimed" in out and "Witkoff" in flat and "Reuters" in flat


def test_ask_concessions_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = ask(capsys, "ask", "concessions", "--format", "csv", "--data", DATA)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["status"] for r in rows] == ["claimed", "claimed", "hypothetical"]
    assert [r["corroboration"] for r in rows] == ["claimed", "claimed", "confirmed"]
    assert rows[2]["answer"].startswith("hypothetical: floated by the conceder's side")


@pytest.mark.parametrize(
    ("argv", "key", "expected"),
    [
        (["concessions", "--claimant", "Rubio"], "concession", ["us-direct-security-commitment"]),
        (["concessions", "--status", "confirmed"], "concession", []),
        (["concessions", "--modality", "hypothetical"], "concession",
         ["us-direct-security-commitment"]),
        (["concessions", "--topic", "legislated-no-seizure-pledge"], "concession", [RUSSIA_LAW]),
        (["concessions", "--to", "Kyiv"], "concession", ["us-direct-security-commitment"]),
        (["concessions", "--beneficiary", "Kyiv", "--by", "US"], "concession",
         ["us-direct-security-commitment"]),
        (["meetings", "--status", "held"], "meeting", ["alaska-summit-2025"]),
        (["meetings", "--participant", "european-leaders"], "meeting",
         ["washington-meeting-2025-08-18"]),
        (["meetings", "--since", "2025-08-16", "--until", "2025-08-31"], "meeting",
         ["washington-meeting-2025-08-18"]),
        (["positions", "--actor", "Republicans", "--stance", "opposes"], "position", []),
        (["positions", "--actor", "trump-aligned-republicans"], "position",
         ["republicans-resist-us-commitment"]),
        (["positions", "--topic", "three-leader-meeting"], "position",
         ["us-supports-three-leader-meeting"]),
        (["statements", "--speaker", "Putin", "--venue", "not stated"], "statement",
         ["putin-suggested-kyiv-security"]),
        (["concessions", "--as-of", "2025-08-16"], "concession", []),
    ],
)  # fmt: skip
def test_ask_views_and_filters_as_json(
    capsys: pytest.CaptureFixture[str], argv: list[str], key: str, expected: list[str]
) -> None:
    code, out, err = ask(capsys, "ask", *argv, "--format", "json", "--data", DATA)
    assert code == 0, err
    assert [r[key] for r in json.loads(out)] == expected


def test_ask_actor_and_topic(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = ask(capsys, "ask", "actor", "Moscow", "--format",
                       "json", "--data", DATA)  # fmt: skip
    profile = json.loads(out)
    assert code == 0 and profile["actor"] == {"id": "russia", "name": "Russia"}
    assert [c["concession"] for c in profile["conceded"]] == [RUSSIA_AQ, RUSSIA_LAW]
    code, out, _ = ask(capsys, "ask", "actor", "Witkoff", "--data", DATA)
    assert code == 0 and "Special Envoy to Russia of United States" in out
    code, out, _ = ask(capsys, "ask", "topic", "article-5-like-guarantee", "--format", "csv",
                       "--data", DATA)  # fmt: skip
    assert code == 0 and "russia,Russia,2025-08-17,concedes (claimed)" in out
    code, _, err = ask(capsys, "ask", "actor", "Moscow", "--format", "csv", "--data", DATA)
    assert code == 2 and "table or json" in err


def test_empty_table_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = ask(capsys, "ask", "concessions", "--status", "denied", "--data", DATA)
    assert code == 0 and out == "" and "no concessions match" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["concessions", "--by", "Rusia"], "unknown actor 'Rusia'; closest: russia"),
        (["concessions", "--by", 'russia" } ; DROP ALL ; #'], "unknown actor"),
        (["concessions", "--topic", "x> <http://x> ."], "unknown topic"),
        (["positions", "--topic", "} UNION { ?s ?p ?o }"], "unknown topic"),
        (["meetings", "--participant", "russia> <http://x> ."], "unknown actor"),
        (["statements", "--speaker", "' ; DROP ALL"], "unknown actor"),
        (["statements", "--source", "nope> ."], "unknown source"),
        (["topic", "Artcle 5"], "unknown topic"),
    ],
)
def test_unknown_values_exit_1_with_a_clean_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = ask(capsys, "ask", *argv, "--data", DATA)
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err


def test_injection_in_venue_matches_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = ask(capsys, "ask", "statements", "--venue", 'CNN" } ; DROP ALL ; #',
                       "--format", "json", "--data", DATA)  # fmt: skip
    assert code == 0 and json.loads(out) == []


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = ask(capsys, "ask", "positions", "--stance", "loves", "--data", DATA)
    assert code == 2 and "choose one of" in err
    code, _, err = ask(capsys, "ask", "concessions", "--as-of", "soon", "--data", DATA)
    assert code == 2 and "YYYY-MM-DD" in err
    with pytest.raises(SystemExit) as caught:
        main(["ask", "concessions", "--data", DATA, "--build", "build"])
    assert caught.value.code == 2


def test_build_then_ask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = str(tmp_path / "build")
    assert main(["build", DATA, "--out", out_dir]) == 0
    capsys.readouterr()
    code, out, _ = ask(capsys, "ask", "concessions", "--by", "Moscow", "--format", "json",
                       "--build", out_dir)  # fmt: skip
    assert code == 0 and len(json.loads(out)) == 2
    code, _, err = ask(capsys, "ask", "concessions", "--build", str(tmp_path / "none"))
    assert code == 2 and "holds no build" in err and "detente build" in err


def test_sparql_text_file_and_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = ("PREFIX det: <https://w3id.org/detente/ns#> "
             "SELECT ?c WHERE { GRAPH ?g { ?c a det:Concession } } ORDER BY ?c")  # fmt: skip
    code, out, _ = ask(capsys, "sparql", query, "--format", "csv", "--data", DATA)
    assert code == 0 and out.splitlines()[0] == "c" and len(out.splitlines()) == 4
    path = tmp_path / "q.rq"
    path.write_text(query)
    code, out, _ = ask(capsys, "sparql", str(path), "--format", "json", "--data", DATA)
    assert code == 0 and len(json.loads(out)["results"]["bindings"]) == 3
    code, out, _ = ask(capsys, "sparql", "ASK { GRAPH ?g { ?s ?p ?o } }", "--data", DATA)
    assert code == 0 and out.strip() == "true"
    code, out, _ = ask(capsys, "sparql", query, "--data", DATA)
    assert code == 0 and "concession/russia-accepts" in "".join(out.split())
    code, _, err = ask(capsys, "sparql", "DROP ALL", "--data", DATA)
    assert code == 2 and "only read-only queries" in err  # refused before it is parsed
    code, _, err = ask(capsys, "sparql", str(tmp_path / "missing.rq"), "--data", DATA)
    assert code == 2 and "no such query file" in err


def test_diff_command(seed_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_statement(seed_copy, "putin-denies", "vladimir-putin", "Putin denied it.",
                  denies=[RUSSIA_AQ])  # fmt: skip
    code, out, _ = ask(capsys, "diff", DATA, str(seed_copy))
    assert code == 0
    assert out.strip().splitlines() == [
        f"+ claim on concession {RUSSIA_AQ}: putin-denies (denies; Vladimir Putin, in "
        "seed-2025-08-17-nato-like-guarantees)",
        f"~ concession {RUSSIA_AQ}: status claimed -> denied",
    ]
    code, out, _ = ask(capsys, "diff", DATA, str(seed_copy), "--format", "json")
    assert json.loads(out)["changed"][0]["new"] == "denied"


def test_real_process_prints_no_traceback() -> None:
    detente = Path(sys.executable).parent / "detente"
    proc = subprocess.run(
        [str(detente), "ask", "concessions", "--by", 'russia" } ; DROP ALL ; #', "--data", DATA],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "unknown actor" in proc.stderr and "Traceback" not in proc.stderr
