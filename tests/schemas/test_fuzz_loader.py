"""Fuzz the loader and ``detente check`` with hypothesis.

Three generators: random YAML structures written as record files, random
edits of the seed files (delete, duplicate or re-indent a line, swap two
characters, give a value another type, cut the file short), and random
bytes. Whatever comes in, ``load`` returns a Corpus or raises DataError whose
problems name a file and a line, and ``detente check`` exits 0 or 1 without a
traceback.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.cli import main
from schemas import Corpus, DataError, load
from schemas.corpus import SECTIONS
from tests.bad.cases import SEED, seed_copy

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEED_FILES = [
    "actors.yaml",
    "topics.yaml",
    "meetings.yaml",
    "concessions.yaml",
    "positions.yaml",
    "sources/000_15c4d2cb88880b08.yaml",
]
FIELDS = sorted(
    {name for model in SECTIONS.values() for name in model.model_fields}
    | {"source", "of", "role", "label", "outlet", "actor"}
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One writable copy of the seed per module; each example restores what it changed."""
    return seed_copy(tmp_path_factory.mktemp("fuzz") / "data")


@contextlib.contextmanager
def patched(data: Path, rel: str, content: bytes) -> Iterator[Path]:
    """Write ``content`` to ``data/rel`` for the duration of the block, then restore."""
    path = data / rel
    before = path.read_bytes() if path.exists() else None
    path.write_bytes(content)
    try:
        yield data
    finally:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)


def assert_loads_or_reports(data: Path) -> None:
    """The loader's contract and the CLI's, on one data folder."""
    try:
        corpus = load(data)
    except DataError as err:
        assert err.problems
        for p in err.problems:
            assert p.file.startswith(data.name) and p.line >= 0 and p.field and p.message
    else:
        assert isinstance(corpus, Corpus)
    out, err_text = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err_text):
        code = main(["check", str(data)])
    assert code in (0, 1), err_text.getvalue()
    assert "Traceback" not in out.getvalue() + err_text.getvalue()


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["2025-08-17", "2025-02-30", "Q159", "russia", "../x", "<script>"]),
    st.dates().map(str),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(min_size=1, max_size=12))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)
record_files = st.dictionaries(
    st.one_of(st.sampled_from([*SECTIONS, "source", "$schema"]), st.text(max_size=8)),
    st.one_of(values, st.lists(st.dictionaries(keys, values, max_size=6), max_size=4)),
    max_size=4,
)


@FUZZ
@given(tree=st.one_of(record_files, values))
def test_random_yaml_structures(scratch: Path, tree: Any) -> None:
    text = yaml.safe_dump(tree, allow_unicode=True)
    with patched(scratch, "fuzz.yaml", text.encode("utf-8")):
        assert_loads_or_reports(scratch)


@FUZZ
@given(data=st.data())
def test_seed_record_with_a_value_of_another_type(scratch: Path, data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(SEED_FILES[:5]))
    tree = yaml.safe_load((scratch / rel).read_text(encoding="utf-8"))
    section = next(k for k in tree if k in SECTIONS)
    record = data.draw(st.sampled_from(tree[section]))
    key = data.draw(st.sampled_from(sorted(record)))
    record[key] = data.draw(values)
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    with patched(scratch, rel, text.encode("utf-8")):
        assert_loads_or_reports(scratch)


@st.composite
def seed_mutations(draw: st.DrawFn) -> tuple[str, str]:
    rel = draw(st.sampled_from(SEED_FILES))
    text = (SEED / rel).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    i = draw(st.integers(0, len(lines) - 1))
    op = draw(
        st.sampled_from(
            [
                "delete",
                "duplicate",
                "swap",
                "indent",
                "dedent",
                "tab",
                "retype",
                "truncate",
                "insert",
            ]
        )
    )
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "swap" and len(lines[i]) > 2:
        j = draw(st.integers(0, len(lines[i]) - 2))
        line = lines[i]
        lines[i] = line[:j] + line[j + 1] + line[j] + line[j + 2 :]
    elif op in ("indent", "dedent", "tab"):
        stripped = lines[i].lstrip(" ")
        width = len(lines[i]) - len(stripped)
        new = {"indent": width + draw(st.integers(1, 3)), "dedent": max(0, width - 2)}
        lines[i] = "\t" + stripped if op == "tab" else " " * new.get(op, 0) + stripped
    elif op == "retype" and ": " in lines[i]:
        head = lines[i].split(": ", 1)[0]
        scalar = draw(
            st.sampled_from(
                [
                    "42",
                    "[a, b]",
                    "{a: 1}",
                    "null",
                    "true",
                    "''",
                    "2025-13-01",
                    '"x\\u0000y"',
                    "&a x",
                    "*a",
                    "!!binary AA==",
                    "../../etc/passwd",
                ]
            )
        )
        lines[i] = f"{head}: {scalar}\n"
    elif op == "truncate":
        return rel, "".join(lines)[: draw(st.integers(0, len(text)))]
    elif op == "insert":
        lines.insert(i, draw(st.text(max_size=40)) + "\n")
    return rel, "".join(lines)


@FUZZ
@given(mutation=seed_mutations())
def test_mutated_seed_files(scratch: Path, mutation: tuple[str, str]) -> None:
    rel, text = mutation
    with patched(scratch, rel, text.encode("utf-8", "surrogatepass")):
        assert_loads_or_reports(scratch)


@settings(FUZZ, max_examples=60)
@given(blob=st.binary(max_size=300), name=st.sampled_from(["blob.yaml", "actors.yaml"]))
def test_random_bytes_as_a_record_file(scratch: Path, blob: bytes, name: str) -> None:
    with patched(scratch, name, blob):
        assert_loads_or_reports(scratch)


@settings(FUZZ, max_examples=60)
@given(blob=st.binary(max_size=300))
def test_random_bytes_as_the_source_text(scratch: Path, blob: bytes) -> None:
    with patched(scratch, "sources/000_15c4d2cb88880b08.txt", blob):
        assert_loads_or_reports(scratch)


def test_fuzz_harness_sees_the_seed_load(scratch: Path, curated: Corpus) -> None:
    """The scratch copy is the curated data itself, so a fuzz example that loads is a real load."""
    assert load(scratch).counts() == curated.counts()
