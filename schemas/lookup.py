"""The two questions every cross-record check asks: does this id resolve, is this claimed?

Each check yields :data:`Found` tuples: the field's path in the record, the
message and the hint, and optionally the path whose line to report when the
field itself is missing (a ``demanded`` concession without ``demanded_by`` is
reported at its ``modality:`` line).

>>> from schemas.models import Topic
>>> c = Corpus(topics={"donbas": Topic(id="donbas", label="Donbas", kind="territory")})
>>> next(ref(c, ["topics"], "donbass", ("topic",)))
(('topic',), "unknown topic 'donbass'", 'closest: donbas')
>>> list(ref(c, ["topics"], "donbas", ("topic",)))
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from difflib import get_close_matches

from schemas.corpus import Corpus

__all__ = ["CLAIMABLE", "Found", "Path", "claimed", "ref"]

Path = tuple[str | int, ...]
Found = tuple[Path, str, str] | tuple[Path, str, str, Path]

CLAIMABLE = (
    "concessions",
    "positions",
    "meetings",
    "commitments",
    "proposals",
    "provisions",
    "responses",
)
"""The sections whose records statements support or deny."""


def ref(corpus: Corpus, kinds: Iterable[str], value: str | None, path: Path) -> Iterator[Found]:
    """A problem when ``value`` (if given) is no id of the sections ``kinds``."""
    if value is None:
        return
    kinds = list(kinds)
    if any(value in corpus.section(kind) for kind in kinds):
        return
    what = " or ".join(k.rstrip("s") for k in kinds)
    candidates: list[str] = []
    for kind in kinds:
        candidates += get_close_matches(value, list(corpus.section(kind)), n=3, cutoff=0.5)
    if "actors" in kinds:
        candidates += [c for c in corpus.closest_actors(value) if c not in candidates]
    if candidates:
        hint = f"closest: {', '.join(candidates[:4])}"
    else:
        known = sorted(k for kind in kinds for k in corpus.section(kind))
        hint = f"known {what} ids: {', '.join(known[:8])}" + (" ..." if len(known) > 8 else "")
    yield path, f"unknown {what} {value!r}", hint


def claimed(corpus: Corpus, ident: str, what: str, path: Path = ("id",)) -> Iterator[Found]:
    """A problem when no statement supports or denies the record ``ident``."""
    if not corpus.supporting(ident) and not corpus.denying(ident):
        yield (
            path,
            f"no statement supports or denies this {what}",
            (f"add '{ident}' to the supports: list of the statement(s) that claim it"),
        )
