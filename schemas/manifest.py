"""What each record file of a data folder defines and needs, to recheck an edit as sets.

``detente build`` keeps these facts after a build that passed (see
:mod:`graph.builder.incremental`), so that a rebuild after editing source files
rereads only those files. A *source file* here is a record file that holds one
source and statements of that source only, and holds every statement of that
source: nothing outside it can point into it (a statement's ``reported_by``
stays within its source; nothing else names sources or statements). An edit
to such files is rechecked by :func:`recheck`:

* the edited files are read by the loader's own functions (same problems);
* their statements are checked by :func:`schemas.references.check_statements`
  against *stubs* of the records they point to, taken from the other files'
  facts (an id and, for actors, whether it is a media outlet: all a statement
  check or the compiler reads of them), and their quotes anchored in the texts;
* duplicate ids against every other file, and "every concession, position and
  meeting keeps a claiming statement", as set operations on the facts.

Any problem makes :func:`recheck` give up (a reason, not an error): the caller
then runs the full load, which reports it with the usual hints.

>>> from schemas.loader import load
>>> facts = file_facts(Path("data"), load("data"))
>>> sorted(facts["actors.yaml"].ids)
['actors']
>>> any(f.source is not None for f in facts.values())
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the loader and models load only when a file is rechecked (not on import)
    from schemas.cache import RecordCache
    from schemas.corpus import Corpus

__all__ = ["RECORD_SUFFIXES", "FileFacts", "Recheck", "Stat", "file_facts", "recheck", "scan"]

RECORD_SUFFIXES = (".yaml", ".yml")
"""What the loader reads as record files."""

Stat = tuple[int, int, int, int]
"""A file's size, mtime and ctime (ns) and inode: it changed if any of these did."""

_STUBBED = frozenset(
    {"actors", "meetings", "concessions", "positions", "commitments", "proposals", "responses"}
)


def scan(root: Path) -> dict[str, Stat] | None:
    """Every file below ``root`` (path relative to it, ``/``-separated) and its :data:`Stat`.

    None when the folder holds a symbolic link, a special file or a folder
    named like a record file, or cannot be read: the full loader decides.

    >>> "actors.yaml" in (scan(Path("data")) or {})
    True
    """
    found: dict[str, Stat] = {}
    prefix = len(os.fspath(root).rstrip(os.sep)) + 1
    folders = [os.fspath(root)]
    try:
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        return None
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name.endswith(RECORD_SUFFIXES):  # the loader reports these
                            return None
                        folders.append(entry.path)
                        continue
                    if not entry.is_file(follow_symlinks=False):
                        return None
                    st = entry.stat(follow_symlinks=False)
                    rel = entry.path[prefix:].replace(os.sep, "/")
                    found[rel] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    except OSError:  # not a folder, unreadable, or changing under us
        return None
    return found


