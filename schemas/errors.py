"""One error hierarchy for detente; every message is built from structured parts.

::

    DetenteError                 base: anything detente reports to a user
    ├── DataError                one or more problems in the data folder (exit 1)
    │     .problems: list[Problem]   each with file, line, field, message, hint
    ├── UsageError               a command line that cannot be run (exit 2)
    ├── NotFoundError            an unknown actor, topic or record id (exit 1)
    ├── ValidationError          SHACL violations in a compiled graph (exit 1)
    └── EndpointError            a remote SPARQL store refused or failed (exit 1)

>>> p = Problem(file="data/actors.yaml", line=3, field="wikidata",
...             message="'X1' is not a Wikidata QID", hint="write it as Q followed by digits")
>>> str(p)
"data/actors.yaml:3: wikidata: 'X1' is not a Wikidata QID (hint: write it as Q followed by digits)"
>>> print(DataError([p]))  # doctest: +NORMALIZE_WHITESPACE
1 problem in the data:
data/actors.yaml:3: wikidata: 'X1' is not a Wikidata QID
  (hint: write it as Q followed by digits)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "DataError",
    "DetenteError",
    "EndpointError",
    "NotFoundError",
    "Problem",
    "UsageError",
    "ValidationError",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: ``file:line: field: message (hint: ...)``."""

    file: str
    line: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.field}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class DetenteError(Exception):
    """Base of every error detente reports to a user; ``exit_code`` is for the CLI."""

    exit_code = 1


class DataError(DetenteError):
    """The data folder has problems; all of them are listed, sorted by place."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n".join([head, *map(str, self.problems)]))


class UsageError(DetenteError):
    """A command or call that cannot be run as given."""

    exit_code = 2


class NotFoundError(DetenteError):
    """An id, name or alias that matches nothing; carries the closest candidates."""

    def __init__(self, what: str, value: str, candidates: Iterable[str] = ()) -> None:
        self.what = what
        self.value = value
        self.candidates = list(candidates)
        hint = f"; closest: {', '.join(self.candidates)}" if self.candidates else ""
        cut = value if len(value) <= 80 else f"{value[:80]}... ({len(value):,} characters)"
        super().__init__(f"unknown {what} {cut!r}{hint}")


class ValidationError(DetenteError):
    """The compiled graph violates the SHACL shapes; ``violations`` are readable lines."""

    def __init__(self, violations: Iterable[str]) -> None:
        self.violations = list(violations)
        count = len(self.violations)
        super().__init__(
            "\n".join([f"{count} SHACL violation{'s' if count != 1 else ''}:", *self.violations])
        )


class EndpointError(DetenteError):
    """A remote SPARQL 1.1 endpoint failed; names the endpoint and HTTP status."""

    def __init__(self, endpoint: str, message: str, status: int | None = None) -> None:
        self.endpoint = endpoint
        self.status = status
        where = f"{endpoint} (HTTP {status})" if status is not None else endpoint
        super().__init__(f"{where}: {message}")
