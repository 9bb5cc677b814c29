"""The SHACL shapes as plain checks over N-Triples lines: pySHACL's verdicts, about 30x faster.

``schemas/shapes.ttl`` uses a small part of SHACL: ``sh:targetClass`` node
shapes whose ``sh:property`` shapes have an IRI path or an alternative of
inverse paths, ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:or`` of
``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:pattern``,
``sh:qualifiedValueShape`` (a ``sh:class``) with ``sh:qualifiedMinCount``,
and ``sh:message``. :func:`rules` reads exactly that part (with pyoxigraph,
so rdflib is not imported) and raises :class:`UnsupportedError` on anything else,
so that :mod:`graph.validate.shacl` falls back to pySHACL when the shapes grow.
:func:`check_lines` evaluates the rules on a unit's lines with pySHACL's
semantics (no inference: classes are the ``rdf:type`` triples present), and
``tests/graph/validate/test_shacl.py`` keeps both engines reporting the same
violations.

>>> rule = rules(shapes_text())[0]
>>> rule.target, rule.properties[0].name
('<https://w3id.org/detente/ns#Statement>', 'Statement-speaker')
>>> st = "<https://w3id.org/detente/id/statement/s>"
>>> lines = [f"{st} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {rule.target}"]
>>> sorted({v[1] for v in check_lines(lines, [rule])})[:2]
['Statement-date', 'Statement-evidence']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pyoxigraph as ox

from graph.rdf import ntriples as nt

__all__ = [
    "NodeRule",
    "PropertyRule",
    "UnsupportedError",
    "check_lines",
    "lexical_form",
    "rules",
    "shapes_text",
]

_SH = "http://www.w3.org/ns/shacl#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_TYPE = f"<{_RDF}type>"
_XSD_STRING = f"<{_XSD}string>"
_LANG_STRING = f"<{_RDF}langString>"
# predicates of the shapes graph the rules ignore (documentation)
_IGNORED = {f"{_RDF}type", "http://www.w3.org/2000/01/rdf-schema#label", f"{_SH}name"}
_IGNORED |= {"http://www.w3.org/2000/01/rdf-schema#comment", f"{_SH}description"}
_PROPERTY_KEYS = {
    f"{_SH}{k}"
    for k in [
        "path",
        "minCount",
        "maxCount",
        "class",
        "or",
        "datatype",
        "nodeKind",
        "pattern",
        "message",
        "qualifiedValueShape",
        "qualifiedMinCount",
    ]
}
_NODE_KINDS = {
    "IRI": "I",
    "Literal": "L",
    "BlankNode": "B",
    "BlankNodeOrIRI": "BI",
    "BlankNodeOrLiteral": "BL",
    "IRIOrLiteral": "IL",
}
_DATE = re.compile(r"-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?")
_INTEGERS = {
    f"<{_XSD}{name}>": (sign, low)
    for name, sign, low in (
        ("integer", "[+-]?", None),
        ("nonNegativeInteger", r"\+?", 0),
        ("positiveInteger", r"\+?", 1),
    )
}


class UnsupportedError(ValueError):
    """The shapes use SHACL beyond what :func:`rules` evaluates; use pySHACL."""


@dataclass(frozen=True)
class PropertyRule:
    """One named property shape; ``classes``: the alternatives of each ``sh:class`` / ``sh:or``."""

    name: str
    message: str | None
    predicates: tuple[str, ...]
    inverse: bool = False
    min_count: int | None = None
    max_count: int | None = None
    classes: tuple[tuple[str, ...], ...] = ()
    datatype: str | None = None
    node_kind: str | None = None
    pattern: re.Pattern[str] | None = None
    qualified: tuple[str, int] | None = None  # (class, qualifiedMinCount)


@dataclass(frozen=True)
class NodeRule:
    """A node shape: its target class (an N-Triples term) and its property rules."""

    target: str
    properties: tuple[PropertyRule, ...]


@cache
def shapes_text() -> str:
    """The text of ``schemas/shapes.ttl``, read once (both engines check against it)."""
    return files("schemas").joinpath("shapes.ttl").read_text(encoding="utf-8")


def rules(shapes_ttl: str) -> list[NodeRule]:
    """The node rules of a shapes graph in Turtle; raises :class:`UnsupportedError`."""
    graph: dict[str, dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]]] = {}
    for t in ox.parse(shapes_ttl, format=ox.RdfFormat.TURTLE):
        graph.setdefault(str(t.subject), {}).setdefault(t.predicate.value, []).append(t.object)
    reader = _Reader(graph)
    out: list[NodeRule] = []
    for subject, props in graph.items():
        if f"{_SH}targetClass" not in props and f"{_SH}property" not in props:
            continue
        unknown = {p for p in props if p.startswith(_SH)} - {
            f"{_SH}targetClass",
            f"{_SH}property",
        }
        if unknown or len(props.get(f"{_SH}targetClass", [])) != 1:
            raise UnsupportedError(
                f"node shape {subject} uses {sorted(unknown) or 'no single target'}"
            )
        target = props[f"{_SH}targetClass"][0]
        properties = tuple(reader.property(p) for p in props.get(f"{_SH}property", []))
        out.append(NodeRule(str(target), properties))
    return out


class _Reader:
    def __init__(self, graph: dict[str, dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal]]]):
        self.g = graph

    def one(self, node: object, key: str) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
        values = self.g.get(str(node), {}).get(f"{_SH}{key}", [])
        if len(values) > 1:
            raise UnsupportedError(f"{node} has several sh:{key}")
        return values[0] if values else None

    def items(self, node: object) -> list[ox.NamedNode | ox.BlankNode | ox.Literal]:
        out = []
        while str(node) != f"<{_RDF}nil>":
            props = self.g.get(str(node), {})
            out.append(props[f"{_RDF}first"][0])
            node = props[f"{_RDF}rest"][0]
        return out

    def class_only(self, node: object) -> str:
        props = self.g.get(str(node), {})
        if set(props) != {f"{_SH}class"} or len(props[f"{_SH}class"]) != 1:
            raise UnsupportedError(f"{node}: only [ sh:class C ] is supported here")
        return str(props[f"{_SH}class"][0])

    def property(self, shape: object) -> PropertyRule:
        if not isinstance(shape, ox.NamedNode):
            raise UnsupportedError("property shapes must be named (reports name them)")
        props = self.g.get(str(shape), {})
        extra = {p for p in props if p not in _PROPERTY_KEYS and p not in _IGNORED}
        if extra:
            raise UnsupportedError(f"{shape} uses {sorted(extra)}")
        predicates, inverse = self.path(self.one(shape, "path"))
        classes: list[tuple[str, ...]] = []
        if (c := self.one(shape, "class")) is not None:
            classes.append((str(c),))
        if (alternatives := self.one(shape, "or")) is not None:
            classes.append(tuple(self.class_only(n) for n in self.items(alternatives)))
        qualified = None
        if (q := self.one(shape, "qualifiedValueShape")) is not None:
            qualified = (self.class_only(q), self.integer(shape, "qualifiedMinCount") or 0)
        kind = self.one(shape, "nodeKind")
        pattern = self.one(shape, "pattern")
        message = self.one(shape, "message")
        datatype = self.one(shape, "datatype")
        return PropertyRule(
            name=shape.value.rsplit("#", 1)[-1],
            message=message.value if message is not None else None,
            predicates=predicates,
            inverse=inverse,
            min_count=self.integer(shape, "minCount"),
            max_count=self.integer(shape, "maxCount"),
            classes=tuple(classes),
            datatype=None if datatype is None else str(datatype),
            node_kind=None if kind is None else _NODE_KINDS[kind.value.removeprefix(_SH)],
            pattern=None if pattern is None else re.compile(pattern.value),
            qualified=qualified,
        )

    def integer(self, shape: object, key: str) -> int | None:
        value = self.one(shape, key)
        return None if value is None else int(value.value)

    def path(self, path: object) -> tuple[tuple[str, ...], bool]:
        if isinstance(path, ox.NamedNode):
            return (str(path),), False
        props = self.g.get(str(path), {})
        if set(props) == {f"{_SH}inversePath"}:
            return (self.simple(props[f"{_SH}inversePath"][0]),), True
        if set(props) == {f"{_SH}alternativePath"}:
            steps = [self.g.get(str(n), {}) for n in self.items(props[f"{_SH}alternativePath"][0])]
            if steps and all(set(s) == {f"{_SH}inversePath"} for s in steps):
                return tuple(self.simple(s[f"{_SH}inversePath"][0]) for s in steps), True
        raise UnsupportedError(f"path {path} is neither an IRI nor inverse IRIs")

    @staticmethod
    def simple(node: object) -> str:
        if not isinstance(node, ox.NamedNode):
            raise UnsupportedError(f"path step {node} is not an IRI")
        return str(node)


def check_lines(
    lines: Iterable[str], node_rules: Iterable[NodeRule], targets: frozenset[str] | None = None
) -> set[tuple[str, str, str | None, str]]:
    """``(focus, shape, message, value)`` of every violation in the lines (N-Triples terms).

    ``targets`` limits which ``rdf:type`` classes make a node a focus node
    (None: all). ``value`` is the offending value's lexical form or IRI for
    value constraints, "" for counts, as pySHACL reports them.
    """
    node_rules = [r for r in node_rules if targets is None or r.target in targets]
    wanted = {p for r in node_rules for pr in r.properties for p in pr.predicates}
    inverse = {p for r in node_rules for pr in r.properties if pr.inverse for p in pr.predicates}
    out_edges: dict[str, dict[str, list[str]]] = {}
    in_edges: dict[str, dict[str, list[str]]] = {}
    types: dict[str, set[str]] = {}
    for line in lines:
        s, p, o = line.split(" ", 2)
        if p == _TYPE:
            types.setdefault(s, set()).add(o)
        if p in wanted:
            out_edges.setdefault(s, {}).setdefault(p, []).append(o)
            if p in inverse:
                in_edges.setdefault(o, {}).setdefault(p, []).append(s)
    found: set[tuple[str, str, str | None, str]] = set()
    for rule in node_rules:
        focus_nodes = [s for s, ts in types.items() if rule.target in ts]
        for prop in rule.properties:
            edges = in_edges if prop.inverse else out_edges
            checks_values = bool(prop.classes or prop.node_kind or prop.datatype or prop.pattern)
            verdicts: dict[str, bool] = {}
            for focus in focus_nodes:
                node = edges.get(focus)
                if node is None:
                    values: list[str] | tuple[()] = ()
                elif len(prop.predicates) == 1:
                    values = node.get(prop.predicates[0], ())
                    if len(values) > 1:
                        values = list(dict.fromkeys(values))
                else:
                    values = list(
                        dict.fromkeys(v for p in prop.predicates for v in node.get(p, ()))
                    )
                if prop.min_count is not None and len(values) < prop.min_count:
                    found.add((focus, prop.name, prop.message, ""))
                if prop.max_count is not None and len(values) > prop.max_count:
                    found.add((focus, prop.name, prop.message, ""))
                if prop.qualified is not None:
                    cls, least = prop.qualified
                    if sum(cls in types.get(v, ()) for v in values) < least:
                        found.add((focus, prop.name, prop.message, ""))
                if not checks_values:
                    continue
                for value in values:
                    ok = verdicts.get(value)
                    if ok is None:
                        ok = verdicts[value] = _conforms(prop, value, types)
                    if not ok:
                        found.add((focus, prop.name, prop.message, value))
    return found


def _conforms(prop: PropertyRule, value: str, types: dict[str, set[str]]) -> bool:
    if prop.classes:
        held = types.get(value)
        if held is None or any(held.isdisjoint(alternatives) for alternatives in prop.classes):
            return False
    kind = "I" if value[0] == "<" else "B" if value.startswith("_:") else "L"
    if prop.node_kind is not None and kind not in prop.node_kind:
        return False
    if prop.datatype is not None and (kind != "L" or not _well_typed(value, prop.datatype)):
        return False
    if prop.pattern is not None:
        text = value[1:-1] if kind == "I" else value if kind == "B" else _split_literal(value)[0]
        if prop.pattern.search(text) is None:
            return False
    return True


def _lexical(quoted: str) -> str:
    """The string a quoted N-Triples lexical form stands for."""
    return nt.unescape(quoted[1:-1], strict=False)


def _well_typed(term: str, datatype: str) -> bool:
    if datatype == _LANG_STRING:
        return _split_literal(term)[1] == _LANG_STRING
    if term[-1] == '"':
        if datatype != _XSD_STRING:
            return False
    elif not term.endswith(f'"^^{datatype}'):
        return False
    if datatype == f"<{_XSD}date>":
        lexical = _split_literal(term)[0]
        match = _DATE.fullmatch(lexical)
        if match is None:
            return False
        try:
            dt.date.fromisoformat(lexical[: len(lexical) - len(match.group(1) or "")])
        except ValueError:
            return False
    if datatype in _INTEGERS:
        lexical = _split_literal(term)[0]
        sign, low = _INTEGERS[datatype]
        if re.fullmatch(rf"{sign}\d+", lexical) is None or (low is not None and int(lexical) < low):
            return False
    return True


def lexical_form(term: str) -> str:
    """The lexical form of an N-Triples literal.

    >>> lexical_form('"a\\\\"b"^^<http://www.w3.org/2001/XMLSchema#string>')
    'a"b'
    """
    return _split_literal(term)[0]


def _split_literal(term: str) -> tuple[str, str]:
    """(lexical form, datatype term) of an N-Triples literal."""
    if term.endswith('"'):
        return _lexical(term), _XSD_STRING
    cut = term.rfind('"^^<')
    if cut >= 0 and term.endswith(">"):
        return _lexical(term[: cut + 1]), term[cut + 3 :]
    return _lexical(term[: term.rfind('"@') + 1]), _LANG_STRING
