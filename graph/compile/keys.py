"""Keys that say when a source graph's compiled lines could change, so a build can reuse them.

>>> from schemas import load
>>> keys = source_keys(load("data"))
>>> len(keys) == len(load("data").sources)
True
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from graph.rdf.iris import Minter
from graph.rdf.terms import DEFAULT_BASE
from schemas.corpus import Corpus
from schemas.models import Source, Statement

__all__ = ["claim_kinds", "compiler_version", "source_keys"]


# the modules whose code decides the lines a record compiles to
_FINGERPRINTED = (
    *("graph/compile/quads.py", "graph/compile/records.py", "graph/compile/keys.py"),
    *("graph/rdf/ntriples.py", "graph/rdf/terms.py", "graph/rdf/iris.py", "graph/rdf/skos.py"),
    *("schemas/vocab.py", "schemas/models.py", "schemas/negotiation.py"),
)


@cache
def compiler_version() -> str:
    """A hash of the compiler's code (and the models and vocabularies it reads)."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[2]
    for name in _FINGERPRINTED:
        digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    return digest.hexdigest()[:16]


def source_keys(corpus: Corpus, base: str = DEFAULT_BASE) -> dict[str, str]:
    """A key per source graph name that changes whenever the graph's lines could.

    >>> from schemas import load
    >>> keys = source_keys(load("data"))
    >>> len(keys) == len(load("data").sources)
    True
    """
    minter = Minter(base)
    kinds = claim_kinds(corpus) | {"|": "|"}
    by_source: dict[str, list[Statement]] = {}
    for st in corpus.statements.values():
        by_source.setdefault(st.source, []).append(st)
    dump_source = Source.__pydantic_serializer__.to_json
    dump = Statement.__pydantic_serializer__.to_json
    keys: dict[str, str] = {}
    for sid, src in corpus.sources.items():
        h = hashlib.sha256(f"{compiler_version()}\0{base}\0".encode())
        h.update(dump_source(src))
        for st in sorted(by_source.get(sid, []), key=lambda s: s.id):
            h.update(b"\0")
            h.update(dump(st))
            # what the statement's lines read from other records: the kinds of its targets
            claims = [kinds.get(x, "?") for x in (*st.supports, "|", *st.denies)]
            h.update(f"\0{st.speaker in corpus.sources}\0{','.join(claims)}".encode())
        keys[minter.iri("source", sid, "graph")] = h.hexdigest()
    return keys


def claim_kinds(corpus: Corpus) -> dict[str, str]:
    """The IRI kind of every record a statement (or a response) can point to, by id."""
    kinds: dict[str, str] = {}
    for kind, section in (
        ("meeting", corpus.meetings),
        ("concession", corpus.concessions),
        ("position", corpus.positions),
        ("commitment", corpus.commitments),
        ("proposal", corpus.proposals),
        ("provision", corpus.provisions),
        ("response", corpus.responses),
    ):
        kinds.update(dict.fromkeys(section, kind))
    return kinds