@dataclass
class FileFacts:
    """What one record file defines and what its statements need of the others."""

    ids: dict[str, list[str]] = field(default_factory=dict)
    """Section -> the ids the file defines there."""
    claims: list[str] = field(default_factory=list)
    """Every id its statements support or deny, sorted, once each."""
    outlets: list[str] = field(default_factory=list)
    """The media-outlet actors it defines."""
    source: str | None = None
    """The one source of a source file (see the module docstring); None for other files."""
    texts: dict[str, str] = field(default_factory=dict)
    """Each source it defines -> its text file, relative to the data folder ('' if outside)."""
    provisions: dict[str, str] = field(default_factory=dict)
    """Each provision of the proposals it defines -> the id of its proposal."""

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (:meth:`from_json` reads it back)."""
        return {
            "ids": self.ids,
            "claims": self.claims,
            "outlets": self.outlets,
            "source": self.source,
            "texts": self.texts,
            "provisions": self.provisions,
        }

    @classmethod
    def from_json(cls, data: Any) -> FileFacts:
        """Read back :meth:`to_json`; raises ValueError on anything else."""
        if not isinstance(data, dict) or set(data) != {f for f in cls.__dataclass_fields__}:
            raise ValueError("not file facts")
        facts = cls(**data)
        if not all(isinstance(v, list) for v in dict(facts.ids).values()):
            raise ValueError("not file facts")
        if not all(isinstance(v, str) for v in dict(facts.texts).values()):
            raise ValueError("not file facts")
        if not all(isinstance(v, str) for v in dict(facts.provisions).values()):
            raise ValueError("not file facts")
        return facts


def file_facts(root: Path, corpus: Corpus) -> dict[str, FileFacts]:
    """The facts of every record file of a loaded corpus, by path relative to ``root``."""
    from schemas.corpus import SECTIONS
    from schemas.vocab import ActorKind

    facts: dict[str, FileFacts] = {}
    cut = len(root.name) + 1  # locations name files as '{root.name}/{path}'
    where: dict[str, str] = {}
    for name in SECTIONS:
        for ident in corpus.section(name):
            rel = corpus.locations[ident].file[cut:]
            where[ident] = rel
            facts.setdefault(rel, FileFacts()).ids.setdefault(name, []).append(ident)
    for sid, source in corpus.sources.items():
        facts[where[sid]].texts[sid] = _text_path(source.text)
    for pid, proposal in corpus.proposals.items():
        for item in proposal.provisions:
            facts[where[pid]].provisions[item.id] = pid
    for fact in facts.values():
        sources = fact.ids.get("sources", [])
        if len(sources) == 1 and set(fact.ids) <= {"sources", "statements"}:
            fact.source = sources[0]
    claims: dict[str, set[str]] = {}
    for st in corpus.statements.values():
        claims.setdefault(where[st.id], set()).update(st.supports, st.denies)
        if facts[where[st.id]].source != st.source:  # statements away from their source
            facts[where[st.id]].source = None
            if st.source in where:
                facts[where[st.source]].source = None
    for actor in corpus.actors.values():
        if actor.kind is ActorKind.MEDIA_OUTLET:
            facts[where[actor.id]].outlets.append(actor.id)
    for rel, fact in facts.items():
        fact.claims = sorted(claims.get(rel, ()))
        if fact.source is not None and not fact.texts[fact.source]:
            fact.source = None
    return facts


def _text_path(text: str) -> str:
    """Where a source's text lies, relative to the data folder; '' if outside ``sources/``.

    Lexical, as the folder holds no links (:func:`scan` gives up on those);
    the loader still resolves and checks the real path when it reads the text.

    >>> _text_path("a.txt"), _text_path("x/../b.txt"), _text_path("../a.txt"), _text_path("/a")
    ('sources/a.txt', 'sources/b.txt', '', '')
    """
    path = os.path.normpath(f"sources/{text}").replace(os.sep, "/")
    return path if path.startswith("sources/") and not Path(text).is_absolute() else ""


@dataclass
class Recheck:
    """What :func:`recheck` found: the edited files' records, ready to compile, and facts."""

    corpus: Corpus
    """Their sources and anchored statements, plus stubs of what the statements point to."""
    facts: dict[str, FileFacts]
    """The new facts of each edited file."""


