"""Regression tests for loader defects found by the bad-input corpus (tests/bad/).

Each test pins one fix at the level of the function that was wrong; the
matching end-to-end case in tests/bad/cases/ is named in the docstring.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from schemas import DataError, load
from schemas.evidence import closest_passage
from schemas.loader import read_source_text
from schemas.models import Source
from schemas.yamlio import read_yaml_text

SOURCE_YAML = "sources/000_15c4d2cb88880b08.yaml"


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(data)
    return [str(p) for p in caught.value.problems]


def _source(text: str) -> Source:
    return Source(id="s", title="S", published="2025-08-17", text=text)


@pytest.mark.parametrize(
    ("text", "why"),
    [("a\x00b.txt", "NUL byte: ValueError"), ("loop.txt", "link loop: RuntimeError")],
)
def test_unusable_text_path_is_a_data_error(seed_copy: Path, text: str, why: str) -> None:
    """Cases text-path-nul-byte, symlink-loop: these paths used to escape as crashes."""
    (seed_copy / "sources" / "loop.txt").symlink_to(seed_copy / "sources" / "loop.txt")
    with pytest.raises(DataError, match="not a usable path"):
        read_source_text(seed_copy, _source(text))


def test_sources_folder_linked_outside_is_refused(seed_copy: Path, tmp_path: Path) -> None:
    """Case symlink-sources-folder-outside: the link used to be followed for texts and
    silently skipped for records."""
    outside = tmp_path / "elsewhere"
    (seed_copy / "sources").rename(outside)
    (seed_copy / "sources").symlink_to(outside)
    with pytest.raises(DataError, match="points outside"):
        read_source_text(seed_copy, _source("000_15c4d2cb88880b08.txt"))
    assert _problems(seed_copy) == [
        "data/sources:0: (file): symbolic link pointing outside the data folder (or in a loop)"
        " (hint: copy the file into the data folder instead of linking)"
    ]


def test_fifo_named_yaml_is_refused_without_reading(seed_copy: Path) -> None:
    """Case fifo-named-yaml: reading a FIFO blocks forever; the loader must not open it."""
    os.mkfifo(seed_copy / "pipe.yaml")
    assert any("pipe.yaml:0: (file): not a regular file" in p for p in _problems(seed_copy))


def test_record_check_names_the_field_it_blames(seed_copy: Path) -> None:
    """Case affiliation-ends-before-start: a model-level check used to be reported at the
    record ('actors[4].affiliations[0]') instead of the field ('...end') and its line."""
    path = seed_copy / "actors.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "role: Secretary of State", "role: x\n        start: 2025-02-01\n        end: 2025-01-01"
    )
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("end: 2025-01-01")].count("\n") + 1
    assert _problems(seed_copy) == [
        f"data/actors.yaml:{line}: actors[4].affiliations[0].end: end is before start"
        " (hint: correct the values so that they agree)"
    ]


def test_bad_source_does_not_flood_its_statements(seed_copy: Path) -> None:
    """Case bad-date-words: one bad source field used to add 'statement has no source'
    for each of its 21 statements."""
    path = seed_copy / SOURCE_YAML
    path.write_text(
        path.read_text(encoding="utf-8").replace("published: 2025-08-17", "published: soon"),
        encoding="utf-8",
    )
    problems = _problems(seed_copy)
    assert len(problems) == 1
    assert "source.published: 'soon' is not a date" in problems[0]


def test_huge_value_is_cut_in_the_message(seed_copy: Path) -> None:
    """Case very-long-quote: the whole 20,000-character value used to be echoed back."""
    path = seed_copy / "actors.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Reuters", "name: " + "R" * 5000),
        encoding="utf-8",
    )
    (problem,) = _problems(seed_copy)
    assert "at most 500 characters (got 'RRRR" in problem
    assert len(problem) < 300


def test_control_character_names_its_line() -> None:
    """Case control-character: libyaml's reader error used to be reported at line 1."""
    with pytest.raises(DataError) as caught:
        read_yaml_text("a: 1\nb: 2\nc: x\x07y\n", "f.yaml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("f.yaml", 3, "(yaml)")
    assert "'\\x07' not allowed" in problem.message
    assert "\n" not in problem.message


def test_unclosed_quote_is_reported_where_it_opens() -> None:
    """Case yaml-unterminated-quote: the parser stops many lines later; name the quote."""
    text = 'items:\n  - id: a\n    text: "open\n    note: x\n  - id: b\n    text: "fine"\n'
    with pytest.raises(DataError) as caught:
        read_yaml_text(text, "f.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert problem.message.startswith("unclosed double quote? parser stopped on line")


def test_terminal_escape_in_a_key_is_shown_escaped(seed_copy: Path) -> None:
    """Case terminal-escape-key: a key's escape sequence used to reach the terminal raw."""
    (seed_copy / "evil.yaml").write_text('"\\e[2Jx": 1\n', encoding="utf-8")
    (problem,) = _problems(seed_copy)
    assert "\x1b" not in problem
    assert "'\\x1b[2Jx': unknown section" in problem


def test_closest_passage_of_a_huge_quote_is_bounded() -> None:
    """Case long-quote-not-found: the hint's fuzzy match used the whole quote (O(n*m))."""
    text = "alpha beta gamma delta " * 2000
    near = closest_passage("beta gamma " + "zzz " * 5000, text)
    assert near.startswith("beta gamma")
    assert len(near) < 400


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 900 + "]" * 900,
        "a:\n" + "".join(" " * i + "-\n" for i in range(1, 600)),
    ],
    ids=["flow", "block"],
)
def test_nesting_within_the_parser_limit_is_a_data_error(text: str) -> None:
    """Case deep-nesting-under-parser-limit: building 500-999 levels used to raise
    RecursionError (libyaml itself stops at 1,000)."""
    with pytest.raises(DataError, match="nested too deeply"):
        read_yaml_text(text, "f.yaml")
