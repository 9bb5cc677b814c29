"""The SPARQL engine behind :mod:`graph.ask.graph`: a small interface, and the local pyoxigraph one.

:class:`Engine` is all the query layer needs: ``select`` a query with bound
values and get rows of plain strings back, or run any query for
:func:`graph.ask.graph.Graph.sparql`. :class:`LocalEngine` runs on an in-memory
pyoxigraph ``Store``; a remote SPARQL 1.1 endpoint ([serve]) implements the
same two methods, so every query gives the same answer on either.

Values are never written into query text. They are bound: pyoxigraph's
``substitutions`` join them to the query's solutions exactly as a ``VALUES``
block over the whole query would, which is also how a remote engine must bind
them. Only variables in the ``SELECT`` projection can be bound; a value that
matches nothing gives no rows, whatever characters it holds.

>>> engine = LocalEngine.from_text(
...     '<http://example.org/a> <http://example.org/p> "x" <http://example.org/g> .', "nq")
>>> q = "SELECT ?s ?o WHERE { GRAPH ?g { ?s <http://example.org/p> ?o } }"
>>> engine.select(q)
[('http://example.org/a', 'x')]
>>> engine.select(q, {"o": '"} ; DROP ALL ; #'})
[]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import pyoxigraph as ox

from schemas.errors import DataError, Problem, UsageError

__all__ = ["FORMATS", "Engine", "Iri", "LocalEngine", "Value", "unreadable"]


class Iri(str):
    """A string to be bound as an IRI (plain ``str`` values bind as literals)."""

    __slots__ = ()


Value = str | Iri | dt.date
"""What a query variable may be bound to."""
T = TypeVar("T")

FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
}
"""File suffix (without the dot) -> RDF format that :meth:`LocalEngine.from_files` reads."""

_XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


class Engine(Protocol):
    """What the query layer asks of a SPARQL engine, local or remote."""

    def select(
        self, query: str, bindings: Mapping[str, Value] | None = None
    ) -> list[tuple[str, ...]]:
        """Rows of a SELECT, one string per projected variable ('' when unbound)."""
        ...

    def run(self, query: str) -> dict[str, Any] | bool | str:
        """Any query: SPARQL JSON results for SELECT, a bool for ASK, N-Triples otherwise."""
        ...


def _term(value: Value) -> ox.NamedNode | ox.Literal:
    if isinstance(value, Iri):
        return ox.NamedNode(value)
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=_XSD_DATE)
    return ox.Literal(value)


def unreadable(path: Path, err: BaseException) -> DataError:
    """A data error for an RDF file that does not parse (a corrupt or truncated build).

    >>> print(unreadable(Path("build/detente.trig"), SyntaxError("bad")))  # doctest: +ELLIPSIS
    1 problem in the data:
    build/detente.trig:0: (file): cannot be read as RDF: bad (hint: run `detente build` again...
    """
    reason = " ".join(str(err).split())[:160] or type(err).__name__
    return DataError(
        [
            Problem(
                path.as_posix(),
                0,
                "(file)",
                f"cannot be read as RDF: {reason}",
                "run `detente build` again, or give the data folder with --data",
            )
        ]
    )


class _Chunks(io.RawIOBase):
    """A readable stream over an iterator of byte strings (for :meth:`LocalEngine.from_chunks`)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._left = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = memoryview(chunk)
        n = min(len(buffer), len(self._left))
        buffer[:n] = self._left[:n]
        self._left = self._left[n:]
        return n


class LocalEngine:
    """An in-memory pyoxigraph store; every named graph is queried through ``GRAPH``.

    The store is filled once, when the engine is made (:meth:`from_files`,
    :meth:`from_text`), and never written after: so the engine keeps the rows
    of each SELECT it has answered (by query text and bindings) and what
    :meth:`derived` computes from them. A second question reads the store's
    rows from memory, not by evaluating the query again; every answer built
    from them (status, counts, filters, as-of dates) is still worked out per
    call by :mod:`graph.ask.graph`.

    >>> engine = LocalEngine.from_text('<http://e/a> <http://e/p> "x" <http://e/g> .')
    >>> q = "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    >>> engine.select(q) == engine.select(q) == [("x",)], engine.select(q) is engine.select(q)
    (True, False)
    """

    def __init__(self, store: ox.Store | None = None) -> None:
        self._store = store if store is not None else ox.Store()
        self._pending: list[Path] = []  # files to load on first use (:meth:`from_files` lazy)
        self._rows: dict[tuple[str, tuple[tuple[str, str, str], ...]], list[tuple[str, ...]]] = {}
        self._derived: dict[str, object] = {}

    @property
    def store(self) -> ox.Store:
        """The pyoxigraph store, its files loaded now if they were left for first use."""
        if self._pending:
            paths, self._pending = self._pending, []
            for path in paths:
                self._load(path)
        return self._store

    @property
    def loaded(self) -> bool:
        """False while the files of a lazy engine wait to be loaded."""
        return not self._pending

    def kept(self, key: str) -> object | None:
        """What :meth:`derived` computed under ``key``, or None: nothing is computed."""
        return self._derived.get(key)

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, computed once per engine: for values that follow from the store alone.

        >>> engine = LocalEngine()
        >>> engine.derived("n", lambda: [1]) is engine.derived("n", lambda: [2])
        True
        """
        if key not in self._derived:
            self._derived[key] = make()
        return cast(T, self._derived[key])

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], *, lazy: bool = False) -> LocalEngine:
        """Load TriG, N-Quads, Turtle or N-Triples files (by suffix) into a new store.

        With ``lazy``, the files are loaded on the first question that needs the store
        (a build's answer snapshot may answer before); their suffixes are checked now.
        """
        engine = cls()
        files = [Path(p) for p in paths]
        for path in files:
            if path.suffix.lstrip(".").lower() not in FORMATS:
                raise UsageError(
                    f"{path}: cannot read RDF from a {path.suffix!r} file; "
                    f"give one of {', '.join('.' + k for k in FORMATS)}"
                )
        if lazy:
            engine._pending = files
        else:
            for path in files:
                engine._load(path)
        return engine

    def _load(self, path: Path) -> None:
        try:
            self._store.bulk_load(path=str(path), format=FORMATS[path.suffix.lstrip(".").lower()])
        except (SyntaxError, OSError, UnicodeDecodeError) as err:
            raise unreadable(path, err) from None

    @classmethod
    def from_text(cls, text: str, fmt: str = "nq") -> LocalEngine:
        """Load RDF text in one of :data:`FORMATS` into a new store."""
        engine = cls()
        engine.store.bulk_load(input=text.encode("utf-8"), format=FORMATS[fmt])
        return engine

    @classmethod
    def from_chunks(cls, chunks: Iterable[bytes], fmt: str = "nq") -> LocalEngine:
        """Load RDF bytes given piece by piece (each a whole number of lines) into a new store.

        pyoxigraph reads them as one stream, so the whole text never stands in memory
        at once: about half the peak of :meth:`from_text` for the same lines.

        >>> e = LocalEngine.from_chunks([b'<http://e/a> <http://e/p> "x" <http://e/g> .\\n'] * 2)
        >>> len(e)
        1
        """
        engine = cls()
        stream = io.BufferedReader(_Chunks(iter(chunks)), 1 << 20)
        engine.store.bulk_load(input=stream, format=FORMATS[fmt])
        return engine

    def select(
        self, query: str, bindings: Mapping[str, Value] | None = None
    ) -> list[tuple[str, ...]]:
        """Rows of a SELECT, one string per projected variable ('' when unbound).

        Rows are read back through pyoxigraph's CSV serializer, which is much
        faster than touching each term from Python, and kept: the store never
        changes, so the same query with the same bindings is answered from them.
        """
        # an Iri equals the str of the same text: the key keeps the kind of each value
        key = (
            query,
            tuple(sorted((k, type(v).__name__, str(v)) for k, v in (bindings or {}).items())),
        )
        kept = self._rows.get(key)
        if kept is None:
            kept = self._rows[key] = self._evaluate(query, bindings)
        return list(kept)

    def _evaluate(self, query: str, bindings: Mapping[str, Value] | None) -> list[tuple[str, ...]]:
        subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): _term(v) for k, v in (bindings or {}).items()
        }
        try:
            result = self.store.query(query, substitutions=subs or None)
        except SyntaxError as err:
            raise UsageError(f"the SPARQL query does not parse: {err}") from err
        if not isinstance(result, ox.QuerySolutions):
            raise UsageError("select() needs a SELECT query")
        data = result.serialize(format=ox.QueryResultsFormat.CSV)
        assert isinstance(data, bytes)
        reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
        next(reader, None)  # the header
        return [tuple(row) for row in reader]

    def run(self, query: str) -> dict[str, Any] | bool | str:
        """Any read-only query: SPARQL JSON results, a bool (ASK) or N-Triples text.

        The default graph is the union of all named graphs, so a query without
        ``GRAPH`` sees every source (as on a store started by ``detente serve``).
        """
        try:
            result = self.store.query(query, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise UsageError(f"the SPARQL query does not parse: {err}") from err
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            data = result.serialize(format=ox.QueryResultsFormat.JSON)
            assert isinstance(data, bytes)
            parsed: dict[str, Any] = json.loads(data)
            return parsed
        data = result.serialize(format=ox.RdfFormat.N_TRIPLES)
        assert isinstance(data, bytes)
        return data.decode("utf-8")

    def nquads(self) -> str:
        """Every quad of the store as N-Quads text."""
        data = self.store.dump(format=ox.RdfFormat.N_QUADS)
        assert isinstance(data, bytes)
        return data.decode("utf-8")

    def __len__(self) -> int:
        return len(self.store)
