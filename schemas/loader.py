"""Read a data folder into a validated :class:`~schemas.corpus.Corpus`.

Every YAML file below the folder is a *record file*: a mapping with an
optional ``$schema`` hint and any of the sections named in
:data:`~schemas.corpus.SECTIONS`. A file that holds ``source:`` (a single
source) gives that source's id to the ``statements:`` beside it.

All problems are collected and raised together as one
:class:`~schemas.errors.DataError`, each naming ``file:line: field``.

>>> corpus = load("data")
>>> corpus.actors["russia"].name
'Russia'
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterable
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticError

from schemas.cache import RecordCache, ordered_records
from schemas.corpus import SECTIONS, Corpus, Location
from schemas.errors import DataError, Problem
from schemas.evidence import NormalText, closest_passage, locate
from schemas.models import Identified, Source, Statement
from schemas.references import check_references
from schemas.yamlio import LineDict, LineList, line_at, read_yaml_text

__all__ = ["MAX_FILE_BYTES", "load", "read_source_text"]

MAX_FILE_BYTES = 50 * 1024 * 1024
_TOP_KEYS = {"$schema", "source", *SECTIONS}


def load(path: str | Path, cache_dir: str | Path | RecordCache | None = None) -> Corpus:
    """Load, validate and cross-check every record file in the data folder ``path``.

    With ``cache_dir``, each record file's validated records are cached there
    by content hash (see :mod:`schemas.cache`), so only changed files are
    parsed again. Given a :class:`~schemas.cache.RecordCache` instead, nothing
    is written until its caller calls ``flush()`` (``detente build`` does once
    the data passed every check, so a failed build leaves the cache as it was).
    Raises :class:`~schemas.errors.DataError` listing every problem found.
    """
    collecting = gc.isenabled()
    gc.disable()  # the loader builds millions of acyclic objects; tracing them is wasted time
    try:
        if cache_dir is None or isinstance(cache_dir, RecordCache):
            return _load(path, cache_dir)
        cache = RecordCache(cache_dir)
        try:
            return _load(path, cache)
        finally:
            cache.flush()  # files that validated are cached even when another file failed
    finally:
        if collecting:
            gc.enable()


def _load(path: str | Path, cache: RecordCache | None) -> Corpus:
    root = Path(path)
    if not root.is_dir():
        raise DataError(
            [
                Problem(
                    str(path),
                    0,
                    "(folder)",
                    "not a data folder",
                    "give the folder that holds actors.yaml and sources/",
                )
            ]
        )
    problems: list[Problem] = []
    corpus = Corpus()
    raw: dict[str, Any] = {}
    for file in _record_files(root, problems):
        rel = _display(root, file)
        cached = cache.restore(file, rel) if cache is not None else None
        if cached is not None:
            for section, record, line in cached:
                _add(corpus, section, record, rel, line, problems)
            continue
        tree = _read_tree(root, file, rel, problems)
        if tree is not None and cache is None:
            _collect(tree, rel, corpus, raw, problems)
        elif tree is not None and cache is not None:
            part, own = Corpus(), list[Problem]()
            _collect(tree, rel, part, raw, own)
            for section, record, line in ordered_records(part):
                _add(corpus, section, record, rel, line, problems)
            problems.extend(own)
            if not own:
                cache.store(file, rel, part)
    if not problems:
        problems.extend(check_references(corpus, raw))
        problems.extend(_attach_texts(root, corpus, raw, cache))
    if problems and cache is not None and cache.hits:
        return _load(path, None)  # again without the cache, for the fields' own lines
    if problems:
        raise DataError(problems)
    return corpus


def _display(root: Path, file: Path) -> str:
    return (root.name / file.relative_to(root)).as_posix()


def _record_files(root: Path, problems: list[Problem]) -> list[Path]:
    files: list[Path] = []
    base = root.resolve()
    for file in sorted(root.rglob("*")):
        linked = file.is_symlink()
        if file.suffix not in {".yaml", ".yml"} and not (linked and file.is_dir()):
            continue
        target = _resolved(file) if linked else base
        if target is None or not target.is_relative_to(base):
            problems.append(
                Problem(
                    _display(root, file),
                    0,
                    "(file)",
                    "symbolic link pointing outside the data folder (or in a loop)",
                    "copy the file into the data folder instead of linking",
                )
            )
            continue
        if linked and file.is_dir():  # rglob does not descend into linked folders
            continue
        if not file.is_file():
            problems.append(
                Problem(
                    _display(root, file),
                    0,
                    "(file)",
                    "not a regular file",
                    "record files are plain .yaml files; rename or remove this entry",
                )
            )
            continue
        files.append(file)
    if not files:
        problems.append(
            Problem(
                root.as_posix(),
                0,
                "(folder)",
                "no .yaml record files found",
                "a data folder holds actors.yaml, topics.yaml, ... and sources/",
            )
        )
    return files


def _read_tree(root: Path, file: Path, rel: str, problems: list[Problem]) -> Any:
    try:
        raw = file.read_bytes()
    except OSError as err:
        problems.append(Problem(rel, 0, "(file)", f"cannot read: {err.strerror}", ""))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(
            Problem(
                rel,
                0,
                "(file)",
                f"file is {len(raw):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit",
                "split it into several files",
            )
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(
            Problem(rel, line, "(file)", f"not UTF-8 (byte {err.start})", "save the file as UTF-8")
        )
        return None
    if "\x00" in text:
        problems.append(
            Problem(
                rel,
                text[: text.index("\x00")].count("\n") + 1,
                "(file)",
                "binary content (NUL byte)",
                "record files are YAML text",
            )
        )
        return None
    try:
        tree = read_yaml_text(text, rel)
    except DataError as err:
        problems.extend(err.problems)
        return None
    if not isinstance(tree, LineDict):
        problems.append(
            Problem(
                rel,
                1,
                "(file)",
                "a record file must be a mapping of sections",
                f"start with one of: {', '.join(sorted(_TOP_KEYS))}",
            )
        )
        return None
    return tree


def _collect(
    tree: LineDict, rel: str, corpus: Corpus, raw: dict[str, Any], problems: list[Problem]
) -> None:
    for key in tree:
        if key not in _TOP_KEYS:
            near = get_close_matches(str(key), sorted(_TOP_KEYS), n=1)
            hint = f"did you mean {near[0]!r}?" if near else f"use one of {sorted(_TOP_KEYS)}"
            problems.append(
                Problem(rel, tree.line_of(key), _field_name([str(key)]), "unknown section", hint)
            )
    file_source: str | None = None
    if "source" in tree:
        source = _validate(Source, tree["source"], rel, ("source",), tree, problems)
        if source is not None:
            _add(corpus, "sources", source, rel, tree.line_of("source"), problems)
            raw[source.id] = tree["source"]
            file_source = source.id
        elif isinstance(tree["source"], dict) and isinstance(tree["source"].get("id"), str):
            file_source = tree["source"]["id"]  # its own problem is reported; spare the statements
    for name, model in SECTIONS.items():
        items = tree.get(name)
        if items is None:
            continue
        if not isinstance(items, LineList):
            problems.append(
                Problem(
                    rel,
                    tree.line_of(name),
                    name,
                    "must be a list of records",
                    "write each record as an item starting with '- id: ...'",
                )
            )
            continue
        for index, item in enumerate(items):
            if name == "statements" and isinstance(item, LineDict):
                given = item.get("source")
                if given is None and file_source is None:
                    problems.append(
                        Problem(
                            rel,
                            items.line_of(index),
                            f"statements[{index}].source",
                            "statement has no source",
                            "put statements in their source's file or add 'source:'",
                        )
                    )
                    continue
                if given is not None and file_source is not None and given != file_source:
                    problems.append(
                        Problem(
                            rel,
                            item.line_of("source"),
                            f"statements[{index}].source",
                            f"{given!r} differs from this file's source {file_source!r}",
                            "move the statement to its source's file",
                        )
                    )
                    continue
                if given is None:
                    item = _with_source(item, file_source)
            record = _validate(model, item, rel, (name, index), tree, problems)
            if record is not None:
                _add(corpus, name, record, rel, items.line_of(index), problems)
                raw.setdefault(record.id, item)


def _with_source(item: LineDict, source: str | None) -> LineDict:
    out = LineDict(item)
    out["source"] = source
    out.line, out.lines = item.line, item.lines
    return out


def _validate(
    model: type[Identified],
    item: Any,
    rel: str,
    path: tuple[str | int, ...],
    tree: LineDict,
    problems: list[Problem],
) -> Any:
    try:
        return model.model_validate(item)
    except PydanticError as err:
        for e in err.errors():
            loc = (*path, *e["loc"], *_blamed_field(e, item))
            field = _field_name(loc)
            problems.append(Problem(rel, line_at(tree, loc), field, _message(e), _hint(e)))
        return None


def _blamed_field(e: Any, item: Any) -> tuple[str, ...]:
    """For a whole-record check ('end is before start'), the field its message names first."""
    words = str(e["msg"]).removeprefix("Value error, ").split()
    for step in e["loc"]:  # the nested record the check ran on
        ok = isinstance(item, dict) or (isinstance(step, int) and isinstance(item, list))
        item = item[step] if ok and (step in item if isinstance(item, dict) else True) else None
    if e["type"] == "value_error" and words and isinstance(item, dict) and words[0] in item:
        return (words[0],)
    return ()


def _field_name(loc: Iterable[str | int]) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
            continue
        name = str(step)
        name = name if name and name.isprintable() and name.strip() == name else repr(name)
        out += f".{name}" if out else name
    return out


def _shown(value: Any, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters so a huge value cannot flood a message."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 5]}...{text[-2:]}"


def _message(e: Any) -> str:
    kind, msg = e["type"], e["msg"]
    given = e.get("input")
    last = e["loc"][-1] if e["loc"] else ""
    if kind == "extra_forbidden":
        return "unknown field"
    if last == "wikidata" and kind in {"string_pattern_mismatch", "string_type"}:
        return f"{_shown(given)} is not a Wikidata QID"
    if kind == "string_pattern_mismatch":
        return f"{_shown(given)} is not a lowercase slug" if "a-z0-9" in str(e.get("ctx")) else msg
    if kind.startswith("date"):
        return f"{_shown(given)} is not a date: {msg.lower()}"
    if kind == "value_error":
        return str(msg).removeprefix("Value error, ")
    return str(msg) if not isinstance(given, str | int | float) else f"{msg} (got {_shown(given)})"


_TYPE_HINTS = {
    "string_type": "give a single text value here (quote it if it looks like a number or list)",
    "list_type": "give a list here, e.g. [a, b] or one '- item' per line",
    "int_type": "give a whole number here",
    "bool_type": "give true or false here",
    "model_type": "give a mapping of fields here (key: value lines)",
    "dict_type": "give a mapping of fields here (key: value lines)",
    "too_short": "give at least one item",
    "string_too_short": "give a non-empty value",
    "string_too_long": "shorten the value",
}


def _hint(e: Any) -> str:
    kind = e["type"]
    last = e["loc"][-1] if e["loc"] else ""
    if kind == "extra_forbidden":
        return "remove it, or check its spelling against schemas/README.md"
    if kind.startswith("date"):
        return "write dates as YYYY-MM-DD, resolved against the source's date"
    if last == "wikidata" and kind in {"string_pattern_mismatch", "string_type"}:
        return "write 'Q' and digits, e.g. Q159, and only a QID you have checked; else leave it out"
    if kind == "string_pattern_mismatch":
        return "ids use a-z, 0-9 and single hyphens, e.g. 'steve-witkoff'"
    if kind == "missing":
        return "add this field"
    if kind == "enum":
        return "use one of the listed values"
    if kind == "value_error":
        return "correct the values so that they agree"
    return _TYPE_HINTS.get(kind, "see this field in schemas/README.md or `detente schema`")


def _add(
    corpus: Corpus, section: str, record: Any, rel: str, line: int, problems: list[Problem]
) -> None:
    ident: str = record.id
    if ident in corpus.locations:
        first = corpus.locations[ident]
        problems.append(
            Problem(
                rel,
                line,
                f"{section}.id",
                f"duplicate id {ident!r}, first defined at {first.file}:{first.line}",
                "ids are unique across all files and sections; rename one",
            )
        )
        return
    corpus.section(section)[ident] = record
    corpus.locations[ident] = Location(rel, line)


def read_source_text(root: Path, source: Source) -> str:
    """The stored text of ``source``, kept inside ``root/sources``; raises DataError."""
    where = f"{root.name}/sources/{source.text}"
    base = root.resolve() / "sources"
    target = _resolved(root / "sources" / source.text)
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


def _resolved(path: Path) -> Path | None:
    """``path`` with links resolved, or None when it cannot be (link loop, NUL byte)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _text_problem(source: Source, field: str, message: str, hint: str) -> DataError:
    return DataError([Problem(f"<source {source.id}>", 0, f"source.{field}", message, hint)])


def _attach_texts(
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
            near = closest_passage(st.text, text)
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
        corpus.statements[st.id] = st.model_copy(update={"evidence": found})
    return problems
