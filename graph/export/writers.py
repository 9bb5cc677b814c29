"""Serialize a compiled dataset: Turtle, TriG, JSON-LD, N-Triples, N-Quads; atomic writes.

Turtle and TriG are written by pyoxigraph (about 30x faster than rdflib's
writer) from the compiler's ordered lines, so the output order is the
compiler's order and a rebuild is byte-identical. The prefix header is
written by detente, in the fixed order of :func:`graph.rdf.terms.prefixes`.
JSON-LD is pyoxigraph's expanded JSON-LD compacted against an inline
``@context`` (never a remote one): IRIs become CURIEs, ``rdf:type`` becomes
``@type`` and plain strings become JSON strings.

Every format is written one named graph at a time (:func:`part`) and the
parts joined (:func:`assemble`), so that ``detente build`` can keep the parts
of unchanged graphs. Parts join to exactly what one pass over the whole
dataset writes: pyoxigraph's writers stream, and a subject that would run on
across a graph boundary (never, for compiled data) makes Turtle fall back to
one pass. JSON-LD parts are written straight from the compiler's lines, in
the layout ``json.dumps(indent=1)`` gives the compacted document; a term the
direct writer does not handle (a language tag, a blank node) makes it fall
back to pyoxigraph's expanded JSON-LD and :class:`_Compactor`.

>>> from schemas import load
>>> from graph.compile.quads import compile_quads
>>> ttl = serialize(compile_quads(load("data")), "turtle").decode()
>>> ttl.splitlines()[0]
'@prefix actor: <https://w3id.org/detente/id/actor/> .'
>>> "actor:steve-witkoff" in ttl
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.options import EXPORT_FORMATS, EXTENSIONS
from graph.rdf import ntriples as nt
from graph.rdf.terms import PREFIXES, prefixes
from schemas.errors import UsageError

if TYPE_CHECKING:  # the compiler (and the models) load only when a document is written
    from graph.compile.compiled import Compiled

__all__ = ["EXTENSIONS", "FORMATS", "SEPARATORS", "assemble", "export_version", "part", "serialize"]

FORMATS = EXPORT_FORMATS
"""Formats :func:`serialize` writes."""

_RDF_TYPE = f"{PREFIXES['rdf']}type"
_XSD_STRING = f"{PREFIXES['xsd']}string"
_RDF_TYPE_TERM = f"<{_RDF_TYPE}>"
_XSD_STRING_TERM = f"<{_XSD_STRING}>"


SEPARATORS = {"turtle": b"", "trig": b"", "jsonld": b",\n", "nt": b"", "nq": b""}
"""What :func:`assemble` puts between two parts of a document."""


@cache
def export_version() -> str:
    """A hash of this module's code and pyoxigraph's version: what decides a part's bytes."""
    code = Path(__file__).read_bytes()
    return hashlib.sha256(code + ox.__version__.encode()).hexdigest()[:16]


def serialize(compiled: Compiled, fmt: str) -> bytes:
    """``compiled`` in format ``fmt`` (one of :data:`FORMATS`) as UTF-8 bytes."""
    if fmt == "nt":
        return compiled.ntriples().encode()
    if fmt == "nq":
        return compiled.nquads().encode()
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    parts = [part(compiled.base, fmt, name, lines) for name, lines in compiled.graphs.items()]
    return assemble(compiled, fmt, parts)


def part(base: str, fmt: str, name: str, lines: list[str]) -> bytes | None:
    """Format ``fmt`` of one named graph, to be joined by :func:`assemble`.

    None when the graph holds a term the direct JSON-LD writer does not
    handle (then :func:`assemble` writes the whole document in one pass).
    """
    if fmt == "nt":
        return "".join(f"{t} .\n" for t in lines).encode()
    if fmt == "nq":
        return "".join(f"{t} <{name}> .\n" for t in lines).encode()
    if fmt == "jsonld":
        text = _JsonLdWriter.for_base(base).graph(name, lines)
        return None if text is None else text.encode()
    names = prefixes(base)
    if fmt == "turtle":
        text = "".join(f"{t} .\n" for t in lines)
        quads = ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
        body = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.TURTLE, prefixes=names)
    elif fmt == "trig":
        text = "".join(f"{t} <{name}> .\n" for t in lines)
        quads = ox.parse(text, format=ox.RdfFormat.N_QUADS)
        body = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=names)
    else:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _without_prefixes(body or b"")