def recheck(
    root: Path,
    facts: Mapping[str, FileFacts],
    edited: Iterable[str],
    removed: Iterable[str],
    cache: RecordCache | None = None,
) -> Recheck | str:
    """Recheck edited, added and removed source files against the other files' ``facts``.

    Returns the edited files' records, or the reason to run the full load
    instead (a file that is not a source file, or any problem at all).
    """
    from schemas.corpus import SECTIONS, Corpus
    from schemas.loader import load_record_file
    from schemas.references import check_statements
    from schemas.texts import attach_texts

    edited, removed = sorted(edited), sorted(removed)
    for rel in (*edited, *removed):
        if rel in facts and facts[rel].source is None:
            return f"{rel} is not a source file"
    kept = {rel: f for rel, f in facts.items() if rel not in edited and rel not in removed}
    section_of = {i: name for f in kept.values() for name, ids in f.ids.items() for i in ids}
    owner = {i: pid for f in kept.values() for i, pid in f.provisions.items()}
    outlets = {i for f in kept.values() for i in f.outlets}
    corpus = Corpus()
    raw: dict[str, Any] = {}
    new: dict[str, FileFacts] = {}
    for rel in edited:
        part, part_raw, problems = load_record_file(root, root / rel, cache)
        if problems:
            return f"{rel}: {problems[0]}"
        if len(part.sources) != 1 or any(
            part.section(name) for name in SECTIONS if name not in ("sources", "statements")
        ):
            return f"{rel} is not a source file now"
        sid = next(iter(part.sources))
        if any(st.source != sid for st in part.statements.values()):
            return f"{rel} holds statements of another source"
        for ident in (sid, *part.statements):
            if ident in section_of or ident in owner or ident in corpus.locations:
                return f"{rel}: id {ident!r} is defined elsewhere too"
        corpus.sources.update(part.sources)
        corpus.statements.update(part.statements)
        corpus.locations.update(part.locations)
        raw.update(part_raw)
        claims = sorted({t for st in part.statements.values() for t in (*st.supports, *st.denies)})
        ids = {"sources": [sid], "statements": list(part.statements)}
        text = _text_path(part.sources[sid].text)
        new[rel] = FileFacts(ids=ids, claims=claims, source=sid, texts={sid: text})
    for st in corpus.statements.values():
        targets = (st.speaker, st.venue.outlet, st.venue.meeting, *st.via, *st.supports, *st.denies)
        for target in targets:
            kind = section_of.get(target) if target is not None else None
            if target is not None and kind in _STUBBED and target not in corpus.section(kind):
                corpus.section(kind)[target] = _stub(kind, target, target in outlets)
            if target is not None and target in owner and target not in corpus.provisions:
                _stub_provision(corpus, owner[target], target)
    problems = check_statements(corpus, raw) or attach_texts(root, corpus, raw)
    if problems:
        return str(problems[0])
    lost = {t for rel in (*edited, *removed) if rel in facts for t in facts[rel].claims}
    lost -= {t for f in new.values() for t in f.claims}
    if lost:
        lost -= {t for f in kept.values() for t in f.claims}
    if lost:
        return f"no statement claims {sorted(lost)[0]!r} any more"
    return Recheck(corpus, new)


def _stub(section: str, ident: str, outlet: bool) -> Any:
    """A stand-in record: its id, and for an actor only whether it is a media outlet."""
    from schemas.models import Actor, Concession, Meeting, Position
    from schemas.vocab import ActorKind

    if section == "actors":
        kind = ActorKind.MEDIA_OUTLET if outlet else ActorKind.PERSON
        return Actor.model_construct(id=ident, kind=kind)  # type: ignore[call-arg]
    from schemas.negotiation import Commitment, Proposal, Response

    models: dict[str, Any] = {
        "meetings": Meeting,
        "concessions": Concession,
        "positions": Position,
        "commitments": Commitment,
        "proposals": Proposal,
        "responses": Response,
    }
    if section == "proposals":
        return Proposal.model_construct(id=ident, provisions=[])  # type: ignore[call-arg]
    return models[section].model_construct(id=ident)


def _stub_provision(corpus: Corpus, proposal: str, ident: str) -> None:
    """Put a stand-in provision ``ident`` into (a stand-in of) its proposal."""
    from schemas.negotiation import Proposal, Provision

    held = corpus.proposals.get(proposal)
    stub = Provision.model_construct(id=ident)  # type: ignore[call-arg]
    items = [*(held.provisions if held is not None else []), stub]
    corpus.proposals[proposal] = Proposal.model_construct(  # type: ignore[call-arg]
        id=proposal, provisions=items
    )
    corpus.refresh()
