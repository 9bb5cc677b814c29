"""The committed notebooks: executed, with outputs, stripped of volatile metadata.

Running them is nbmake's job (``pytest --nbmake notebooks``, see tasks.py); these
tests check what is committed, so a reader sees the answers without running anything.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
EXPECTED = [
    "01_who_conceded_what.ipynb",
    "02_exploring_the_graph.ipynb",
    "03_adding_a_source.ipynb",
    "04_drafting_an_article.ipynb",
]
VOLATILE = [
    re.compile(r" at 0x[0-9a-f]{6,}"),  # memory addresses
    re.compile(r"/tmp/|/home/|/work/|/root/"),  # absolute paths
    re.compile(r"\d+(\.\d+)? ?(ms|seconds)\b"),  # timings
]


def _run_module():
    spec = importlib.util.spec_from_file_location("notebooks_run", NOTEBOOKS / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run = _run_module()


def _read(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def test_the_notebooks_are_all_there() -> None:
    assert [p.name for p in run.notebooks()] == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_with_outputs_from_one_clean_run(name: str) -> None:
    nb = _read(name)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert sum(bool(c.outputs) for c in code) >= len(code) // 2
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert any(c.cell_type == "markdown" for c in nb.cells[:1]), "start with an explanation"


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_stripped(name: str) -> None:
    nb = _read(name)
    assert run.strip(copy.deepcopy(nb)) == nb
    assert nb.metadata.kernelspec.name == "python3"
    assert all("execution" not in c.metadata for c in nb.cells)
    assert (NOTEBOOKS / name).read_text(encoding="utf-8") == run.text_of(nb)


@pytest.mark.parametrize("name", EXPECTED)
def test_outputs_hold_nothing_volatile(name: str) -> None:
    nb = _read(name)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            texts = [output.get("text", "")]
            texts += [v for k, v in output.get("data", {}).items() if k.startswith("text/")]
            for text in texts:
                for pattern in VOLATILE:
                    assert not pattern.search(text), f"{name} {cell.id}: {pattern.pattern}"


def test_notebook_03_labels_its_article_illustrative() -> None:
    nb = _read("03_adding_a_source.ipynb")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "ILLUSTRATIVE EXAMPLE, NOT A REAL SOURCE" in markdown
    assert "INVENTED" in markdown and "INVENTED" in code
    assert "kind: illustrative" in code
    data = NOTEBOOKS.parent / "data"
    assert not any("illustrative" in p.name for p in data.rglob("*"))


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ({"execution": {"iopub.status.busy": "2025-01-01T00:00:00Z"}}, {}),
        ({"tags": ["keep"], "execution": {}}, {"tags": ["keep"]}),
    ],
)
def test_strip_drops_volatile_cell_metadata(before: dict, after: dict) -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1")
    cell.metadata = before
    cell.outputs = [nbformat.v4.new_output(
        "execute_result", data={"text/plain": "<graph.draw.html.HTMLGraph at 0x7f00deadbeef>",
                                "text/html": "<b>x</b>"}, execution_count=1)]  # fmt: skip
    nb.cells = [cell]
    nb.metadata = {"language_info": {"name": "python", "version": "3.11.7"}}
    out = run.strip(nb)
    assert out.cells[0].metadata == after
    assert out.metadata["language_info"] == {"name": "python", "pygments_lexer": "ipython3"}
    assert list(out.cells[0].outputs[0].data) == ["text/html"]
    json.dumps(out)  # still plain JSON