def assemble(
    compiled: Compiled,
    fmt: str,
    parts: list[bytes | None],
    offsets: dict[str, tuple[int, int]] | None = None,
) -> bytes:
    """The whole document from the :func:`part` of each graph of ``compiled``, in order.

    ``offsets``, when given, receives ``graph name -> (start, length)`` of each
    part that stands verbatim in the document (none when a fallback ran).
    """
    names = prefixes(compiled.base)
    if fmt in ("nt", "nq"):
        return _joined(b"", b"", list(compiled.graphs), parts, offsets)
    if fmt == "jsonld":
        if any(p is None for p in parts):
            return _jsonld(compiled, names)
        context = ",\n".join(f"  {_enc(p)}: {_enc(ns)}" for p, ns in names.items())
        head = f'{{\n "@context": {{\n{context}\n }},\n "@graph": '.encode()
        if not any(parts):
            return head + b"[]\n}\n"
        body = _joined(head + b"[\n", SEPARATORS[fmt], list(compiled.graphs), parts, offsets)
        return body + b"\n ]\n}\n"
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in names.items()).encode()
    if fmt == "turtle" and _runs_across(compiled):
        return _with_header_one_pass(compiled, fmt)
    return _joined(header + b"\n", b"", list(compiled.graphs), parts, offsets)


def _joined(
    head: bytes,
    sep: bytes,
    names: list[str],
    parts: list[bytes | None],
    offsets: dict[str, tuple[int, int]] | None,
) -> bytes:
    """``head`` + the non-empty parts joined by ``sep``, noting where each one stands."""
    chunks, at = [head], len(head)
    for name, data in zip(names, parts, strict=True):
        if not data:
            continue
        if len(chunks) > 1 and sep:
            chunks.append(sep)
            at += len(sep)
        if offsets is not None:
            offsets[name] = (at, len(data))
        chunks.append(data)
        at += len(data)
    return b"".join(chunks)


def _runs_across(compiled: Compiled) -> bool:
    """True when a graph ends with the subject the next non-empty graph starts with."""
    last = None
    for lines in compiled.graphs.values():
        if lines:
            if last is not None and lines[0].split(" ", 1)[0] == last:
                return True
            last = lines[-1].split(" ", 1)[0]
    return False


def _with_header_one_pass(compiled: Compiled, fmt: str) -> bytes:
    """Turtle or TriG written by pyoxigraph in one pass over the dataset (what parts join to)."""
    names = prefixes(compiled.base)
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in names.items()).encode()
    if fmt == "turtle":
        quads = ox.parse(compiled.ntriples(), format=ox.RdfFormat.N_TRIPLES)
        body = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.TURTLE, prefixes=names)
    else:
        quads = ox.parse(compiled.nquads(), format=ox.RdfFormat.N_QUADS)
        body = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=names)
    return header + b"\n" + _without_prefixes(body or b"")


def _without_prefixes(body: bytes) -> bytes:
    """pyoxigraph's output without its prefix lines (written in hash order)."""
    lines = body.split(b"\n")
    start = 0
    while start < len(lines) and lines[start].startswith(b"@prefix "):
        start += 1
    return b"\n".join(lines[start:])


def _jsonld(compiled: Compiled, names: dict[str, str]) -> bytes:
    """The compacted document by way of pyoxigraph's expanded JSON-LD (the general path)."""
    quads = ox.parse(compiled.nquads(), format=ox.RdfFormat.N_QUADS)
    expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b"[]")
    curie = _Compactor(names)
    graphs = [
        {"@id": curie(g["@id"]), "@graph": [curie.node(n) for n in g["@graph"]]} for g in expanded
    ]
    document = {"@context": dict(names), "@graph": graphs}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()


_enc: Callable[[str], str] = json.encoder.encode_basestring  # json.dumps(ensure_ascii=False)


