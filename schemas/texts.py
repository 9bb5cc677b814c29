"""Source texts: read them safely from ``data/sources/``, check their hashes, anchor quotes.

A text path must resolve inside the data folder's ``sources/`` (no ``..``, no
absolute path, no link out), be UTF-8 and stay under :data:`MAX_FILE_BYTES`.
Every statement's quote is then found in body text (never in furniture) and its
evidence (offsets, exact text, prefix, suffix) recorded.

>>> from schemas.loader import load
>>> corpus = load("data")
>>> source = next(iter(corpus.sources.values()))
>>> read_source_text(Path("data"), source) == corpus.texts[source.id]
True
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from typing import Any

from schemas.cache import RecordCache
from schemas.corpus import Corpus
from schemas.errors import DataError, Problem
from schemas.evidence import NormalText, closest_passage, evidence_at, locate
from schemas.models import Source, Statement
from schemas.yamlio import line_at

__all__ = ["MAX_FILE_BYTES", "AmbiguousQuote", "attach_texts", "read_source_text", "resolved"]

MAX_FILE_BYTES = 50 * 1024 * 1024


class AmbiguousQuote(UserWarning):
    """A quote that occurs more than once in its text and was anchored at the first copy.

    ``problem`` says where, with a hint: give ``evidence:`` (as the loader computes it
    for the copy meant) to anchor it at another copy. ``detente check`` prints these.
    """

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_source_text(root: Path, source: Source) -> str:
    """The stored text of ``source``, kept inside ``root/sources``; raises DataError."""
    where = f"{root.name}/sources/{source.text}"
    base = root.resolve() / "sources"
    target = resolved(root / "sources" / source.text)
    if target is None or not target.is_relative_to(base) or Path(source.text).is_absolute():
        raise _text_problem(
            source,
            "text",
            f"{source.text!r} points outside {root.name}/sources/ (or is not a usable path)",
            "store the text inside the data folder's sources/ and name it there",
        )
    if target.exists() and not target.is_file():
        raise _text_problem(
            source,
            "text",
            f"{where} is not a regular file",
            "name the plain-text file that holds the source's text",
        )
    try:
        raw = target.read_bytes()
    except OSError as err:
        raise _text_problem(
            source,
            "text",
            f"cannot read {where}: {err.strerror}",
            "check the file name; texts live in the data folder's sources/",
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _text_problem(
            source,
            "text",
            f"{where} is over {MAX_FILE_BYTES:,} bytes",
            "store only the article's text",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _text_problem(
            source, "text", f"{where} is not UTF-8 (byte {err.start})", "convert the text to UTF-8"
        ) from None


def resolved(path: Path) -> Path | None:
    """``path`` with links resolved, or None when it cannot be (link loop, NUL byte)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _text_problem(source: Source, field: str, message: str, hint: str) -> DataError:
    return DataError([Problem(f"<source {source.id}>", 0, f"source.{field}", message, hint)])


def attach_texts(
    root: Path, corpus: Corpus, raw: dict[str, Any], cache: RecordCache | None = None
) -> list[Problem]:
    """Read each source's text, check its hash, and anchor every statement in it.

    With a cache, a source whose text, quotes and furniture are unchanged
    reuses its stored anchoring instead of searching the text again.
    """
    problems: list[Problem] = []
    by_source: dict[str, list[Statement]] = {}
    for st in corpus.statements.values():
        by_source.setdefault(st.source, []).append(st)
    for sid, source in corpus.sources.items():
        loc = corpus.locations[sid]
        try:
            text = read_source_text(root, source)
        except DataError as err:
            line = _line(corpus, raw, sid, "text")
            problems.extend(
                Problem(loc.file, line, p.field, p.message, p.hint) for p in err.problems
            )
            continue
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if source.sha256 is not None and source.sha256 != digest:
            problems.append(
                Problem(
                    loc.file,
                    _line(corpus, raw, sid, "sha256"),
                    "source.sha256",
                    "the stored text changed since curation (SHA-256 differs)",
                    f"re-check every quote, then set sha256: {digest}",
                )
            )
            continue
        corpus.sources[sid] = source.model_copy(update={"sha256": digest})
        corpus.texts[sid] = text
        statements = by_source.get(sid, [])
        key = cache.anchor_key(source, digest, statements) if cache is not None else ""
        stored = cache.anchored(key, len(statements)) if cache is not None else None
        if stored is not None:
            for st, found in zip(statements, stored, strict=True):
                corpus.statements[st.id] = st.model_copy(update={"evidence": found})
            continue
        own = _anchor(corpus, raw, source, text, statements)
        problems.extend(own)
        anchored = [corpus.statements[st.id].evidence for st in statements]
        if cache is not None and not own:
            cache.keep_anchors(key, [e for e in anchored if e is not None])
    return problems


