"""Records -> RDF: the one mapping, emitted as N-Quads lines for speed.

:func:`compile_quads` turns a :class:`~schemas.corpus.Corpus` into
:class:`Compiled` (N-Triples strings per named graph, in a fixed order);
:func:`compile` parses that into an ``rdflib.Dataset`` for users. No blank
nodes: every node is minted by :func:`graph.rdf.iris.mint`.

Named graphs (``id:`` is the data base, default ``https://w3id.org/detente/id/``):

* ``id:graph/registry``: actors (+ memberships, roles), topics, meetings
  (+ participations), concessions, positions;
* ``id:source/{sid}/graph``: one per source: the source's own description,
  its statements and their evidence (so one PUT replaces all a source says);
* ``id:graph/vocabulary``: the SKOS concept schemes (:mod:`graph.rdf.skos`).

Every record also gets ``dcterms:identifier "{id}"``. ``detv:`` values are SKOS
concepts ``detv:{scheme}-{value}`` (e.g. ``detv:meeting-status-held``).

=======================  ======================================================  ========
record field             predicate (object)                                      graph
=======================  ======================================================  ========
Actor (id:actor/{id})    a det:Actor + schema:Person | det:State | det:Alliance   registry
                         | org:FormalOrganization | det:InformalGroup |
                         schema:NewsMediaOrganization (by kind)
 .name / .aliases        schema:name / skos:altLabel (each)
 .kind / .wikidata       det:actorKind detv:actor-kind-* / owl:sameAs wd:Q..
 .affiliations[i]        node id:actor/{id}/affiliation/{i} a org:Membership;
                         org:member actor; org:organization of-actor;
                         org:role <../role> (a org:Role; skos:prefLabel role);
                         schema:startDate / schema:endDate xsd:date;
                         schema:position i (1-based)
 .note (every record)    skos:editorialNote
Topic (id:topic/{id})    a det:Topic, skos:Concept; skos:prefLabel label;        registry
                         det:topicKind; skos:definition description;
                         skos:broader topic
Meeting (id:meeting/..)  a det:Meeting, schema:Event; schema:name title;         registry
                         schema:startDate / schema:endDate xsd:date;
                         schema:location "text"; schema:eventStatus
                         detv:meeting-status-*; schema:attendee actor (each)
 .participants[i]        det:participation id:meeting/{id}/participant/{i}
                         (a det:Participation; det:participant actor;
                         det:participantRole detv:participant-role-*;
                         schema:position i)
Concession (../{id})     a det:Concession; det:conceder; det:concededTo (each);  registry
                         det:beneficiary (each); dcterms:subject topic;
                         det:concessionKind; schema:description summary;
                         det:condition (each); det:concessionForm;
                         det:modality; det:madeAt meeting; det:madeOn xsd:date;
                         det:ploverEvent detv:plover-event-*
Position (../{id})       a det:Position; det:heldBy actor; dcterms:subject       registry
                         topic; det:stance; schema:description summary;
                         schema:validFrom / schema:validThrough xsd:date
Source (id:source/{id})  a det:Source + schema:NewsArticle | ... (by kind);      source
                         dcterms:title; schema:publisher "text";
                         dcterms:issued xsd:date; schema:url IRI (or
                         xsd:anyURI literal when not a valid IRI);
                         schema:inLanguage; det:sourceKind; det:textFile;
                         det:sha256; det:furniture (each)
Statement (../{id})      a det:Statement; dcterms:source source;                 source
                         prov:wasAttributedTo speaker (actor, or the source
                         itself for narration); det:statementMode;
                         det:venueLabel; det:venueKind; det:outlet actor;
                         det:atMeeting meeting; dcterms:date xsd:date;
                         det:datePrecision; det:dateNote; schema:text text;
                         det:reportedBy statement; det:supports / det:denies
                         concession|position|meeting (each)
 .evidence               det:evidence id:statement/{id}/evidence
                         (a oa:SpecificResource; oa:hasSource source;
                         oa:hasSelector ../evidence/quote (a
                         oa:TextQuoteSelector; oa:exact, oa:prefix, oa:suffix)
                         and ../evidence/position (a oa:TextPositionSelector;
                         oa:start, oa:end xsd:nonNegativeInteger))
=======================  ======================================================  ========

Proposals (with provisions), commitments, responses and the fields the later reports
added (relays, revisions, restatements, demands) map in :mod:`graph.compile.records`.

A concession is never a bare "Russia conceded X" triple: it is a node whose
only link to what happened is the statements that ``det:supports`` it.
Affiliation on a date ``?d`` in SPARQL::

    ?m org:member ?speaker ; org:organization ?conceder .
    FILTER NOT EXISTS { ?m schema:startDate ?s FILTER (?s > ?d) }
    FILTER NOT EXISTS { ?m schema:endDate ?e FILTER (?e < ?d) }

List order: multi-valued fields are plain repeated triples (query those). When
a list's order is not its sorted, duplicate-free order, the order is restated
as an ``rdf:List`` of minted cells (``det:aliasList``, ``det:supportsList``, ...)
so that read-back is lossless; memberships and participations carry
``schema:position`` instead. Optional fields that are None give no triple.

A build reuses the lines of unchanged source graphs: :func:`source_keys`
names each source graph by a hash of everything its lines are made from
(the source and its statements as validated, the kinds of the records they
point to, the base and this module's code), and ``compile_quads(reuse=...)``
takes the lines of the graphs whose key is unchanged.

>>> from schemas import load
>>> compiled = compile_quads(load("data"))
>>> compiled.graph_names()[:2]
['https://w3id.org/detente/id/graph/registry', 'https://w3id.org/detente/id/graph/vocabulary']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from graph.compile import records
from graph.compile.compiled import Compiled
from graph.compile.keys import claim_kinds
from graph.rdf import ntriples as nt
from graph.rdf import terms
from graph.rdf.iris import Minter
from graph.rdf.skos import concept_iri, scheme_triples
from graph.rdf.terms import DEFAULT_BASE, PREFIXES
from schemas.corpus import Corpus
from schemas.errors import DataError, Problem
from schemas.models import Actor, Concession, Meeting, Position, Source, Statement, Topic
from schemas.negotiation import Commitment, Proposal, Response
from schemas.vocab import ActorKind, SourceKind, Vocabulary

if TYPE_CHECKING:  # rdflib loads only for compile(), off the build path
    pass

__all__ = ["compile_quads", "compile_sources"]


DET, SDO, PROV, ORG, OA = terms.DET.nt, terms.SDO.nt, terms.PROV.nt, terms.ORG.nt, terms.OA.nt
DCT, SKOS, OWL = terms.DCT.nt, terms.SKOS.nt, terms.OWL.nt
A = nt.RDF_TYPE

_ACTOR_TYPES = {
    ActorKind.PERSON: SDO.Person,
    ActorKind.STATE: DET.State,
    ActorKind.ORGANIZATION: ORG.FormalOrganization,
    ActorKind.ALLIANCE: DET.Alliance,
    ActorKind.INFORMAL_GROUP: DET.InformalGroup,
    ActorKind.MEDIA_OUTLET: SDO.NewsMediaOrganization,
}
_SOURCE_TYPES = {
    SourceKind.NEWS_ARTICLE: SDO.NewsArticle,
    SourceKind.TRANSCRIPT: SDO.CreativeWork,
    SourceKind.OFFICIAL_STATEMENT: SDO.Article,
    SourceKind.SOCIAL_MEDIA_POST: SDO.SocialMediaPosting,
    SourceKind.ILLUSTRATIVE: SDO.CreativeWork,
    SourceKind.RESTATEMENT: SDO.CreativeWork,
}
_R = TypeVar(
    "_R",
    Actor, Topic, Meeting, Concession, Position, Source, Statement, Proposal, Commitment, Response,
)  # fmt: skip
_IRI_UNSAFE = frozenset('<>"{}|\\^` \t\n\r')


def compile_quads(
    corpus: Corpus, base: str = DEFAULT_BASE, reuse: Mapping[str, list[str]] | None = None
) -> Compiled:
    """The corpus as N-Triples strings per named graph; deterministic for a given corpus.

    ``reuse`` maps source graph names to lines compiled before under the same
    :func:`source_keys` key; those graphs are taken as they are.
    """
    return _Compiler(corpus, Minter(base)).run(reuse or {})


def compile_sources(corpus: Corpus, base: str = DEFAULT_BASE) -> dict[str, list[str]]:
    """The source graphs alone (no registry or vocabulary), by name, as in :func:`compile_quads`.

    The statements' targets need only be present in ``corpus`` (their ids
    and sections are all a source graph reads of them), so an edited source
    file compiles against stubs of the records it points to.

    >>> from schemas import load
    >>> corpus = load("data")
    >>> graphs = compile_sources(corpus)
    >>> all(graphs[n] == lines for n, lines in compile_quads(corpus).graphs.items() if n in graphs)
    True
    """
    graphs: dict[str, list[str]] = {}
    _Compiler(corpus, Minter(base)).sources(graphs, {})
    return graphs


class _Compiler:
    def __init__(self, corpus: Corpus, minter: Minter) -> None:
        self.c = corpus
        self.m = minter
        self.out: list[str] = []
        self._kinds = claim_kinds(corpus)

    def run(self, reuse: Mapping[str, list[str]]) -> Compiled:
        mint = self.m.iri
        graphs: dict[str, list[str]] = {}
        self.out = graphs.setdefault(mint("graph", "registry"), [])
        for key in sorted(self.c.actors):
            self.record(self.actor, self.c.actors[key])
        for key in sorted(self.c.topics):
            self.record(self.topic, self.c.topics[key])
        for key in sorted(self.c.meetings):
            self.record(self.meeting, self.c.meetings[key])
        for key in sorted(self.c.proposals):
            self.record(lambda p: records.proposal(self, p), self.c.proposals[key])
        for key in sorted(self.c.concessions):
            self.record(self.concession, self.c.concessions[key])
        for key in sorted(self.c.commitments):
            self.record(lambda c: records.commitment(self, c), self.c.commitments[key])
        for key in sorted(self.c.positions):
            self.record(self.position, self.c.positions[key])
        for key in sorted(self.c.responses):
            self.record(lambda r: records.response(self, r), self.c.responses[key])
        graphs[mint("graph", "vocabulary")] = list(scheme_triples())
        self.sources(graphs, reuse)
        return Compiled(graphs, self.m.base)

    def sources(self, graphs: dict[str, list[str]], reuse: Mapping[str, list[str]]) -> None:
        """Add one graph per source (sorted by id) to ``graphs``, taking ``reuse``'s as they are."""
        by_source: dict[str, list[Statement]] = {}
        for st in self.c.statements.values():
            if st.source not in self.c.sources:
                raise _dangling(st.id, "source", st.source)
            by_source.setdefault(st.source, []).append(st)
        for key in sorted(self.c.sources):
            name = self.m.iri("source", key, "graph")
            if name in reuse:
                graphs[name] = reuse[name]
                continue
            self.out = graphs.setdefault(name, [])
            self.record(self.source, self.c.sources[key])
            for st in sorted(by_source.get(key, []), key=lambda s: s.id):
                self.record(self.statement, st)

    # --- helpers ----------------------------------------------------------------------
    def record(self, emit: Callable[[_R], None], record: _R) -> None:
        """Emit one record, then order its lines by subject (a record's node first)."""
        start = len(self.out)
        emit(record)
        self.out[start:] = sorted(self.out[start:], key=_subject_key)

    def node(self, kind: str, record_id: str, *parts: str) -> str:
        return f"<{self.m.iri(kind, record_id, *parts)}>"

    def ref(self, kind: str, record_id: str | None) -> str | None:
        return None if record_id is None else self.node(kind, record_id)

    def claimable(self, owner: str, record_id: str, field_name: str) -> str:
        kind = self._kinds.get(record_id)
        if kind is None:
            raise _dangling(owner, field_name, record_id)
        return self.node(kind, record_id)

    def emit(self, s: str, p: str, o: str) -> None:
        self.out.append(f"{s} {p} {o}")

    def opt(self, s: str, p: str, o: str | None) -> None:
        if o is not None:
            self.out.append(f"{s} {p} {o}")

    def concept(self, s: str, p: str, value: Vocabulary) -> None:
        self.out.append(f"{s} {p} <{concept_iri(value)}>")

    def common(self, s: str, record_id: str, *types: str) -> None:
        for rdf_type in types:
            self.emit(s, A, rdf_type)
        self.emit(s, DCT.identifier, nt.literal(record_id))

    def many(
        self,
        s: str,
        p: str,
        values: Sequence[str],
        terms: Sequence[str],
        order_prop: str,
        cell: tuple[str, str, str],
    ) -> None:
        """Repeated triples for a list, plus an rdf:List of minted cells if order matters."""
        for term in dict.fromkeys(terms):
            self.emit(s, p, term)
        if len(values) > 1 and list(values) != sorted(set(values)):
            kind, record_id, name = cell
            cells = [self.node(kind, record_id, name, str(i)) for i in range(1, len(terms) + 1)]
            self.emit(s, order_prop, cells[0])
            for i, term in enumerate(terms):
                self.emit(cells[i], nt.RDF_FIRST, term)
                self.emit(cells[i], nt.RDF_REST, cells[i + 1] if i + 1 < len(cells) else nt.RDF_NIL)

    # --- registry ---------------------------------------------------------------------
    def actor(self, a: Actor) -> None:
        s = self.node("actor", a.id)
        self.common(s, a.id, DET.Actor, _ACTOR_TYPES[a.kind])
        self.emit(s, SDO.name, nt.literal(a.name))
        self.concept(s, DET.actorKind, a.kind)
        terms = [nt.literal(x) for x in a.aliases]
        cell = ("actor", a.id, "aliases")
        self.many(s, SKOS.altLabel, a.aliases, terms, DET.aliasList, cell)
        if a.wikidata:
            self.emit(s, OWL.sameAs, f"<{PREFIXES['wd']}{a.wikidata}>")
        for i, aff in enumerate(a.affiliations, start=1):
            m = self.node("actor", a.id, "affiliation", str(i))
            role = self.node("actor", a.id, "affiliation", str(i), "role")
            self.emit(m, A, ORG.Membership)
            self.emit(m, ORG.member, s)
            self.emit(m, ORG.organization, self.node("actor", aff.of))
            self.emit(m, ORG.role, role)
            self.opt(m, SDO.startDate, _date(aff.start))
            self.opt(m, SDO.endDate, _date(aff.end))
            self.emit(m, SDO.position, nt.integer(i))
            self.emit(role, A, ORG.Role)
            self.emit(role, SKOS.prefLabel, nt.literal(aff.role))
        records.actor_extras(self, s, a)
        self.opt(s, SKOS.editorialNote, _lit(a.note))

    def topic(self, t: Topic) -> None:
        s = self.node("topic", t.id)
        self.common(s, t.id, DET.Topic, SKOS.Concept)
        self.emit(s, SKOS.prefLabel, nt.literal(t.label))
        self.concept(s, DET.topicKind, t.kind)
        self.opt(s, SKOS.definition, _lit(t.description))
        self.opt(s, SKOS.broader, self.ref("topic", t.broader))
        records.topic_extras(self, s, t)

    def meeting(self, m: Meeting) -> None:
        s = self.node("meeting", m.id)
        self.common(s, m.id, DET.Meeting, SDO.Event)
        self.emit(s, SDO.name, nt.literal(m.title))
        self.opt(s, SDO.startDate, _date(m.start))
        self.opt(s, SDO.endDate, _date(m.end))
        self.opt(s, SDO.location, _lit(m.location))
        self.concept(s, SDO.eventStatus, m.status)
        for actor in dict.fromkeys(p.actor for p in m.participants):
            self.emit(s, SDO.attendee, self.node("actor", actor))
        for i, part in enumerate(m.participants, start=1):
            node = self.node("meeting", m.id, "participant", str(i))
            self.emit(s, DET.participation, node)
            self.emit(node, A, DET.Participation)
            self.emit(node, DET.participant, self.node("actor", part.actor))
            self.concept(node, DET.participantRole, part.role)
            self.emit(node, SDO.position, nt.integer(i))
        records.meeting_extras(self, s, m)
        self.opt(s, SKOS.editorialNote, _lit(m.note))

    def concession(self, c: Concession) -> None:
        s = self.node("concession", c.id)
        self.common(s, c.id, DET.Concession)
        self.emit(s, DET.conceder, self.node("actor", c.conceder))
        cell = ("concession", c.id)
        terms = [self.node("actor", x) for x in c.conceded_to]
        self.many(
            s,
            DET.concededTo,
            c.conceded_to,
            terms,
            DET.concededToList,
            (*cell, "conceded-to"),
        )
        terms = [self.node("actor", x) for x in c.beneficiaries]
        self.many(
            s,
            DET.beneficiary,
            c.beneficiaries,
            terms,
            DET.beneficiaryList,
            (*cell, "beneficiaries"),
        )
        self.emit(s, DCT.subject, self.node("topic", c.topic))
        self.concept(s, DET.concessionKind, c.kind)
        self.emit(s, SDO.description, nt.literal(c.summary))
        terms = [nt.literal(x) for x in c.conditions]
        self.many(s, DET.condition, c.conditions, terms, DET.conditionList, (*cell, "conditions"))
        self.concept(s, DET.concessionForm, c.form)
        self.concept(s, DET.modality, c.modality)
        self.opt(s, DET.madeAt, self.ref("meeting", c.made_at))
        self.opt(s, DET.madeOn, _date(c.made_on))
        if c.plover is not None:
            self.concept(s, DET.ploverEvent, c.plover)
        records.concession_extras(self, s, c)
        self.opt(s, SKOS.editorialNote, _lit(c.note))

    def position(self, p: Position) -> None:
        s = self.node("position", p.id)
        self.common(s, p.id, DET.Position)
        self.emit(s, DET.heldBy, self.node("actor", p.actor))
        self.emit(s, DCT.subject, self.node("topic", p.topic))
        self.concept(s, DET.stance, p.stance)
        self.emit(s, SDO.description, nt.literal(p.summary))
        self.opt(s, SDO.validFrom, _date(p.valid_from))
        self.opt(s, SDO.validThrough, _date(p.valid_until))
        self.opt(s, SKOS.editorialNote, _lit(p.note))

    # --- sources ----------------------------------------------------------------------
    def source(self, src: Source) -> None:
        s = self.node("source", src.id)
        self.common(s, src.id, DET.Source, _SOURCE_TYPES[src.kind])
        self.emit(s, DCT.title, nt.literal(src.title))
        self.opt(s, SDO.publisher, _lit(src.publisher))
        self.emit(s, DCT.issued, nt.date(src.published))
        if src.url is not None:
            safe = _is_iri(src.url)
            url = f"<{src.url}>" if safe else nt.typed(src.url, nt.XSD_ANYURI)
            self.emit(s, SDO.url, url)
        self.emit(s, SDO.inLanguage, nt.literal(src.language))
        self.concept(s, DET.sourceKind, src.kind)
        self.emit(s, DET.textFile, nt.literal(src.text))
        self.opt(s, DET.sha256, _lit(src.sha256))
        terms = [nt.literal(x) for x in src.furniture]
        self.many(
            s,
            DET.furniture,
            src.furniture,
            terms,
            DET.furnitureList,
            ("source", src.id, "furniture"),
        )
        records.source_extras(self, s, src)
        self.opt(s, SKOS.editorialNote, _lit(src.note))

    def statement(self, st: Statement) -> None:
        s = self.node("statement", st.id)
        self.common(s, st.id, DET.Statement)
        source = self.node("source", st.source)
        self.emit(s, DCT.source, source)
        speaker_kind = "source" if st.speaker in self.c.sources else "actor"
        self.emit(s, PROV.wasAttributedTo, self.node(speaker_kind, st.speaker))
        self.concept(s, DET.statementMode, st.mode)
        v = st.venue
        self.emit(s, DET.venueLabel, nt.literal(v.label))
        self.concept(s, DET.venueKind, v.kind)
        self.opt(s, DET.outlet, self.ref("actor", v.outlet))
        self.opt(s, DET.atMeeting, self.ref("meeting", v.meeting))
        self.emit(s, DCT.date, nt.date(st.date))
        self.concept(s, DET.datePrecision, st.date_precision)
        self.opt(s, DET.dateNote, _lit(st.date_note))
        self.emit(s, SDO.text, nt.literal(st.text))
        self.opt(s, DET.reportedBy, self.ref("statement", st.reported_by))
        for name, values, prop, order in (
            ("supports", st.supports, DET.supports, DET.supportsList),
            ("denies", st.denies, DET.denies, DET.deniesList),
        ):
            terms = [self.claimable(st.id, x, name) for x in values]
            self.many(s, prop, values, terms, order, ("statement", st.id, name))
        records.statement_extras(self, s, st)
        self.opt(s, SKOS.editorialNote, _lit(st.note))
        ev = st.evidence
        if ev is not None:
            e = self.node("statement", st.id, "evidence")
            quote = self.node("statement", st.id, "evidence", "quote")
            where = self.node("statement", st.id, "evidence", "position")
            self.emit(s, DET.evidence, e)
            self.emit(e, A, OA.SpecificResource)
            self.emit(e, OA.hasSource, source)
            self.emit(e, OA.hasSelector, quote)
            self.emit(e, OA.hasSelector, where)
            self.emit(quote, A, OA.TextQuoteSelector)
            self.emit(quote, OA.exact, nt.literal(ev.exact))
            self.emit(quote, OA.prefix, nt.literal(ev.prefix))
            self.emit(quote, OA.suffix, nt.literal(ev.suffix))
            self.emit(where, A, OA.TextPositionSelector)
            self.emit(where, OA.start, nt.integer(ev.start))
            self.emit(where, OA.end, nt.integer(ev.end))


def _lit(value: str | None) -> str | None:
    return None if value is None else nt.literal(value)


def _date(value: dt.date | None) -> str | None:
    return None if value is None else nt.date(value)


def _subject_key(line: str) -> str:
    return line[: line.index(" ") - 1]


def _is_iri(url: str) -> bool:
    """True when ``url`` is an IRI strict parsers accept (checked by pyoxigraph)."""
    if _IRI_UNSAFE.intersection(url):
        return False
    from pyoxigraph import NamedNode

    try:
        NamedNode(url)
    except ValueError:
        return False
    return True


def _dangling(record_id: str, field_name: str, target: str) -> DataError:
    return DataError(
        [
            Problem(
                "<corpus>",
                0,
                f"{record_id}.{field_name}",
                f"{target!r} names no record of the right kind",
                "load the corpus with schemas.load, which checks every reference",
            )
        ]
    )
