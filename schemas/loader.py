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
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticError

from schemas.cache import RecordCache, ordered_records
from schemas.corpus import SECTIONS, Corpus, Location
from schemas.errors import DataError, Problem
from schemas.limits import budget_problem, record_problems
from schemas.messages import blamed_field, field_name, hint, message
from schemas.models import Identified, Source
from schemas.references import check_references
from schemas.texts import MAX_FILE_BYTES, attach_texts, read_source_text, resolved
from schemas.yamlio import LineDict, LineList, line_at, read_yaml_text

__all__ = ["MAX_FILE_BYTES", "load", "load_record_file", "read_source_text"]

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
        problems.extend(attach_texts(root, corpus, raw, cache))
    if problems and cache is not None and cache.hits:
        return _load(path, None)  # again without the cache, for the fields' own lines
    if problems:
        raise DataError(problems)
    return corpus


def load_record_file(
    root: Path, file: Path, cache: RecordCache | None = None
) -> tuple[Corpus, dict[str, Any], list[Problem]]:
    """One record file's records as :func:`load` reads them, before any cross-file check.

    Returns the records (with their locations), the parsed YAML of each record
    by id (for field lines; empty when the records came from ``cache``) and
    the file's own problems. ``detente build`` rechecks an edited source file
    with it (:mod:`graph.builder.incremental`).

    >>> part, raw, problems = load_record_file(Path("data"), Path("data/actors.yaml"))
    >>> problems, "russia" in part.actors, "russia" in raw
    ([], True, True)
    """
    rel = _display(root, file)
    part, raw, problems = Corpus(), dict[str, Any](), list[Problem]()
    cached = cache.restore(file, rel) if cache is not None else None
    if cached is not None:
        for section, record, line in cached:
            _add(part, section, record, rel, line, problems)
        return part, raw, problems
    tree = _read_tree(root, file, rel, problems)
    if tree is not None:
        _collect(tree, rel, part, raw, problems)
        if cache is not None and not problems:
            cache.store(file, rel, part)
    return part, raw, problems


def _display(root: Path, file: Path) -> str:
    return (root.name / file.relative_to(root)).as_posix()


def _record_files(root: Path, problems: list[Problem]) -> list[Path]:
    files: list[Path] = []
    base = root.resolve()
    for file in sorted(root.rglob("*")):
        linked = file.is_symlink()
        if file.suffix not in {".yaml", ".yml"} and not (linked and file.is_dir()):
            continue
        target = resolved(file) if linked else base
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
    if isinstance(tree, LineDict):
        tree.size = len(raw)  # for the output budget (schemas.limits.budget_problem)
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
                Problem(rel, tree.line_of(key), field_name([str(key)]), "unknown section", hint)
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
    over = budget_problem(rel, tree.characters, tree.size)
    if over is not None:
        problems.append(over)


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
        record = model.model_validate(item)
    except PydanticError as err:
        for e in err.errors():
            loc = (*path, *e["loc"], *blamed_field(e, item))
            field = field_name(loc)
            problems.append(Problem(rel, line_at(tree, loc), field, message(e), hint(e)))
        return None
    own, characters = record_problems(record, rel, path, tree)
    tree.characters += characters
    if own:
        problems.extend(own)
        return None
    return record


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
