"""RDF -> records: read what :mod:`graph.compile.quads` wrote back into a Corpus.

The mirror image of the compiler. It reads the union of all graphs (so a
Turtle file, which has no graph names, reads as well as TriG or JSON-LD),
finds records by their ``rdf:type`` and ids by inverting
:func:`graph.rdf.iris.mint`. Records -> RDF -> records gives equal models.

>>> from schemas import load
>>> from graph.compile import compile
>>> seed = load("data")
>>> from_dataset(compile(seed)) == seed
True
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox
from pydantic import ValidationError as PydanticError
from rdflib import Graph, Literal, URIRef

from graph.compile import readrecords
from graph.rdf.iris import Minter
from graph.rdf.skos import member
from graph.rdf.terms import DEFAULT_BASE, PREFIXES
from schemas.corpus import Corpus
from schemas.errors import DataError, Problem, UsageError
from schemas.models import (
    Actor,
    Affiliation,
    Concession,
    Evidence,
    Meeting,
    Participant,
    Position,
    Source,
    Statement,
    Topic,
    Venue,
)

__all__ = ["FORMATS_BY_SUFFIX", "from_dataset", "from_triples", "read"]

FORMATS_BY_SUFFIX = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
}
"""File suffixes :func:`read` understands."""


class Iri(NamedTuple):
    """An IRI object."""

    value: str


class Lit(NamedTuple):
    """A literal object: lexical form and datatype IRI."""

    value: str
    datatype: str


Term = Iri | Lit
_P = dict(PREFIXES)
_A = f"{_P['rdf']}type"


def _t(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return f"{_P[prefix]}{local}"


def read(path: str | Path, base: str = DEFAULT_BASE) -> Corpus:
    """The corpus in a Turtle, TriG, JSON-LD, N-Triples or N-Quads file detente wrote."""
    file = Path(path)
    fmt = FORMATS_BY_SUFFIX.get(file.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {file.name}; use one of {', '.join(FORMATS_BY_SUFFIX)}"
        )
    try:
        quads = ox.parse(path=str(file), format=fmt)
        return from_triples(((q.subject, q.predicate, q.object) for q in quads), base)
    except (SyntaxError, OSError) as err:
        raise DataError([Problem(str(file), 0, "(rdf)", f"cannot read: {err}", "")]) from None


def from_dataset(graph: Graph, base: str = DEFAULT_BASE) -> Corpus:
    """The corpus in an rdflib Graph or Dataset (all its graphs together)."""
    source: Iterable[Any] = graph.quads() if hasattr(graph, "quads") else graph
    return from_triples(((q[0], q[1], q[2]) for q in source), base)


def from_triples(triples: Iterable[tuple[Any, Any, Any]], base: str = DEFAULT_BASE) -> Corpus:
    """The corpus in (subject, predicate, object) triples of rdflib or pyoxigraph terms."""
    return _Reader(triples, Minter(base)).corpus()


def _term(obj: Any) -> Term:
    if isinstance(obj, URIRef | ox.NamedNode):
        return Iri(str(obj) if isinstance(obj, URIRef) else obj.value)
    if isinstance(obj, Literal):
        return Lit(str(obj), str(obj.datatype or f"{_P['xsd']}string"))
    if isinstance(obj, ox.Literal):
        return Lit(obj.value, obj.datatype.value)
    raise DataError([Problem("<rdf>", 0, "(rdf)", f"unexpected node {obj!r}", "no blank nodes")])


class _Reader:
    def __init__(self, triples: Iterable[tuple[Any, Any, Any]], minter: Minter) -> None:
        self.m = minter
        self.props: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            subject = str(s) if isinstance(s, URIRef) else getattr(s, "value", str(s))
            predicate = str(p) if isinstance(p, URIRef) else p.value
            values = self.props[subject][predicate]
            term = _term(o)
            if term not in values:
                values.append(term)
        self.by_type: dict[str, list[str]] = defaultdict(list)
        for subject, props in self.props.items():
            for t in props.get(_A, []):
                self.by_type[t.value].append(subject)

    # --- access -----------------------------------------------------------------------
    def all(self, s: str, p: str) -> list[Term]:
        return self.props.get(s, {}).get(_t(p), [])

    def opt(self, s: str, p: str) -> Term | None:
        values = self.all(s, p)
        if len(values) > 1:
            raise _bad(s, p, "has more than one value")
        return values[0] if values else None

    def one(self, s: str, p: str) -> Term:
        value = self.opt(s, p)
        if value is None:
            raise _bad(s, p, "is missing")
        return value

    def text(self, s: str, p: str) -> str | None:
        value = self.opt(s, p)
        return None if value is None else value.value

    def date(self, s: str, p: str) -> dt.date | None:
        value = self.opt(s, p)
        return None if value is None else dt.date.fromisoformat(value.value)

    def id(self, term: Term | None) -> str | None:
        if term is None:
            return None
        parsed = self.m.parse(term.value)
        if parsed is None:
            raise DataError([Problem("<rdf>", 0, "(rdf)", f"{term.value} is not a record IRI", "")])
        return parsed[1]

    def integer(self, s: str, p: str) -> int | None:
        value = self.opt(s, p)
        return None if value is None else int(value.value)

    def kind_of(self, term: Term | None) -> str | None:
        """The kind of record (``concession``, ``topic``, ...) an IRI was minted for."""
        parsed = None if term is None else self.m.parse(term.value)
        return None if parsed is None else parsed[0]

    def concept(self, s: str, p: str) -> Any:
        value = self.opt(s, p)
        return None if value is None else member(value.value)

    def ordered(self, s: str, p: str, order: str, ids: bool = False) -> list[str]:
        """A list field: its rdf:List order if present, else the sorted values."""
        head = self.opt(s, order)
        if head is None:
            values = [self.id(v) if ids else v.value for v in self.all(s, p)]
            return sorted(v for v in values if v is not None)
        out: list[str] = []
        cell: Term | None = head
        nil = f"{_P['rdf']}nil"
        while cell is not None and cell.value != nil:
            value = self.one(cell.value, "rdf:first")
            out.append((self.id(value) or "") if ids else value.value)
            cell = self.opt(cell.value, "rdf:rest")
        return out

    def nodes(self, s: str, p: str) -> list[str]:
        """Nested nodes (memberships, participations) in ``schema:position`` order."""
        found = [t.value for t in self.all(s, p)]
        return sorted(found, key=lambda n: int(self.one(n, "schema:position").value))

    def of_type(self, curie: str) -> list[str]:
        return sorted(self.by_type.get(_t(curie), []))

    # --- records ----------------------------------------------------------------------
    def corpus(self) -> Corpus:
        c = Corpus()
        try:
            for s in self.of_type("det:Actor"):
                c.actors[self.rid(s)] = self.actor(s)
            for s in self.of_type("det:Topic"):
                c.topics[self.rid(s)] = self.topic(s)
            for s in self.of_type("det:Meeting"):
                c.meetings[self.rid(s)] = self.meeting(s)
            for s in self.of_type("det:Proposal"):
                c.proposals[self.rid(s)] = readrecords.proposal(self, s)
            for s in self.of_type("det:Concession"):
                c.concessions[self.rid(s)] = self.concession(s)
            for s in self.of_type("det:Commitment"):
                c.commitments[self.rid(s)] = readrecords.commitment(self, s)
            for s in self.of_type("det:Position"):
                c.positions[self.rid(s)] = self.position(s)
            for s in self.of_type("det:Response"):
                c.responses[self.rid(s)] = readrecords.response(self, s)
            for s in self.of_type("det:Source"):
                c.sources[self.rid(s)] = self.source(s)
            for s in self.of_type("det:Statement"):
                c.statements[self.rid(s)] = self.statement(s)
        except PydanticError as err:
            raise DataError([Problem("<rdf>", 0, "(record)", str(err), "")]) from None
        return c

    def rid(self, s: str) -> str:
        return self.id(Iri(s)) or ""

    def actor(self, s: str) -> Actor:
        if not hasattr(self, "_members"):
            self._members: dict[str, list[str]] = defaultdict(list)
            for m in self.by_type.get(_t("org:Membership"), []):
                self._members[self.one(m, "org:member").value].append(m)
        memberships = sorted(
            self._members.get(s, []), key=lambda n: int(self.one(n, "schema:position").value)
        )
        wikidata = self.opt(s, "owl:sameAs")
        return Actor(
            id=self.rid(s),
            name=self.text(s, "schema:name"),
            kind=self.concept(s, "det:actorKind"),
            aliases=self.ordered(s, "skos:altLabel", "det:aliasList"),
            member_count=self.integer(s, "det:memberCount"),
            wikidata=wikidata.value.removeprefix(_P["wd"]) if wikidata else None,
            affiliations=[
                Affiliation(
                    of=self.id(self.one(m, "org:organization")),
                    role=self.text(self.one(m, "org:role").value, "skos:prefLabel"),
                    start=self.date(m, "schema:startDate"),
                    end=self.date(m, "schema:endDate"),
                )
                for m in memberships
            ],
            note=self.text(s, "skos:editorialNote"),
        )

    def topic(self, s: str) -> Topic:
        return Topic(
            id=self.rid(s),
            label=self.text(s, "skos:prefLabel"),
            kind=self.concept(s, "det:topicKind"),
            description=self.text(s, "skos:definition"),
            broader=self.id(self.opt(s, "skos:broader")),
            also_broader=self.ordered(s, "det:furtherBroader", "det:furtherBroaderList", ids=True),
        )

    def meeting(self, s: str) -> Meeting:
        return Meeting(
            id=self.rid(s),
            title=self.text(s, "schema:name"),
            start=self.date(s, "schema:startDate"),
            end=self.date(s, "schema:endDate"),
            location=self.text(s, "schema:location"),
            status=self.concept(s, "schema:eventStatus"),
            kind=self.concept(s, "det:meetingKind"),
            participants=[
                Participant(
                    actor=self.id(self.one(n, "det:participant")),
                    role=self.concept(n, "det:participantRole"),
                )
                for n in self.nodes(s, "det:participation")
            ],
            note=self.text(s, "skos:editorialNote"),
        )

    def concession(self, s: str) -> Concession:
        return Concession(
            id=self.rid(s),
            conceder=self.id(self.one(s, "det:conceder")),
            conceded_to=self.ordered(s, "det:concededTo", "det:concededToList", ids=True),
            beneficiaries=self.ordered(s, "det:beneficiary", "det:beneficiaryList", ids=True),
            topic=self.id(self.one(s, "dcterms:subject")),
            kind=self.concept(s, "det:concessionKind"),
            summary=self.text(s, "schema:description"),
            conditions=self.ordered(s, "det:condition", "det:conditionList"),
            form=self.concept(s, "det:concessionForm"),
            modality=self.concept(s, "det:modality"),
            made_at=self.id(self.opt(s, "det:madeAt")),
            also_topics=self.ordered(s, "det:furtherTopic", "det:furtherTopicList", ids=True),
            demanded_by=self.ordered(s, "det:demandedBy", "det:demandedByList", ids=True),
            proposed_in=self.id(self.opt(s, "det:proposedIn")),
            made_on=self.date(s, "det:madeOn"),
            placement=self.concept(s, "det:placement"),
            plover=self.concept(s, "det:ploverEvent"),
            note=self.text(s, "skos:editorialNote"),
        )

    def position(self, s: str) -> Position:
        return Position(
            id=self.rid(s),
            actor=self.id(self.one(s, "det:heldBy")),
            topic=self.id(self.one(s, "dcterms:subject")),
            stance=self.concept(s, "det:stance"),
            summary=self.text(s, "schema:description"),
            valid_from=self.date(s, "schema:validFrom"),
            valid_until=self.date(s, "schema:validThrough"),
            note=self.text(s, "skos:editorialNote"),
        )

    def source(self, s: str) -> Source:
        return Source(
            id=self.rid(s),
            title=self.text(s, "dcterms:title"),
            publisher=self.text(s, "schema:publisher"),
            published=self.date(s, "dcterms:issued"),
            url=self.text(s, "schema:url"),
            language=self.text(s, "schema:inLanguage"),
            kind=self.concept(s, "det:sourceKind"),
            text=self.text(s, "det:textFile"),
            sha256=self.text(s, "det:sha256"),
            furniture=self.ordered(s, "det:furniture", "det:furnitureList"),
            restates=readrecords.original(self, s),
            truncated=self.opt(s, "det:truncated") is not None,
            note=self.text(s, "skos:editorialNote"),
        )

    def statement(self, s: str) -> Statement:
        evidence = self.opt(s, "det:evidence")
        return Statement(
            id=self.rid(s),
            source=self.id(self.one(s, "dcterms:source")),
            speaker=self.id(self.one(s, "prov:wasAttributedTo")),
            mode=self.concept(s, "det:statementMode"),
            venue=Venue(
                label=self.text(s, "det:venueLabel"),
                kind=self.concept(s, "det:venueKind"),
                outlet=self.id(self.opt(s, "det:outlet")),
                meeting=self.id(self.opt(s, "det:atMeeting")),
            ),
            date=self.date(s, "dcterms:date"),
            date_precision=self.concept(s, "det:datePrecision"),
            date_note=self.text(s, "det:dateNote"),
            text=self.text(s, "schema:text"),
            reported_by=self.id(self.opt(s, "det:reportedBy")),
            via=self.ordered(s, "det:via", "det:viaList", ids=True),
            revises=self.id(self.opt(s, "det:revises")),
            supports=self.ordered(s, "det:supports", "det:supportsList", ids=True),
            denies=self.ordered(s, "det:denies", "det:deniesList", ids=True),
            evidence=self.evidence(evidence.value) if evidence else None,
            note=self.text(s, "skos:editorialNote"),
        )

    def evidence(self, e: str) -> Evidence:
        quote = position = ""
        for sel in self.all(e, "oa:hasSelector"):
            types = {t.value for t in self.all(sel.value, "rdf:type")}
            if _t("oa:TextQuoteSelector") in types:
                quote = sel.value
            if _t("oa:TextPositionSelector") in types:
                position = sel.value
        return Evidence(
            start=int(self.one(position, "oa:start").value),
            end=int(self.one(position, "oa:end").value),
            exact=self.text(quote, "oa:exact"),
            prefix=self.text(quote, "oa:prefix"),
            suffix=self.text(quote, "oa:suffix"),
        )


def _bad(s: str, p: str, what: str) -> DataError:
    return DataError([Problem("<rdf>", 0, p, f"{p} of <{s}> {what}", "")])
