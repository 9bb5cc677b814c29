"""SHACL validation of a compiled dataset with pySHACL, per graph and cached.

Validating the whole union at once would dominate a large build, so the
dataset is cut into *units*, each checked against ``schemas/shapes.ttl``:

* one unit per source graph, plus the ``rdf:type`` triples of every node it
  points to in other graphs (so ``sh:class`` checks see the speaker's type);
* the registry unit: the registry graph plus one ``det:supports`` /
  ``det:denies`` triple per claimed record (enough for "at least one claiming
  statement", whichever source makes the claim).

Only triples whose predicate a shape looks at are kept (the shapes are not
closed, so the others cannot change the outcome). Each unit's content hash
(with the shapes' hash) is remembered in ``{cache}/shacl.json`` once it
conforms, so a rebuild re-validates only what changed. Changed units are
checked together in a few pySHACL runs with inference off and in place.

>>> from schemas import load
>>> from graph.compile import compile_quads
>>> validate(compile_quads(load("data")))  # units checked; ValidationError on a violation
2
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from graph.compile import Compiled
from graph.export import write_atomic
from graph.namespaces import PREFIXES, Minter, prefixes
from graph.ntriples import RDF_TYPE
from schemas.errors import ValidationError

__all__ = ["BATCH_TRIPLES", "Violation", "check", "shapes_graph", "validate"]

BATCH_TRIPLES = 150_000
"""Units are validated together in pySHACL runs of about this many triples."""
_CACHE_FILE = "shacl.json"
_SUPPORTS = f"<{PREFIXES['det']}supports>"
_DENIES = f"<{PREFIXES['det']}denies>"


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the node, the named shape it broke and the shape's message."""

    focus: str
    shape: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.focus}: {self.message}{value} [{self.shape}]"


@cache
def _shapes_text() -> str:
    return files("schemas").joinpath("shapes.ttl").read_text(encoding="utf-8")


@cache
def shapes_graph() -> Graph:
    """The shapes of ``schemas/shapes.ttl``, parsed once."""
    return Graph().parse(data=_shapes_text(), format="turtle")


# classes whose nodes live in source graphs; every other target lives in the registry
_SOURCE_CLASSES = frozenset(
    f"{PREFIXES[p]}{local}"
    for p, local in (
        ("det", "Statement"),
        ("det", "Source"),
        ("oa", "SpecificResource"),
        ("oa", "TextQuoteSelector"),
        ("oa", "TextPositionSelector"),
    )
)


@cache
def _shapes_for(source_graphs: bool) -> Graph:
    """The shapes whose targets live in source graphs (or in the registry), others untargeted.

    Context triples copied into a unit (the type of a speaker, say) must not make
    that node a target, or a source unit would be judged on registry shapes.
    """
    g = Graph()
    for triple in shapes_graph():
        _, p, o = triple
        if p == SH.targetClass and (str(o) in _SOURCE_CLASSES) != source_graphs:
            continue
        g.add(triple)
    return g


@cache
def _relevant() -> frozenset[str]:
    """Predicates (as N-Triples terms) some shape looks at, plus rdf:type."""
    g = shapes_graph()
    paths: set[str] = {RDF_TYPE}
    for node in g.objects(None, SH.path):
        paths.update(f"<{o}>" for o in g.transitive_objects(node, None) if isinstance(o, URIRef))
    return frozenset(paths)


def validate(compiled: Compiled, cache_dir: str | Path | None = None) -> int:
    """Check ``compiled`` against the shapes; return the units validated (not cached).

    Raises :class:`~schemas.errors.ValidationError` listing every violation.
    """
    units = dict(_units(compiled))
    key = hashlib.sha256(_shapes_text().encode()).hexdigest()
    digests = {name: _digest(key, lines) for name, lines in units.items()}
    known: set[str] = set()
    store = Path(cache_dir) / _CACHE_FILE if cache_dir is not None else None
    if store is not None and store.exists():
        try:
            known = set(json.loads(store.read_text(encoding="utf-8")).get("valid", []))
        except (ValueError, OSError):
            known = set()
    todo = [name for name in units if digests[name] not in known]
    registry = Minter(compiled.base).iri("graph", "registry")
    violations = check((units[n] for n in todo if n == registry), compiled.base, registry=True)
    violations += check((units[n] for n in todo if n != registry), compiled.base)
    if violations:
        raise ValidationError(str(v) for v in violations)
    if store is not None:
        payload = {"valid": sorted(digests.values())}
        write_atomic(store, (json.dumps(payload, indent=0) + "\n").encode())
    return len(todo)


def check(units: Iterable[list[str]], base: str, registry: bool = False) -> list[Violation]:
    """Run pySHACL over source units (or the registry unit), batched; every violation.

    Units are lists of N-Triples ``s p o`` strings as :func:`validate` cuts them.
    """
    from pyshacl import validate as pyshacl_validate

    out: set[Violation] = set()
    for batch in _batches(units):
        data = Graph()
        data.parse(data="".join(f"{line} .\n" for line in batch), format="nt")
        conforms, report, _ = pyshacl_validate(
            data,
            shacl_graph=_shapes_for(source_graphs=not registry),
            inference="none",
            advanced=False,
            meta_shacl=False,
            abort_on_first=False,
            allow_warnings=False,
            inplace=True,
        )
        if not conforms:
            out.update(_violations(report, base))
    return sorted(out)


def _batches(units: Iterable[list[str]]) -> Iterator[list[str]]:
    batch: list[str] = []
    for lines in units:
        batch.extend(lines)
        if len(batch) >= BATCH_TRIPLES:
            yield batch
            batch = []
    if batch:
        yield batch


def _units(compiled: Compiled) -> Iterator[tuple[str, list[str]]]:
    """(graph name, relevant lines + context) per unit; the vocabulary graph needs none."""
    minter = Minter(compiled.base)
    registry = minter.iri("graph", "registry")
    relevant = _relevant()
    types: dict[str, list[str]] = {}
    claims: dict[str, str] = {}
    for lines in compiled.graphs.values():
        for line in lines:
            s, p, o = line.split(" ", 2)
            if p == RDF_TYPE:
                types.setdefault(s, []).append(line)
            elif p in (_SUPPORTS, _DENIES) and o not in claims:
                claims[o] = line
    for name, lines in compiled.graphs.items():
        if name == minter.iri("graph", "vocabulary"):
            continue
        kept = [line for line in lines if line.split(" ", 2)[1] in relevant]
        if name == registry:
            yield name, kept + [claims[o] for o in sorted(claims)]
            continue
        own = {line.split(" ", 1)[0] for line in lines}
        context: dict[str, None] = {}
        for line in kept:
            o = line.split(" ", 2)[2]
            if o.startswith("<") and o not in own:
                context.update(dict.fromkeys(types.get(o, ())))
        yield name, kept + list(context)


def _digest(key: str, lines: list[str]) -> str:
    h = hashlib.sha256(key.encode())
    for line in lines:
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()


def _violations(report: Graph, base: str) -> Iterator[Violation]:
    short = _Shortener(prefixes(base))
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        yield Violation(
            short(str(focus)),
            str(shape).rsplit("#", 1)[-1] if isinstance(shape, URIRef) else str(shape),
            str(message) if message is not None else "violates a shape",
            short(str(value)) if value is not None and message is None else "",
        )


class _Shortener:
    def __init__(self, names: dict[str, str]) -> None:
        self.names = sorted(names.items(), key=lambda kv: len(kv[1]), reverse=True)

    def __call__(self, iri: str) -> str:
        for prefix, ns in self.names:
            if iri.startswith(ns):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri
