"""Run every bad-input case in tests/bad/cases/ through ``detente`` and the loader.

For each case: the exit code; every expected problem named as
``file:line: field: message`` with a hint; no traceback; and nothing created
or changed anywhere in the case's folder (data, outputs, the working folder).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from graph.cli import main
from schemas.errors import DataError
from schemas.loader import load
from tests.bad.cases import Case, lay_out, line_of, load_cases, snapshot

CASES = load_cases()
CHECKS = [c for c in CASES if c.command[0] == "check" and c.exit != 2]
SUBPROCESS = [c for c in CASES if c.subprocess]
PROBLEM_LINE = re.compile(r"^(?P<file>\S.*?):(?P<line>\d+): (?P<field>.+?): (?P<rest>.*)$")


def _ids(cases: list[Case]) -> list[str]:
    return [case.name for case in cases]


def _argv(case: Case) -> list[str]:
    # replace, not str.format: hostile arguments hold braces ("} ; DROP ALL ; #")
    return [arg.replace("{data}", "data").replace("{out}", "build") for arg in case.command]


def _check_output(case: Case, data: Path, code: int, out: str, err: str) -> None:
    assert code == case.exit, f"exit {code}, wanted {case.exit}\n{out}\n{err}"
    assert "Traceback" not in out + err
    for problem in case.problems:
        head = f"{problem.file}:{line_of(data, problem)}: {problem.field}: "
        lines = [line for line in err.splitlines() if line.startswith(head)]
        assert lines, f"no line starting {head!r} in:\n{err}"
        assert any(problem.message in line for line in lines), f"{problem.message!r}: {lines}"
        assert all(re.search(r"\(hint: \S", line) for line in lines), lines
    if case.exit == 1 and not case.stderr:
        reported = [line for line in err.splitlines() if PROBLEM_LINE.match(line)]
        assert reported and all("(hint: " in line for line in reported), err
        if case.count is not None:
            assert len(reported) == case.count, err
    for wanted in case.stdout:
        assert wanted in out
    for wanted in case.stderr:
        assert wanted in err, f"{wanted!r} not in:\n{err}"
    for secret in case.secrets:
        assert secret not in out + err, f"{secret!r} was printed"


def _check_unchanged(case: Case, workdir: Path, before: dict[str, tuple[str, str, int]]) -> None:
    """A failing command changes nothing at all; a passing one never touches data/."""
    after = snapshot(workdir)
    if case.exit != 0:
        assert after == before, "the command created or changed a file"
    else:
        inside = {k: v for k, v in after.items() if k == "data" or k.startswith("data/")}
        assert inside == {k: v for k, v in before.items() if k == "data" or k.startswith("data/")}


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_cli_reports_case(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = lay_out(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    try:
        code = main(_argv(case))
    except SystemExit as stop:  # argparse exits on a bad command line
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    _check_output(case, data, code, out, err)
    _check_unchanged(case, tmp_path, before)


@pytest.mark.parametrize("case", CHECKS, ids=_ids(CHECKS))
def test_loader_raises_structured_problems(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = lay_out(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    folder = _argv(case)[1]
    if case.exit == 0:
        assert load(folder).actors
        return
    with pytest.raises(DataError) as caught:
        load(folder)
    found = caught.value.problems
    assert all(p.hint for p in found), [str(p) for p in found if not p.hint]
    for want in case.problems:
        line = line_of(data, want)
        assert any(
            (p.file, p.line, p.field) == (want.file, line, want.field) and want.message in p.message
            for p in found
        ), f"{want} not in {[str(p) for p in found]}"


@pytest.mark.integration
@pytest.mark.parametrize("case", SUBPROCESS, ids=_ids(SUBPROCESS))
def test_real_process_reports_case(case: Case, tmp_path: Path) -> None:
    data = lay_out(case, tmp_path)
    before = snapshot(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "graph.cli", *_argv(case)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": "/usr/bin:/bin"},
    )
    _check_output(case, data, run.returncode, run.stdout, run.stderr)
    _check_unchanged(case, tmp_path, before)


def test_suite_is_big_and_covers_every_class() -> None:
    """Issue 9 asks for at least 40 cases; README.md's table must match the case files."""
    assert len(CASES) >= 40
    counts = Counter(case.klass for case in CASES)
    readme = (Path(__file__).parent / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (\d+) \|", readme, re.MULTILINE))
    assert {k: int(v) for k, v in table.items()} == dict(counts)
    assert f"| **total** | **{len(CASES)}** |" in readme
