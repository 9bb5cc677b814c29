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
conforms, so a rebuild re-validates only what changed.

Changed units are checked by :mod:`graph.validate.fast`, which evaluates the
part of SHACL the shapes use directly on the lines (about 30x faster than
pySHACL per unit, as measured in ``benchmarks/README.md``; the same verdicts:
a test holds both to the same violations). When the shapes use SHACL beyond
that part, or with ``engine="pyshacl"``, units are checked together in a few
pySHACL runs with inference off and in place (:func:`check`).

>>> from schemas import load
>>> from graph.compile.quads import compile_quads
>>> validate(compile_quads(load("data")))  # units checked; ValidationError on a violation
5
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from graph.compile.compiled import Compiled
from graph.files import write_atomic
from graph.options import SHACL_ENGINES
from graph.rdf.iris import Minter
from graph.rdf.ntriples import RDF_TYPE
from graph.rdf.terms import PREFIXES, prefixes
from graph.validate import fast as shapecheck
from schemas.errors import UsageError, ValidationError

if TYPE_CHECKING:  # rdflib (and pySHACL) load only when pySHACL runs
    from rdflib import Graph

__all__ = [
    "BATCH_TRIPLES",
    "ENGINES",
    "Violation",
    "check",
    "check_fast",
    "check_sources",
    "shapes_graph",
    "validate",
]

ENGINES = SHACL_ENGINES
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
def shapes_graph() -> Graph:
    """The shapes of ``schemas/shapes.ttl``, parsed once."""
    from rdflib import Graph

    return Graph().parse(data=shapecheck.shapes_text(), format="turtle")


@cache
def _fast_rules() -> list[shapecheck.NodeRule] | None:
    """The shapes as direct checks, or None when they use SHACL the checks do not cover."""
    try:
        return shapecheck.rules(shapecheck.shapes_text())
    except shapecheck.UnsupportedError:
        return None


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
    from rdflib import Graph
    from rdflib.namespace import SH

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
    node_rules = _fast_rules()
    if node_rules is not None:
        return frozenset(
            {RDF_TYPE, *(p for r in node_rules for pr in r.properties for p in pr.predicates)}
        )
    from rdflib import URIRef
    from rdflib.namespace import SH

    g = shapes_graph()
    paths: set[str] = {RDF_TYPE}
    for node in g.objects(None, SH.path):
        paths.update(f"<{o}>" for o in g.transitive_objects(node, None) if isinstance(o, URIRef))
    return frozenset(paths)


def validate(compiled: Compiled, cache_dir: str | Path | None = None, engine: str = "fast") -> int:
    """Check ``compiled`` against the shapes; return the units validated (not cached).

    Raises :class:`~schemas.errors.ValidationError` listing every violation.
    ``engine`` is one of :data:`ENGINES`.
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown SHACL engine {engine!r}; choose one of {', '.join(ENGINES)}")
    run = check_fast if engine == "fast" and _fast_rules() is not None else check
    key = hashlib.sha256(f"{engine}\0{shapecheck.shapes_text()}".encode()).hexdigest()
    store = Path(cache_dir) / _CACHE_FILE if cache_dir is not None else None
    known: set[str] = set()
    refs: dict[str, list[str]] = {}
    if store is not None and store.exists():
        try:
            state = json.loads(store.read_text(encoding="utf-8"))
            known = set(state.get("valid", []))
            refs = dict(state.get("refs", {}))
        except (ValueError, OSError, AttributeError, TypeError):
            known, refs = set(), {}
    cut = _Cutter(compiled, refs)
    digests = {name: cut.digest(name, key) for name in cut.names()}
    todo = [name for name in digests if digests[name] not in known]
    registry = cut.registry
    violations = run((cut.unit(n) for n in todo if n == registry), compiled.base, registry=True)
    violations += run((cut.unit(n) for n in todo if n != registry), compiled.base)
    if violations:
        raise ValidationError(str(v) for v in violations)
    if store is not None:
        payload = {"valid": sorted(digests.values()), "refs": cut.used_refs}
        write_atomic(store, (json.dumps(payload, indent=0, sort_keys=True) + "\n").encode())
    return len(todo)


def check_sources(
    graphs: dict[str, list[str]], context: list[str], base: str, engine: str = "fast"
) -> int:
    """Check source graphs alone, given the ``rdf:type`` lines of the registry and vocabulary.

    A source unit reads nothing of other graphs but the types of the nodes it
    points to (a statement points only into its own graph, the registry and
    the vocabulary), so this gives :func:`validate`'s verdict on those units
    without the rest of the dataset. Returns the units checked; raises
    :class:`~schemas.errors.ValidationError` listing every violation.

    >>> from schemas import load
    >>> from graph.compile.quads import compile_quads
    >>> compiled = compile_quads(load("data"))
    >>> context = [line for name in compiled.graph_names()[:2] for line in compiled.graphs[name]
    ...            if line.split(" ", 2)[1] == RDF_TYPE]
    >>> check_sources(dict(list(compiled.graphs.items())[2:]), context, compiled.base)
    4
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown SHACL engine {engine!r}; choose one of {', '.join(ENGINES)}")
    run = check_fast if engine == "fast" and _fast_rules() is not None else check
    registry = Minter(base).iri("graph", "registry")
    cut = _Cutter(Compiled({registry: context, **graphs}, base), {})
    violations = run((cut.unit(name) for name in graphs), base)
    if violations:
        raise ValidationError(str(v) for v in violations)
    return len(graphs)


def check(units: Iterable[list[str]], base: str, registry: bool = False) -> list[Violation]:
    """Run pySHACL over source units (or the registry unit), batched; every violation.

    Units are lists of N-Triples ``s p o`` strings as :func:`validate` cuts them.
    """
    from pyshacl import validate as pyshacl_validate
    from rdflib import Graph

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


def check_fast(units: Iterable[list[str]], base: str, registry: bool = False) -> list[Violation]:
    """:func:`check` by :mod:`graph.validate.fast`: the same violations, unit by unit."""
    node_rules = _fast_rules()
    if node_rules is None:
        return check(units, base, registry)
    targets = frozenset(
        r.target for r in node_rules if (r.target[1:-1] in _SOURCE_CLASSES) != registry
    )
    short = _Shortener(prefixes(base))
    out: set[Violation] = set()
    for lines in units:
        for focus, shape, message, value in shapecheck.check_lines(lines, node_rules, targets):
            shown = _shown(value, short) if value and message is None else ""
            out.add(Violation(short(focus[1:-1]), shape, message or "violates a shape", shown))
    return sorted(out)


def _shown(term: str, short: _Shortener) -> str:
    """How pySHACL's report shows a value: an IRI shortened, a literal's lexical form."""
    if term.startswith("<"):
        return short(term[1:-1])
    return shapecheck.lexical_form(term) if term.startswith('"') else term


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
    cut = _Cutter(compiled, {})
    for name in cut.names():
        yield name, cut.unit(name)


class _Cutter:
    """Cuts a compiled dataset into units, and names each unit by a digest without cutting it.

    A source unit is its graph's relevant lines plus the ``rdf:type`` lines of
    the nodes they point to in other graphs (its *refs*); its digest hashes the
    graph's digest and those type lines, so ``refs`` (by graph digest, kept
    from the last build) let an unchanged graph be named without reading it.
    """

    def __init__(self, compiled: Compiled, refs: dict[str, list[str]]) -> None:
        minter = Minter(compiled.base)
        self.compiled = compiled
        self.registry = minter.iri("graph", "registry")
        self.vocabulary = minter.iri("graph", "vocabulary")
        self.refs = refs
        self.used_refs: dict[str, list[str]] = {}
        self._kept: dict[str, list[str]] = {}
        self.types: dict[str, list[str]] = {}
        self.claims: dict[str, str] = {}
        is_type, supports, denies = f" {RDF_TYPE} ", f" {_SUPPORTS} ", f" {_DENIES} "
        for lines in compiled.graphs.values():
            for line in lines:
                if is_type in line:
                    s, p, _ = line.split(" ", 2)
                    if p == RDF_TYPE:
                        self.types.setdefault(s, []).append(line)
                elif supports in line or denies in line:
                    _, p, o = line.split(" ", 2)
                    if p in (_SUPPORTS, _DENIES) and o not in self.claims:
                        self.claims[o] = line

    def names(self) -> list[str]:
        return [n for n in self.compiled.graphs if n != self.vocabulary]

    def kept(self, name: str) -> list[str]:
        kept = self._kept.get(name)
        if kept is None:
            relevant = _relevant()
            lines = self.compiled.graphs[name]
            kept = self._kept[name] = [line for line in lines if line.split(" ", 2)[1] in relevant]
        return kept

    def claim_lines(self) -> list[str]:
        return [self.claims[o] for o in sorted(self.claims)]

    def external(self, name: str) -> list[str]:
        """The IRIs the graph's relevant lines point to outside the graph, in order."""
        graph_digest = self.compiled.digest(name)
        found = self.refs.get(graph_digest)
        if found is None:
            own = {line.split(" ", 1)[0] for line in self.compiled.graphs[name]}
            objects = (line.split(" ", 2)[2] for line in self.kept(name))
            found = list(dict.fromkeys(o for o in objects if o.startswith("<") and o not in own))
        self.used_refs[graph_digest] = found
        return found

    def context(self, name: str) -> list[str]:
        context: dict[str, None] = {}
        for o in self.external(name):
            context.update(dict.fromkeys(self.types.get(o, ())))
        return list(context)

    def unit(self, name: str) -> list[str]:
        kept = self.kept(name)
        if name == self.registry:
            return kept + self.claim_lines()
        return kept + self.context(name)

    def digest(self, name: str, key: str) -> str:
        h = hashlib.sha256(f"{key}\0{name}\0{self.compiled.digest(name)}\0".encode())
        extra = self.claim_lines() if name == self.registry else self.context(name)
        for line in extra:
            h.update(line.encode())
            h.update(b"\n")
        return h.hexdigest()


def _violations(report: Graph, base: str) -> Iterator[Violation]:
    from rdflib import URIRef
    from rdflib.namespace import SH

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
