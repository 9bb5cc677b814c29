"""The fast path of ``detente build``: after edits to source files, touch nothing else.

A build that passed leaves ``{out}/.cache/manifest.json`` (:func:`record`):
the stat and SHA-256 of every record file and every source text it read, what
each record file defines and needs (:mod:`schemas.manifest`), each source
graph's :func:`graph.compile.keys.source_keys` key and triple count, and the stat of
each output file; ``context.nt`` beside it holds the ``rdf:type`` lines of the
registry and vocabulary graphs (all a source graph's SHACL unit reads of them).

:func:`rebuild` stats the data folder. When only source files (and their texts)
changed, were added or removed, it rereads just those, rechecks them as sets
against the other files' facts, compiles and SHACL-checks just their graphs,
and splices the new parts into the last outputs at the offsets ``parts.json``
keeps: the bytes are those of a cold build (tests compare). It gives up, with
the reason, whenever that is not certain: no or damaged manifest; other code,
base, formats, engine or data folder; a link or special file in the folder;
any other record file changed; any problem in the edited files (the full
load then reports it, with its hints); an output file changed since.

>>> import shutil, tempfile
>>> from graph.builder.run import build
>>> data = Path(tempfile.mkdtemp()) / "data"
>>> _ = shutil.copytree("data", data)
>>> out = data.parent / "build"
>>> build(data, out).path
'full'
>>> report = build(data, out)
>>> report.path, report.reread
('incremental', 0)
>>> shutil.rmtree(data.parent)
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.builder.splice import output_stat, splice
from graph.export.writers import EXTENSIONS
from graph.files import SNAPSHOT, write_atomic
from graph.rdf.ntriples import RDF_TYPE
from schemas.manifest import RECORD_SUFFIXES, FileFacts, Stat, file_facts, recheck, scan

if TYPE_CHECKING:  # the compiler, validator and models load only once a file changed
    from graph.compile.compiled import Compiled
    from schemas.corpus import Corpus

__all__ = ["MANIFEST", "Rebuilt", "fingerprint", "forget", "rebuild", "record"]

MANIFEST = "manifest.json"
"""The manifest's name inside ``{out}/.cache``."""
_CONTEXT = "context.nt"
_LIBRARIES = ("pyoxigraph", "pydantic", "pydantic_core", "yaml", "pyshacl", "rdflib")
_RACY_NS = 100_000_000  # a file changed this close to a scan may change again unseen


@dataclass
class Rebuilt:
    """What :func:`rebuild` did (``graph.builder.run.BuildReport`` carries it on)."""

    files: list[Path]
    triples: int
    graphs: int
    validated: int
    reread: int
    seconds: dict[str, float] = field(default_factory=dict)


def fingerprint(data_dir: Path, base: str, formats: tuple[str, ...], shacl: str) -> str:
    """What a manifest holds for: detente's code, the libraries, the options and the folder.

    The libraries are named by where their code lies and that file's stat
    (an upgrade rewrites it), so that none of them is imported to ask.
    """
    root = Path(__file__).resolve().parents[2]
    h = hashlib.sha256()
    for path in sorted([*root.glob("graph/**/*.py"), *root.glob("schemas/*.py")]):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    h.update((root / "schemas" / "shapes.ttl").read_bytes())
    parts = [sys.version, base, shacl, *formats, str(data_dir.resolve())]
    for library in _LIBRARIES:
        spec = find_spec(library)
        origin = spec.origin if spec is not None and spec.origin else library
        parts += [origin, str(output_stat(Path(origin)))]
    h.update("\0".join(parts).encode())
    return h.hexdigest()


def _racy(stat: Stat, since: int) -> list[int] | None:
    return None if stat[2] >= since - _RACY_NS else list(stat)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def record(
    data_dir: Path,
    out_dir: Path,
    fingerprinted: str,
    scanned: tuple[int, dict[str, Stat] | None],
    corpus: Corpus,
    compiled: Compiled,
    digests: dict[str, str],
    formats: tuple[str, ...],
) -> bool:
    """Write the manifest after a full build (``scanned``: the folder's stats taken before it).

    ``digests`` are the record files' SHA-256 as the loader read them, by
    shown path. Returns False (and writes nothing) when the folder cannot
    be described: then the next build takes the full path again.
    """
    since, stats = scanned
    if stats is None:
        return False
    facts = file_facts(data_dir, corpus)
    files: dict[str, list[Any]] = {}
    shown = data_dir.name
    for rel, stat in stats.items():
        if rel.endswith(RECORD_SUFFIXES):
            digest = digests.get(f"{shown}/{rel}")
            if digest is None:
                return False
            files[rel] = [_racy(stat, since), digest]
    for fact in facts.values():  # every source's text, whichever file defines it
        for sid, text in fact.texts.items():
            text_stat = stats.get(text)
            sha = corpus.sources[sid].sha256
            if text_stat is None or sha is None:
                return False
            files[text] = [_racy(text_stat, since), sha]
    from graph.builder.derive import evidence_digest, keep_fixed
    from graph.rdf.iris import Minter

    minter = Minter(compiled.base)
    graphs = {}
    evidence = {}
    for sid in corpus.sources:
        name = minter.iri("source", sid, "graph")
        graphs[name] = [sid, compiled.digest(name), len(compiled.graphs[name])]
        evidence[name] = evidence_digest(compiled.graphs[name])
    # the graphs the build makes (registry, vocabulary, derived facts), in output order
    fixed = [[n, compiled.digest(n), len(lines)] for n, lines in compiled.graphs.items()
             if n not in graphs]  # fmt: skip
    outputs = {fmt: output_stat(out_dir / f"detente.{EXTENSIONS[fmt]}") for fmt in formats}
    state = {
        "version": fingerprinted,
        "files": files,
        "facts": {rel: f.to_json() for rel, f in facts.items()},
        "fixed": fixed,
        "graphs": graphs,
        "evidence": evidence,
        "outputs": outputs,
    }
    context = [ln for n in list(compiled.graphs)[:2] for ln in compiled.graphs[n] if _is_type(ln)]
    cache = out_dir / ".cache"
    write_atomic(cache / _CONTEXT, "\n".join(context).encode())
    keep_fixed(cache, compiled, set(graphs))
    write_atomic(cache / MANIFEST, json.dumps(state).encode())
    return True


def _is_type(line: str) -> bool:
    return line.split(" ", 2)[1] == RDF_TYPE


def forget(out_dir: Path) -> None:
    """Drop the manifest (before outputs it does not describe are published)."""
    (out_dir / ".cache" / MANIFEST).unlink(missing_ok=True)


def rebuild(
    data_dir: Path, out_dir: Path, base: str, formats: tuple[str, ...], shacl: str
) -> Rebuilt | str:
    """Rebuild after edits to source files only; else the reason to build in full.

    Never raises for a problem in the data or the cache: the full path then
    runs and reports it exactly as a cold build does.
    """
    from schemas.errors import ValidationError

    try:
        return _rebuild(data_dir, out_dir, base, formats, shacl)
    except ValidationError:
        return "an edited source graph breaks a shape"
    except (OSError, KeyError, TypeError, IndexError, AttributeError, ValueError) as err:
        return f"the cache is not usable ({type(err).__name__}: {err})"


