"""Limits on what a record's text may hold: length, control characters, and a total budget.

Values are pasted from the web, so a record that validates as a model is checked
once more here, field by field, before anything is compiled or written:

* **length**: every string field has a limit (:data:`FIELD_LIMITS`, else
  :data:`DEFAULT_LIMIT` characters); names and labels are already held to 500
  and quotes to 20,000 by the models;
* **characters**: C0 and C1 control characters (tab and line breaks aside),
  DEL, lone surrogates, the noncharacters U+FFFE/U+FFFF and the bidirectional
  embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
  refused. YAML escapes such as ``"\\x1b[31m"`` or ``"\\u202e"`` reach a value
  that way, and would then reach a terminal, or make the SVG, GraphML and
  GEXF outputs ill-formed XML;
* **budget**: YAML aliases share one value among many records, so a 1 MB
  file can expand into gigabytes of output. :func:`budget_problem` compares
  the characters of every string value of a file's records, as the outputs
  would hold them, with :data:`BUDGET_FACTOR` times the file's size plus
  :data:`BUDGET_SLACK`, before anything is compiled or written.

>>> from schemas.models import Actor
>>> [p.message for p in record_problems(Actor(id="a", name="A\\u202eB", kind="state"),
...                                      "data/x.yaml", ("actors", 0), {})[0]]
['character U+202E (RIGHT-TO-LEFT OVERRIDE) not allowed']
>>> bad_character("tab\\tand newline\\n are fine") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from schemas.errors import Problem
from schemas.messages import field_name
from schemas.yamlio import line_at

__all__ = [
    "BUDGET_FACTOR",
    "BUDGET_SLACK",
    "DEFAULT_LIMIT",
    "FIELD_LIMITS",
    "bad_character",
    "budget_problem",
    "record_problems",
    "string_values",
]

DEFAULT_LIMIT = 20_000
"""Characters allowed in a string field without a limit of its own."""

FIELD_LIMITS = {"note": 10_000, "description": 10_000, "date_note": 2_000}
"""Characters allowed in free-text fields, by field name."""

BUDGET_FACTOR = 4
"""How many times the record files' size their expanded string values may reach."""

BUDGET_SLACK = 1_000_000
"""Characters allowed on top of the factor (small folders, short shared values)."""

_BAD = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_SHORTEST = min(FIELD_LIMITS.values())
_SKIPPED = frozenset({"evidence"})  # computed by the loader from the text, never typed in


def bad_character(value: str) -> str | None:
    """A description of the first refused character of ``value``, or None.

    >>> bad_character("red\\x1b[31m")
    'U+001B (control character)'
    """
    found = _BAD.search(value)
    if found is None:
        return None
    char = found.group()
    name = unicodedata.name(char, "") if not 0xD800 <= ord(char) <= 0xDFFF else "lone surrogate"
    return f"U+{ord(char):04X} ({name or 'control character'})"


def string_values(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string held by a record, with its path (``evidence`` left out).

    >>> from schemas.models import Actor
    >>> [v for _, v in string_values(Actor(id="a", name="A", kind="state", aliases=["B"]))]
    ['a', 'A', <ActorKind.STATE: 'state'>, 'B']
    """
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, item in vars(value).items():
            if name not in _SKIPPED and item is not None:
                yield from string_values(item, (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from string_values(item, (*path, index))


def record_problems(
    record: BaseModel, rel: str, where: tuple[str | int, ...], tree: Any
) -> tuple[list[Problem], int]:
    """Length and character problems of one record at ``where`` (section, index) in ``tree``.

    Also returns how many characters its strings hold (for :func:`budget_problem`).
    """
    found = list(string_values(record))
    total = sum(len(value) for _, value in found)
    if total <= _SHORTEST and _BAD.search("".join(v for _, v in found)) is None:
        return [], total  # the common case: one regex pass, no limit can be reached
    problems: list[Problem] = []
    for path, value in found:
        loc = (*where, *path)
        names = [p for p in path if isinstance(p, str)]
        limit = FIELD_LIMITS.get(names[-1] if names else "", DEFAULT_LIMIT)
        bad = bad_character(value)
        if bad is not None:
            problems.append(
                Problem(
                    rel,
                    line_at(tree, loc),
                    field_name(loc),
                    f"character {bad} not allowed",
                    "remove it: control and direction-override characters garble terminals "
                    "and XML outputs (paste the text as plain text)",
                )
            )
        if len(value) > limit:
            problems.append(
                Problem(
                    rel,
                    line_at(tree, loc),
                    field_name(loc),
                    f"{len(value):,} characters, over the {limit:,}-character limit",
                    "shorten it; keep long material in the source's text file",
                )
            )
    return problems, total


def budget_problem(rel: str, characters: int, size: int) -> Problem | None:
    """A problem when a file's records hold more characters than its output budget.

    >>> budget_problem("data/a.yaml", 10, 100) is None
    True
    >>> print(budget_problem("data/a.yaml", 9_000_000, 1_000_000))  # doctest: +ELLIPSIS
    data/a.yaml:0: (file): its records expand to 9,000,000 characters of text, over ...
    """
    budget = BUDGET_FACTOR * size + BUDGET_SLACK
    if characters <= budget:
        return None
    return Problem(
        rel,
        0,
        "(file)",
        f"its records expand to {characters:,} characters of text, over the budget of "
        f"{budget:,} ({BUDGET_FACTOR} times its {size:,} bytes, plus {BUDGET_SLACK:,})",
        "YAML aliases (&name, *name) repeat a value in every record and every output; "
        "write shared text once, or shorten it",
    )