class _JsonLdWriter:
    """One graph's element of the compacted document, written from N-Triples lines.

    Mirrors pyoxigraph's streaming expanded JSON-LD (a new node object when the
    subject changes or a predicate comes back after another) and then
    :class:`_Compactor`, laid out as ``json.dumps(indent=1)`` would.
    """

    @staticmethod
    @cache
    def for_base(base: str) -> _JsonLdWriter:
        """The writer for a base (its CURIE memo lives as long as the process)."""
        return _JsonLdWriter(_Compactor(prefixes(base)))

    def __init__(self, compactor: _Compactor) -> None:
        self.compact = compactor
        self.terms: dict[str, str] = {}  # N-Triples IRI term -> encoded CURIE

    def curie(self, term: str) -> str:
        out = self.terms.get(term)
        if out is None:
            if not term.startswith("<") or "\\" in term:
                raise ValueError(term)
            out = self.terms[term] = _enc(self.compact(term[1:-1]))
        return out

    def value(self, term: str) -> str:
        if term.startswith("<"):
            return f'{{\n       "@id": {self.curie(term)}\n      }}'
        if not term.startswith('"'):
            raise ValueError(term)  # a blank node
        if term.endswith('"'):
            lexical, datatype = term[1:-1], None
        else:
            cut = term.rfind('"^^<')
            if cut < 0 or not term.endswith(">"):
                raise ValueError(term)  # a language tag
            lexical, datatype = term[1:cut], term[cut + 3 :]
        if "\\" in lexical:
            lexical = nt.unescape(lexical)
        if datatype is None or datatype == _XSD_STRING_TERM:
            return _enc(lexical)
        typed = f'"@value": {_enc(lexical)},\n       "@type": {self.curie(datatype)}'
        return f"{{\n       {typed}\n      }}"

    def graph(self, name: str, lines: list[str]) -> str | None:
        """The graph's element of the document's ``@graph`` list; "" when it is empty."""
        if not lines:
            return ""
        try:
            nodes = self._nodes(lines)
            gid = self.curie(f"<{name}>")
        except ValueError:
            return None
        body = ",\n".join(nodes)
        return f'  {{\n   "@id": {gid},\n   "@graph": [\n{body}\n   ]\n  }}'

    def _nodes(self, lines: list[str]) -> list[str]:
        nodes: list[str] = []
        subject = predicate = ""
        types: list[str] = []
        keys: dict[str, list[str]] = {}
        values: list[str] = []

        def flush() -> None:
            out = [f'     "@id": {self.curie(subject)}']
            if types:
                out.append('     "@type": [\n      ' + ",\n      ".join(types) + "\n     ]")
            for key, items in keys.items():
                out.append(
                    f"     {self.curie(key)}: [\n      " + ",\n      ".join(items) + "\n     ]"
                )
            nodes.append("    {\n" + ",\n".join(out) + "\n    }")

        for line in lines:
            s, p, o = line.split(" ", 2)
            if s != subject or (p != predicate and (p in keys or (p == _RDF_TYPE_TERM and types))):
                if subject:
                    flush()
                if not s.startswith("<"):
                    raise ValueError(s)
                subject, types, keys = s, [], {}
            if p == _RDF_TYPE_TERM:
                if not o.startswith("<"):
                    raise ValueError(o)  # the compactor reads types as IRIs
                types.append(self.curie(o))
            else:
                if p != predicate:
                    values = keys[p] = []
                values.append(self.value(o))
            predicate = p
        flush()
        return nodes


class _Compactor:
    """IRI -> CURIE against the context's prefixes (longest namespace wins)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.by_ns = {ns: p for p, ns in names.items()}
        self.order = sorted(names.values(), key=len, reverse=True)

    def __call__(self, iri: str) -> str:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self.by_ns.get(iri[:cut])
        if prefix is not None and cut < len(iri):
            return f"{prefix}:{iri[cut:]}"
        for ns in self.order:  # nested parts such as statement/x/evidence
            local = iri[len(ns) :]
            if iri.startswith(ns) and local and not local.startswith("//"):
                return f"{self.by_ns[ns]}:{local}"
        return iri

    def node(self, node: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"@id": self(node["@id"])}
        types = node.get(_RDF_TYPE)
        if types:
            out["@type"] = [self(t["@id"]) for t in types]
        for key, values in node.items():
            if key in ("@id", _RDF_TYPE):
                continue
            out[self(key)] = [self.value(v) for v in values]
        return out

    def value(self, value: dict[str, Any]) -> Any:
        if "@id" in value:
            return {"@id": self(value["@id"])}
        datatype = value.get("@type")
        if "@language" in value or datatype is None or datatype == _XSD_STRING:
            return value["@value"] if "@language" not in value else value
        return {"@value": value["@value"], "@type": self(datatype)}
