"""The shape of the code: rooms, their import arrows, module sizes, lazy front doors.

The arrows are an import-linter contract in ``pyproject.toml``; the tests here run
it on the tree, and on copies of the tree with one arrow broken, to show that
each contract can fail.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip


def test_the_import_contract_holds() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("schemas/errors.py", "import graph.files", "records never import the graph"),
        ("graph/ask/rows.py", "import argparse", "only the CLI talks to the terminal"),
        ("graph/network/projection.py", "import rich", "only the CLI talks to the terminal"),
        ("graph/rdf/terms.py", "import graph.cli", "rooms in layers"),
        ("graph/compile/quads.py", "from graph.ask import graph as _graph", "rooms in layers"),
        ("graph/ask/rows.py", "import graph.draw.static", "rooms in layers"),
        ("graph/draw/static.py", "import pyoxigraph", "drawings run no SPARQL"),
    ],
)
def test_a_broken_arrow_breaks_the_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in ("graph", "schemas"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0
    broken = [b for b in result.stdout.split("\n") if b.strip().endswith("BROKEN")]
    assert any(contract in b for b in broken) or contract in result.stdout.split("Broken")[0]
    assert "BROKEN" in result.stdout


def _python_files(folder: str) -> list[Path]:
    return sorted(p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def test_graph_is_rooms_not_a_flat_folder() -> None:
    flat = sorted(p.name for p in (ROOT / "graph").glob("*.py"))
    assert len(flat) <= 10, flat
    rooms = sorted(p.parent.name for p in (ROOT / "graph").glob("*/__init__.py"))
    assert {"ask", "builder", "cli", "compile", "draw", "export", "network", "rdf"} <= set(rooms)


@pytest.mark.parametrize("folder", ["graph", "schemas"])
def test_no_module_over_500_lines(folder: str) -> None:
    long = {p.relative_to(ROOT).as_posix(): n for p in _python_files(folder)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}  # fmt: skip
    assert not long


def _lazy_exports(init: Path) -> tuple[list[str], set[str], set[str]]:
    """(__all__, names imported under TYPE_CHECKING, names handed to exports()) of an __init__."""
    tree = ast.parse(init.read_text(encoding="utf-8"))
    declared: list[str] = []
    typed: set[str] = set()
    lazy: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            declared = [e.value for e in node.value.elts]  # type: ignore[attr-defined]
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            typed |= {a.asname or a.name for n in node.body if isinstance(n, ast.ImportFrom)
                      for a in n.names}  # fmt: skip
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "exports":
            mapping = node.args[1]
            assert isinstance(mapping, ast.Dict)
            lazy |= {e.value for v in mapping.values for e in v.elts}  # type: ignore[attr-defined]
    return declared, typed, lazy


@pytest.mark.parametrize(
    "init", sorted(p for p in (ROOT / "graph").rglob("__init__.py") if "exports(" in p.read_text()),
    ids=lambda p: p.parent.relative_to(ROOT).as_posix(),
)
def test_a_lazy_front_door_names_each_export_three_times_alike(init: Path) -> None:
    declared, typed, lazy = _lazy_exports(init)
    assert set(declared) == typed == lazy


def test_the_front_door_opens_lazily() -> None:
    code = (
        "import sys, graph\n"
        "from graph import Graph, load, build, DetenteError\n"
        "heavy = [m for m in ('rdflib', 'matplotlib', 'networkx', 'pandas', 'pyshacl', 'rich')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.strip() == "[]"


_SPARQL = re.compile(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b[^\n]*(\bWHERE\b|\{)", re.IGNORECASE)


@pytest.mark.parametrize("path", _python_files("graph/draw"), ids=lambda p: p.name)
def test_drawings_hold_no_sparql_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not _SPARQL.search(text) and ".rq" not in text
