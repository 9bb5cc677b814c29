"""Publish the graph to a SPARQL 1.1 store with the Graph Store HTTP Protocol.

:func:`push` PUTs each named graph of a :class:`~graph.compile.Compiled`
dataset (registry, vocabulary, then one per source) to
``{store}?graph={IRI}`` as ``application/n-triples``. A PUT replaces its
graph, so pushing again is idempotent, and a push cut short leaves every graph
either as it was or as it should be (oxigraph clears the graph, then loads the
body in one transaction: a graph cut mid-PUT is empty, never half-written;
re-running the push converges). Graphs that no longer exist locally are left
alone.

Virtuoso's graph store wants HTTP Digest authentication (``dba`` on a fresh
database): set ``DETENTE_ENDPOINT_USER`` and ``DETENTE_ENDPOINT_PASSWORD`` or add
a ``~/.netrc`` entry; :mod:`graph.remote.http` answers its challenge, so the
password never travels. Its queries at ``/sparql`` need none. Virtuoso also
replaces a graph on PUT within one transaction (tested by killing a push
mid-body: each graph is then as it was or as it should be).

Engines name their services differently; :data:`PRESETS` maps an endpoint
URL to the graph store, query and update URLs:

==========  =====================================  =================================
preset      ``--endpoint``                         store / query / update
==========  =====================================  =================================
oxigraph    ``http://host:7878``                   ``/store``, ``/query``, ``/update``
fuseki      ``http://host:3030/{dataset}``         ``/data``, ``/sparql``, ``/update``
graphdb     ``http://host:7200/repositories/{r}``  ``/rdf-graphs/service``, ``''``,
                                                   ``/statements``
virtuoso    ``http://host:8890``                   ``/sparql-graph-crud-auth``,
                                                   ``/sparql``, ``/sparql-auth``
generic     the graph store URL itself             ``''``; query/update: give them
==========  =====================================  =================================

>>> e = Endpoint.resolve("http://127.0.0.1:3030/detente/", "fuseki")
>>> e.store, e.query
('http://127.0.0.1:3030/detente/data', 'http://127.0.0.1:3030/detente/sparql')
>>> graph_url(e.store, "https://w3id.org/detente/id/graph/registry")
'http://127.0.0.1:3030/detente/data?graph=https%3A%2F%2Fw3id.org%2Fdetente%2Fid%2Fgraph%2Fregistry'
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from graph.compile.compiled import Compiled
from graph.files import build_file
from graph.options import PRESETS
from graph.remote.http import Transport, redact
from schemas.errors import EndpointError, UsageError

__all__ = [
    "PRESETS",
    "Endpoint",
    "PushReport",
    "compiled_from_build",
    "compiled_from_data",
    "graph_url",
    "push",
    "query_url",
]

NTRIPLES = "application/n-triples"


@dataclass(frozen=True)
class Endpoint:
    """The graph store, query and update URLs of one SPARQL store."""

    store: str
    query: str | None = None
    update: str | None = None

    @classmethod
    def resolve(
        cls,
        url: str,
        preset: str = "oxigraph",
        store: str | None = None,
        query: str | None = None,
        update: str | None = None,
    ) -> Endpoint:
        """The URLs for ``url`` under ``preset``; explicit ``store``/``query``/``update`` win."""
        if preset not in PRESETS:
            raise UsageError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UsageError(f"{redact(url)} is not an http(s) URL")
        base = url.rstrip("/")
        s, q, u = PRESETS[preset]
        return cls(
            store or base + s,
            query or (None if q is None else base + q),
            update or (None if u is None else base + u),
        )


def query_url(url: str, preset: str = "oxigraph") -> str:
    """The query service of ``url`` under ``preset``, as :meth:`Endpoint.resolve` derives it.

    A URL that already names the query service is kept, so ``ask --endpoint`` takes
    the same URL as ``push --endpoint`` (the server root) or the query URL itself:

    >>> query_url("http://store:7878"), query_url("http://store:7878/query")
    ('http://store:7878/query', 'http://store:7878/query')
    >>> query_url("http://h:3030/ds/", "fuseki"), query_url("http://h/sparql", "generic")
    ('http://h:3030/ds/sparql', 'http://h/sparql')
    """
    endpoint = Endpoint.resolve(url, preset)
    suffix = PRESETS[preset][1]
    if endpoint.query is None or not suffix:
        return url
    path = urllib.parse.urlsplit(url).path.rstrip("/")
    return url if path.endswith(suffix) else endpoint.query


def graph_url(store: str, graph: str) -> str:
    """The Graph Store Protocol URL of named graph ``graph`` (indirect identification)."""
    joiner = "&" if "?" in store else "?"
    return f"{store}{joiner}{urllib.parse.urlencode({'graph': graph})}"


@dataclass
class PushReport:
    """What a push sent: graphs with their triple counts, requests and seconds."""

    endpoint: str
    graphs: list[tuple[str, int]] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0
    verified: bool = False

    @property
    def triples(self) -> int:
        """Triples pushed, over all graphs."""
        return sum(n for _, n in self.graphs)

    def summary(self) -> str:
        """One line for the terminal."""
        check = "; counts verified" if self.verified else ""
        return (
            f"pushed {len(self.graphs)} graphs, {self.triples} triples to {self.endpoint} "
            f"in {self.seconds:.1f} s ({self.requests} requests{check})"
        )


def push(
    compiled: Compiled,
    endpoint: Endpoint,
    transport: Transport | None = None,
    on_graph: Callable[[str, int, int, int], None] | None = None,
    verify: bool = True,
) -> PushReport:
    """PUT every named graph of ``compiled`` to ``endpoint``; raises EndpointError.

    ``on_graph(iri, triples, done, total)`` is called after each PUT (for
    progress). With ``verify`` and a query URL, the triple count of each graph
    is read back in one query and compared; a mismatch raises EndpointError.
    """
    http = transport if transport is not None else Transport.for_url(endpoint.store)
    start = time.perf_counter()
    before = http.attempts
    report = PushReport(redact(endpoint.store))
    total = len(compiled.graphs)
    for done, (name, triples) in enumerate(compiled.graphs.items(), start=1):
        http.request(
            "PUT",
            graph_url(endpoint.store, name),
            compiled.ntriples([name]).encode("utf-8"),
            {"Content-Type": f"{NTRIPLES}; charset=utf-8"},
        )
        report.graphs.append((name, len(triples)))
        if on_graph is not None:
            on_graph(name, len(triples), done, total)
    if verify and endpoint.query is not None:
        from graph.remote.engine import RemoteEngine

        remote = RemoteEngine(endpoint.query, http).graph_counts()
        wrong = [(g, n, remote.get(g, 0)) for g, n in report.graphs if remote.get(g, 0) != n]
        if wrong:
            g, n, got = wrong[0]
            raise EndpointError(
                redact(endpoint.query),
                f"{len(wrong)} graphs differ after the push, e.g. <{g}> has {got} triples, "
                f"not {n}; is the query URL the same store as {report.endpoint}?",
            )
        report.verified = True
    report.requests = http.attempts - before
    report.seconds = time.perf_counter() - start
    return report


def compiled_from_data(data_dir: str | Path = "data", validate: bool = True) -> Compiled:
    """Load, compile and (by default) SHACL-validate a data folder."""
    from graph.compile.quads import compile_quads
    from schemas.loader import load

    compiled = compile_quads(load(data_dir))
    if validate:
        from graph.validate.shacl import validate as check

        check(compiled)
    return compiled


def compiled_from_build(build_dir: str | Path = "build") -> Compiled:
    """The named graphs ``detente build`` wrote (``detente.nq`` or ``.trig``), in file order.

    >>> import tempfile
    >>> from graph.builder.run import build
    >>> with tempfile.TemporaryDirectory() as out:
    ...     _ = build("data", out, formats=("trig",))
    ...     compiled = compiled_from_build(out)
    >>> compiled.graph_names()[0]
    'https://w3id.org/detente/id/graph/registry'
    """
    import pyoxigraph as ox

    folder = Path(build_dir)
    formats = {"detente.nq": ox.RdfFormat.N_QUADS, "detente.trig": ox.RdfFormat.TRIG}
    found = build_file(folder)
    if found is not None:
        graphs: dict[str, list[str]] = {}
        try:
            for quad in ox.parse(path=str(found), format=formats[found.name]):
                if not isinstance(quad.graph_name, ox.NamedNode):
                    raise UsageError(f"{found}: a triple outside any named graph")
                lines = graphs.setdefault(quad.graph_name.value, [])
                lines.append(f"{quad.subject} {quad.predicate} {quad.object}")
        except (SyntaxError, OSError, UnicodeDecodeError) as err:
            from graph.ask.engine import unreadable

            raise unreadable(found, err) from None
        return Compiled(graphs)
    raise UsageError(
        f"{folder} holds no build (detente.trig or detente.nq); "
        f"run `detente build --out {folder}` first"
    )
