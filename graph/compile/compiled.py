"""What the compiler makes: N-Triples lines per named graph, and the rdflib view of them.

>>> from schemas import load
>>> from graph.compile.quads import compile_quads
>>> compiled = compile_quads(load("data"))
>>> compiled.graph_names()[:2]
['https://w3id.org/detente/id/graph/registry', 'https://w3id.org/detente/id/graph/vocabulary']
>>> ds = compile(load("data"))
>>> from graph.rdf.iris import mint
>>> from rdflib.namespace import PROV
>>> (mint("statement", "witkoff-cnn-won-concession"), PROV.wasAttributedTo,
...  mint("actor", "steve-witkoff")) in ds
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.rdf.terms import DEFAULT_BASE, prefixes

if TYPE_CHECKING:  # rdflib loads only for compile(), off the build path
    from rdflib import Dataset

    from schemas.corpus import Corpus

__all__ = ["Compiled", "compile"]


@dataclass
class Compiled:
    """The compiled dataset: N-Triples ``s p o`` strings per named graph, in order."""

    graphs: dict[str, list[str]] = field(default_factory=dict)
    base: str = DEFAULT_BASE
    digests: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def digest(self, name: str) -> str:
        """A content digest of one graph's lines (a source graph's key when compiled from one)."""
        known = self.digests.get(name)
        if known is None:
            data = "\n".join(self.graphs[name]).encode()
            known = self.digests[name] = hashlib.sha256(data).hexdigest()
        return known

    def graph_names(self) -> list[str]:
        """Graph IRIs in output order: registry, vocabulary, then sources by id."""
        return list(self.graphs)

    def __len__(self) -> int:
        return sum(len(triples) for triples in self.graphs.values())

    def nquads(self, names: Iterable[str] | None = None) -> str:
        """N-Quads text of the named graphs (all by default)."""
        return "".join(f"{t} <{g}> .\n" for g in (names or self.graphs) for t in self.graphs[g])

    def ntriples(self, names: Iterable[str] | None = None) -> str:
        """N-Triples text of the union of the named graphs (all by default)."""
        return "".join(f"{t} .\n" for g in (names or self.graphs) for t in self.graphs[g])


def compile(corpus: Corpus, base: str = DEFAULT_BASE) -> Dataset:
    """The corpus as an rdflib Dataset with one named graph per source and a registry graph.

    The dataset's default graph is the union of its named graphs (``triple in ds`` works).
    """
    from rdflib import Dataset, URIRef

    from graph.compile.quads import compile_quads

    dataset = Dataset(default_union=True)
    for prefix, ns in prefixes(base).items():
        dataset.bind(prefix, ns)
    compiled = compile_quads(corpus, base)
    for name in compiled.graphs:
        dataset.graph(URIRef(name)).parse(data=compiled.ntriples([name]), format="nt")
    return dataset