def _line(corpus: Corpus, raw: dict[str, Any], ident: str, *path: str | int) -> int:
    """The line of ``path`` inside record ``ident``, else the record's own line."""
    if ident in raw:
        return line_at(raw[ident], path)
    return corpus.locations[ident].line


def _anchor(
    corpus: Corpus, raw: dict[str, Any], source: Source, text: str, statements: list[Statement]
) -> list[Problem]:
    problems: list[Problem] = []
    norm = NormalText(text)
    furniture: list[tuple[int, int]] = []
    loc = corpus.locations[source.id]
    for index, passage in enumerate(source.furniture):
        span = norm.find(passage)
        if span is None:
            problems.append(
                Problem(
                    loc.file,
                    _line(corpus, raw, source.id, "furniture", index),
                    "source.furniture",
                    f"furniture passage not in the text: {passage[:60]!r}",
                    "copy the passage verbatim from the stored text",
                )
            )
        else:
            furniture.append(span)
    for st in statements:
        where = corpus.locations[st.id]
        found = locate(st.text, norm, furniture)
        if found is None:
            in_furniture = locate(st.text, norm) is not None
            message = (
                "quote stands only in link furniture, not body text"
                if in_furniture
                else "quote not found in the source text"
            )
            near = closest_passage(st.text, norm)
            problems.append(
                Problem(
                    where.file,
                    _line(corpus, raw, st.id, "text"),
                    "text",
                    message,
                    f"closest passage: {near[:160]!r}"
                    if near
                    else "copy the text verbatim from the source",
                )
            )
            continue
        if st.evidence is not None and st.evidence != found:
            chosen = _curated_copy(norm, st, furniture)
            if chosen is not None:  # the curator chose another copy of the quote
                corpus.statements[st.id] = st.model_copy(update={"evidence": chosen})
                continue
            problems.append(
                Problem(
                    where.file,
                    _line(corpus, raw, st.id, "evidence"),
                    "evidence",
                    f"stale offsets: curated {st.evidence.start}-{st.evidence.end}, "
                    f"text now has it at {found.start}-{found.end}",
                    "remove 'evidence:'; the loader computes it",
                )
            )
            continue
        if st.evidence is None:
            again = locate(st.text, norm, [*furniture, (found.start, found.end)])
            if again is not None:
                warnings.warn(
                    AmbiguousQuote(
                        Problem(
                            where.file,
                            _line(corpus, raw, st.id, "text"),
                            "text",
                            f"the quote occurs more than once in the text (at {found.start} "
                            f"and {again.start}); anchored at the first",
                            f"to anchor it at another copy, add its evidence, e.g. evidence: "
                            f"{{start: {again.start}, end: {again.end}, exact: ..., prefix: ..., "
                            "suffix: ...}, as the loader computes it for that copy",
                        )
                    ),
                    stacklevel=2,
                )
        corpus.statements[st.id] = st.model_copy(update={"evidence": found})
    return problems


def _curated_copy(norm: NormalText, st: Statement, furniture: list[tuple[int, int]]) -> Any:
    """The curated evidence when it anchors the quote at another copy in body text, else None."""
    given = st.evidence
    if given is None:
        return None
    span = norm.find(st.text, given.start)
    if span is None or span[0] != given.start:
        return None
    if any(a < span[1] and span[0] < b for a, b in furniture):
        return None
    chosen = evidence_at(norm.text, *span)
    return chosen if chosen == given else None