def _rebuild(
    data_dir: Path, out_dir: Path, base: str, formats: tuple[str, ...], shacl: str
) -> Rebuilt | str:
    clock = time.perf_counter()
    cache = out_dir / ".cache"
    try:
        state = json.loads((cache / MANIFEST).read_bytes())
        facts = {rel: FileFacts.from_json(v) for rel, v in state["facts"].items()}
        files: dict[str, list[Any]] = state["files"]
        graphs: dict[str, list[Any]] = state["graphs"]
        fixed: list[list[Any]] = state["fixed"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "no usable manifest"
    if state.get("version") != fingerprint(data_dir, base, formats, shacl):
        return "the code, the options or the data folder changed"
    since = time.time_ns()
    stats = scan(data_dir)
    if stats is None:
        return "a symbolic link or special file in the data folder"
    now: dict[str, list[Any]] = {}

    def changed(rel: str) -> bool:
        old, stat = files.get(rel), stats.get(rel)
        if stat is None:
            return True
        if old is not None and old[0] == list(stat):
            now[rel] = old
            return False
        digest = _digest(data_dir / rel)
        now[rel] = [_racy(stat, since), digest]
        return old is None or digest != old[1]

    records = {rel for rel in stats if rel.endswith(RECORD_SUFFIXES)}
    removed = sorted(set(facts) - records)
    edited = {rel for rel in records if changed(rel)}
    for rel, fact in facts.items():
        if rel not in removed and any(changed(text) for text in fact.texts.values()):
            edited.add(rel)
    seconds = {"scan": time.perf_counter() - clock}
    outputs = [out_dir / f"detente.{EXTENSIONS[fmt]}" for fmt in formats]
    seen = state["outputs"]
    if any(output_stat(p) != seen.get(f) for p, f in zip(outputs, formats, strict=True)):
        return "an output file changed since the last build"
    triples = sum(n for _, _, n in fixed) + sum(g[2] for g in graphs.values())
    if not edited and not removed:
        if now != files:
            _save(cache, {**state, "files": now})
        return Rebuilt(outputs, triples, len(fixed) + len(graphs), 0, 0, seconds)
    from graph.builder.derive import evidence_digest, rederive, snapshot_of
    from graph.builder.graphstore import GraphStore
    from graph.compile.keys import source_keys
    from graph.compile.quads import compile_sources
    from graph.rdf.iris import Minter
    from graph.validate.shacl import check_sources
    from schemas.cache import RecordCache

    loader_cache = RecordCache(cache)
    found = recheck(data_dir, facts, edited, removed, loader_cache)
    if isinstance(found, str):
        return found
    seconds["load"] = time.perf_counter() - clock - sum(seconds.values())
    for fact in found.facts.values():  # texts of edited sources: stat as scanned, digest as read
        for sid, text in fact.texts.items():
            stat = stats.get(text)
            if stat is None:
                return f"the text of {sid} is not in the data folder"
            now[text] = [_racy(stat, since), found.corpus.sources[sid].sha256]
    gone = {facts[rel].source for rel in (*edited, *removed) if rel in facts}
    old_names = {name for name, g in graphs.items() if g[0] in gone}
    keys = source_keys(found.corpus, base)
    new_graphs = {n: g for n, g in graphs.items() if n not in old_names}
    fresh = {name: key for name, key in keys.items() if graphs.get(name, [None, None])[1] != key}
    validated = 0
    evidence: dict[str, str] = dict(state["evidence"])
    now_fixed = fixed
    if fresh or old_names - set(keys):
        compiled = compile_sources(found.corpus, base)
        lines = {name: compiled[name] for name in fresh}
        try:
            context = (cache / _CONTEXT).read_text(encoding="utf-8").split("\n")
        except (OSError, ValueError):
            return f"no usable {_CONTEXT}"
        validated = check_sources(lines, context, base, shacl)
        seconds["compile+validate"] = time.perf_counter() - clock - sum(seconds.values())
        minter = Minter(base)
        for sid in found.corpus.sources:
            name = minter.iri("source", sid, "graph")
            new_graphs[name] = [sid, keys[name], len(compiled[name])]
        for name in lines:
            evidence[name] = evidence_digest(lines[name])
        evidence = {name: evidence[name] for name in new_graphs}
        rows = None
        if set(new_graphs) != set(graphs) or any(
            evidence[name] != state["evidence"].get(name) for name in lines
        ):  # what a claim counts as changed: the derived facts are worked out again
            redone = rederive(cache, base, fixed, new_graphs, lines)
            if isinstance(redone, str):
                return redone
            now_fixed, derived = redone
            lines[derived.name] = derived.lines
            rows = derived.rows
            seconds["derive"] = time.perf_counter() - clock - sum(seconds.values())
        extra = None if rows is None else snapshot_of(rows)
        spliced = splice(cache, out_dir, base, formats, fixed, graphs, new_graphs, lines, seen,
                         fixed_now=now_fixed, extra=extra)  # fmt: skip
        if isinstance(spliced, str):
            return spliced
        if rows is None:  # the last snapshot shows the claims as they were: it goes
            (out_dir / SNAPSHOT).unlink(missing_ok=True)
        GraphStore(cache / "graphs").add({keys[name]: lines[name] for name in fresh})
        state["outputs"] = spliced
        seconds["write"] = time.perf_counter() - clock - sum(seconds.values())
    else:
        for name in keys:
            new_graphs[name] = graphs[name]
    loader_cache.flush()
    new_facts = {rel: f for rel, f in facts.items() if rel not in edited and rel not in removed}
    new_facts.update(found.facts)
    raw_facts = {rel: state["facts"][rel] for rel in new_facts if rel not in found.facts}
    raw_facts.update({rel: f.to_json() for rel, f in found.facts.items()})
    for rel in removed:
        now.pop(rel, None)
    live_texts = {t for f in new_facts.values() for t in f.texts.values()}
    now = {r: v for r, v in now.items() if r.endswith(RECORD_SUFFIXES) or r in live_texts}
    for rel, entry in files.items():  # unchanged texts of unchanged sources
        if rel in live_texts and rel not in now:
            now[rel] = entry
    triples = sum(n for _, _, n in now_fixed) + sum(g[2] for g in new_graphs.values())
    _save(
        cache,
        {
            **state,
            "files": now,
            "facts": dict(sorted(raw_facts.items())),
            "fixed": now_fixed,
            "graphs": new_graphs,
            "evidence": evidence,
        },
    )
    seconds["manifest"] = time.perf_counter() - clock - sum(seconds.values())
    reread = len(edited)
    return Rebuilt(outputs, triples, len(now_fixed) + len(new_graphs), validated, reread, seconds)


def _save(cache: Path, state: dict[str, Any]) -> None:
    write_atomic(cache / MANIFEST, json.dumps(state).encode())
