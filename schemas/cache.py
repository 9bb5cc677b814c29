"""A per-file cache of validated records, keyed by content hash and loader version.

:func:`schemas.loader.load` with a ``cache_dir`` keeps, for each record file
that validated without problems, the records it yielded (and their lines) as
one JSON file under ``cache_dir/records/``. A later load that finds a file
with the same path and bytes, read by the same loader, restores its records
from JSON instead of parsing the YAML again; cross-file checks and evidence
anchoring still run over the whole corpus.

It also keeps, in ``cache_dir/anchors.json``, where each source's statements
were anchored in its text (:meth:`RecordCache.anchored`), keyed by a hash of
the loader version, the text and everything anchoring reads (the quotes,
curated offsets and furniture); a warm load then skips evidence anchoring
for every source whose key is unchanged.

The cache is JSON read back through the same pydantic models, so a damaged
or tampered entry can at worst yield records that pass validation; an entry
that does not parse or validate, or names another file or version, is
ignored and the file is read from its YAML. Nothing is unpickled.

>>> import shutil, tempfile
>>> from schemas.loader import load
>>> tmp = Path(tempfile.mkdtemp())
>>> cold = load("data", cache_dir=tmp)
>>> len(list((tmp / "records").glob("*.json"))) > 0
True
>>> load("data", cache_dir=tmp) == cold
True
>>> shutil.rmtree(tmp)
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from schemas.corpus import SECTIONS, Corpus
from schemas.models import (
    Actor,
    Concession,
    Evidence,
    Identified,
    Meeting,
    Position,
    Source,
    Statement,
    Topic,
)
from schemas.negotiation import Commitment, Proposal, Response

__all__ = ["LOADER_VERSION", "FileRecords", "RecordCache", "loader_version", "ordered_records"]

# Bump when the meaning of a cached entry changes in a way the code fingerprint cannot see.
LOADER_VERSION = "1"
# The modules whose code decides what a record file validates to.
_FINGERPRINTED = (
    "models.py", "negotiation.py", "vocab.py", "loader.py", "texts.py", "messages.py",
    "yamlio.py", "cache.py",
)


def loader_version() -> str:
    """:data:`LOADER_VERSION` plus a hash of the loader's and models' source code.

    Editing the models or the loader thus invalidates every cached entry.
    """
    digest = hashlib.sha256(LOADER_VERSION.encode())
    here = Path(__file__).parent
    for name in _FINGERPRINTED:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    return f"{LOADER_VERSION}-{digest.hexdigest()[:16]}"


class FileRecords(BaseModel):
    """What one record file yielded: its records by section, and the order and lines."""

    # built on first use: `detente ask --data` and other cache-less loads never need it
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    version: str
    file: str
    order: list[tuple[str, int]] = []  # (section, line) of each record, in file order
    actors: list[Actor] = []
    topics: list[Topic] = []
    meetings: list[Meeting] = []
    proposals: list[Proposal] = []
    concessions: list[Concession] = []
    commitments: list[Commitment] = []
    positions: list[Position] = []
    responses: list[Response] = []
    sources: list[Source] = []
    statements: list[Statement] = []


def ordered_records(part: Corpus) -> Iterator[tuple[str, Identified, int]]:
    """``(section, record, line)`` for every record of ``part`` in the order it was added."""
    section_of = {ident: name for name in SECTIONS for ident in part.section(name)}
    for ident, location in part.locations.items():
        name = section_of[ident]
        yield name, part.section(name)[ident], location.line


class RecordCache:
    """The ``records/`` folder of a cache directory; see the module docstring."""

    def __init__(self, cache_dir: str | Path) -> None:
        self.folder = Path(cache_dir) / "records"
        self.version = loader_version()
        self.hits = 0
        self.misses = 0
        self._read: dict[str, bytes] = {}  # content digest of each missed file, as first read
        self._pending: list[tuple[Path, bytes]] = []  # entries to write on flush()
        self._anchors: dict[str, list[dict[str, object]]] | None = None
        self._used: dict[str, list[dict[str, object]]] = {}

    def anchor_key(self, source: Source, digest: str, statements: Sequence[Statement]) -> str:
        """The key of one source's anchoring: text digest, furniture and each quote."""
        parts = [self.version, source.id, digest, json.dumps(source.furniture)]
        for st in statements:
            given = "" if st.evidence is None else st.evidence.model_dump_json()
            parts += [st.id, st.text, given]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    def anchored(self, key: str, count: int) -> list[Evidence] | None:
        """The evidence stored under ``key`` (one per statement, ``count`` of them), or None."""
        if self._anchors is None:
            try:
                loaded = json.loads((self.folder.parent / "anchors.json").read_bytes())
                self._anchors = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self._anchors = {}
        stored = self._anchors.get(key)
        if not isinstance(stored, list) or len(stored) != count:
            return None
        try:
            found = [Evidence.model_validate(item) for item in stored]
        except ValidationError:
            return None
        self._used[key] = stored
        return found

    def keep_anchors(self, key: str, evidence: Sequence[Evidence]) -> None:
        """Remember one source's anchoring (all its statements anchored without a problem)."""
        self._used[key] = [e.model_dump() for e in evidence]

    def save_anchors(self) -> None:
        """Write the anchorings this load used (so entries of old texts drop out)."""
        if self._used == (self._anchors or {}):
            return
        target = self.folder.parent / "anchors.json"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".anchors.json.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self._used, sort_keys=True), encoding="utf-8")
            tmp.replace(target)
        except OSError:
            return

    @property
    def digests(self) -> dict[str, str]:
        """The SHA-256 (hex) of each record file looked up so far, by its shown path."""
        return {rel: digest.hex() for rel, digest in self._read.items()}

    def _entry(self, rel: str, digest: bytes) -> Path:
        key = hashlib.sha256(b"\0".join([self.version.encode(), rel.encode(), digest]))
        return self.folder / f"{key.hexdigest()}.json"

    def restore(self, file: Path, rel: str) -> list[tuple[str, Identified, int]] | None:
        """The records cached for ``file`` as it is now, or None (and count a miss)."""
        records = None
        try:
            digest = hashlib.sha256(file.read_bytes()).digest()
            self._read[rel] = digest
            data = FileRecords.model_validate_json(self._entry(rel, digest).read_bytes())
            records = self._unpack(data, rel)
        except (OSError, ValidationError, ValueError):
            pass
        if records is None:
            self.misses += 1
        else:
            self.hits += 1
        return records

    def _unpack(self, data: FileRecords, rel: str) -> list[tuple[str, Identified, int]] | None:
        if data.version != self.version or data.file != rel:
            return None
        pending = {name: iter(getattr(data, name)) for name in SECTIONS}
        out: list[tuple[str, Identified, int]] = []
        for name, line in data.order:
            record = next(pending[name], None) if name in pending else None
            if record is None:
                return None
            out.append((name, record, line))
        if any(next(rest, None) is not None for rest in pending.values()):
            return None
        return out

    def store(self, file: Path, rel: str, part: Corpus) -> None:
        """Cache the records ``part`` holds for ``file``; a failure to write is ignored.

        Nothing is stored unless :meth:`restore` saw the same bytes before the
        file was parsed, so a file edited during a load is never cached wrongly.
        """
        order = [(name, line) for name, _, line in ordered_records(part)]
        data = FileRecords(
            version=self.version,
            file=rel,
            order=order,
            **{name: list(part.section(name).values()) for name in SECTIONS},
        )
        try:
            payload = data.model_dump_json().encode("utf-8")
            digest = hashlib.sha256(file.read_bytes()).digest()
            if self._read.get(rel) != digest:
                return
        except (OSError, ValueError):
            return
        self._pending.append((self._entry(rel, digest), payload))

    def flush(self) -> None:
        """Write what :meth:`store` and :meth:`keep_anchors` gathered; failures are ignored.

        :func:`schemas.loader.load` calls it at the end of a load; ``detente build``
        only once the data passed every check. Anchorings are only gathered
        for sources that anchored without a problem.
        """
        pending, self._pending = self._pending, []
        try:
            for entry, payload in pending:
                self.folder.mkdir(parents=True, exist_ok=True)
                tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
                tmp.write_bytes(payload)
                tmp.replace(entry)
        except OSError:
            return
        if self._used:
            self.save_anchors()
