"""detente's vocabulary as strings: prefixes, the data base, and every term it writes.

One term list per namespace (:data:`DET_TERMS`, ...) is the single statement of
the vocabulary: :class:`Terms` turns it into a *closed* namespace of IRI strings
for the compiler and the query layer (no rdflib needed), and
:mod:`graph.rdf.namespaces` builds rdflib's closed ``DefinedNamespace`` classes
from the same lists. A typo is an ``AttributeError``, never a silent new IRI;
``schemas/ontology.ttl`` declares every ``det:`` term (a test holds them equal).

* ``det:`` (``https://w3id.org/detente/ns#``): classes and properties;
* ``detv:`` (``https://w3id.org/detente/vocab/``): the SKOS concepts of the
  controlled vocabularies (see :mod:`graph.rdf.skos`);
* records get IRIs under a configurable *data base* (default
  ``https://w3id.org/detente/id/``), minted by :mod:`graph.rdf.iris` alone.

>>> DET.supports
'https://w3id.org/detente/ns#supports'
>>> DET.nt.supports
'<https://w3id.org/detente/ns#supports>'
>>> DET.suports
Traceback (most recent call last):
...
AttributeError: term 'suports' not in namespace 'https://w3id.org/detente/ns#'
"""

from __future__ import annotations

# RDF term names are camelCase by convention
import re
from collections.abc import Iterable, Iterator
from typing import Any

from schemas.errors import UsageError

__all__ = [
    "CITO",
    "CITO_TERMS",
    "DCT",
    "DEFAULT_BASE",
    "DET",
    "DETV",
    "DET_TERMS",
    "KINDS",
    "OA",
    "OA_TERMS",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "SDO",
    "SKOS",
    "Terms",
    "check_base",
    "prefixes",
]

_KIND_ORDER = (
    "actor",
    "topic",
    "meeting",
    "concession",
    "position",
    "source",
    "statement",
    "graph",
    "proposal",
    "provision",
    "commitment",
    "response",
)

DEFAULT_BASE = "https://w3id.org/detente/id/"
"""Where record IRIs live unless a build says otherwise."""

KINDS = frozenset(_KIND_ORDER)
"""Kinds of record (plus ``graph``) that may head a data IRI."""

_BASE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+[/#]$")


# prefix -> namespace, in the order every serialization declares them
PREFIXES: dict[str, str] = {
    "det": "https://w3id.org/detente/ns#",
    "detv": "https://w3id.org/detente/vocab/",
    "cito": "http://purl.org/spar/cito/",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "wd": "http://www.wikidata.org/entity/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


DET_TERMS: tuple[str, ...] = (
    # classes
    "Actor",  # anyone who speaks, concedes or meets (prov:Agent)
    "State",  # a sovereign state as an actor
    "Alliance",  # a treaty-based alliance of states
    "InformalGroup",  # actors a source names together
    "Source",  # a document whose text anchors statements
    "Statement",  # an attributed utterance, the unit of provenance
    "Topic",  # an item on the negotiating table (skos:Concept)
    "Claimable",  # something statements support or deny
    "Meeting",  # a meeting held, planned, proposed or cancelled (schema:Event)
    "Participation",  # an actor's part in a meeting (schema:Role)
    "Concession",  # a claimed concession
    "Position",  # an actor's claimed stance on a topic
    "Undertaking",  # a concession or a commitment
    "Commitment",  # a claimed pledge among partners
    "Proposal",  # a claimed plan, package or joint document
    "Provision",  # one point of a proposal
    "Response",  # a claimed answer to an offer, demand or proposal
    "DerivedGraph",  # a named graph the build derives from the curated ones
    # concept-valued properties (values are detv: SKOS concepts)
    "actorKind",
    "sourceKind",
    "topicKind",
    "statementMode",
    "datePrecision",
    "venueKind",
    "concessionKind",
    "concessionForm",
    "modality",
    "stance",
    "participantRole",
    "ploverEvent",
    "meetingKind",
    "commitmentKind",
    "proposalKind",
    "proposalStatus",
    "responseKind",
    # derived facts (the build's, in <base>graph/derived; never a source's claim)
    "derivedStatus",  # status: corroboration when made, else the modality
    "corroboration",  # confirmed, denied, disputed or claimed, from who asserts it
    "answer",  # the answer model's phrase
    "claimantCount",  # distinct speakers asserting it
    "chainCount",  # independent chains asserting it
    "sourceCount",  # sources asserting it
    "concederSideStatement",  # a statement by the conceder's side about it
    # sources
    "textFile",  # path of the stored plain text
    "sha256",  # SHA-256 of the stored text
    "furniture",  # a passage that is not body text
    "truncated",  # the stored text ends mid-sentence
    # statements
    "venueLabel",  # where it was said, as the source names it
    "outlet",  # the media-outlet actor it was said to
    "atMeeting",  # the meeting it was said at
    "dateNote",  # how the date was resolved
    "reportedBy",  # the statement that carries this one
    "supports",  # a concession, position or meeting it asserts
    "denies",  # a concession, position or meeting it denies
    "evidence",  # the passage of the source it stands on
    "via",  # an outlet that relayed it before its source
    "revises",  # an earlier statement of the same source it qualifies
    # concessions and positions
    "conceder",
    "concededTo",
    "beneficiary",
    "condition",
    "madeAt",
    "madeOn",
    "placement",  # whether a statement places madeAt/madeOn or the curator inferred them
    "heldBy",
    "furtherTopic",
    "demandedBy",
    "proposedIn",
    # topics and actors
    "furtherBroader",
    "memberCount",
    # commitments
    "committer",
    "committedTo",
    # proposals and provisions
    "proposer",
    "drafter",
    "provisionCount",
    "responseDeadline",
    "responseFrom",
    "deadlineNote",
    "provision",
    "number",
    "asksOf",
    "givesTo",
    "pointsTo",
    # responses
    "responder",
    "respondsTo",
    # meetings
    "participation",
    "participant",
    # list order (present only when a list's order is not its sorted order)
    "aliasList",
    "furnitureList",
    "supportsList",
    "deniesList",
    "concededToList",
    "beneficiaryList",
    "conditionList",
    "viaList",
    "furtherTopicList",
    "furtherBroaderList",
    "demandedByList",
    "committedToList",
    "proposerList",
    "drafterList",
    "responseFromList",
    "asksOfList",
    "givesToList",
)
"""detente's classes and properties, each declared in ``schemas/ontology.ttl``."""

OA_TERMS: tuple[str, ...] = (
    *("SpecificResource", "TextQuoteSelector", "TextPositionSelector"),
    *("hasSource", "hasSelector", "exact", "prefix", "suffix", "start", "end"),
)
"""The Web Annotation terms detente uses (rdflib ships no OA namespace)."""

CITO_TERMS: tuple[str, ...] = ("cites", "supports", "disputes")
"""The Citation Typing Ontology terms ``det:supports`` and ``det:denies`` refine."""


class Terms:
    """A closed namespace of IRI strings: ``T.name`` is ``namespace + name`` for listed names.

    ``T.nt`` is the same namespace with each IRI as an N-Triples term (``<...>``).
    Values are computed once per name; an unlisted name raises AttributeError.

    >>> t = Terms("http://example.org/", ["a"])
    >>> t.a, t.nt.a, "a" in t, list(t)
    ('http://example.org/a', '<http://example.org/a>', True, ['a'])
    """

    def __init__(self, namespace: str, names: Iterable[str], *, wrap: bool = False) -> None:
        self._namespace = namespace
        self._names = tuple(names)
        self._known = frozenset(self._names)
        self._wrap = wrap

    @property
    def nt(self) -> Terms:
        """The same terms as N-Triples IRI terms, ``<namespace+name>``."""
        return Terms(self._namespace, self._names, wrap=True)

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or name not in self._known:
            raise AttributeError(f"term {name!r} not in namespace {self._namespace!r}")
        iri = f"<{self._namespace}{name}>" if self._wrap else f"{self._namespace}{name}"
        self.__dict__[name] = iri  # later lookups skip __getattr__
        return iri

    def __contains__(self, name: object) -> bool:
        return name in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __str__(self) -> str:
        return self._namespace

    def __repr__(self) -> str:
        return f"Terms({self._namespace!r}, {len(self._names)} terms)"

    def __reduce__(self) -> Any:
        return (Terms, (self._namespace, self._names), {"_wrap": self._wrap})


DET = Terms(PREFIXES["det"], DET_TERMS)
DETV = PREFIXES["detv"]
"""Concept IRIs are ``DETV + scheme-value`` (open: the vocabularies in :mod:`schemas.vocab`)."""
OA = Terms(PREFIXES["oa"], OA_TERMS)
CITO = Terms(PREFIXES["cito"], CITO_TERMS)
# the other vocabularies' terms detente writes (rdflib has closed classes for these)
SDO = Terms(
    PREFIXES["schema"],
    (
        *("Article", "CreativeWork", "Event", "NewsArticle", "NewsMediaOrganization"),
        *("Person", "SocialMediaPosting", "attendee", "description", "endDate", "eventStatus"),
        *("inLanguage", "location", "name", "position", "publisher", "startDate", "text"),
        *("url", "validFrom", "validThrough", "EventScheduled", "EventCancelled"),
        "EventStatusType",
        "isBasedOn",
    ),
)
PROV = Terms(PREFIXES["prov"], ("wasAttributedTo", "wasDerivedFrom"))
ORG = Terms(
    PREFIXES["org"],
    ("FormalOrganization", "Membership", "Role", "member", "organization", "role"),
)
DCT = Terms(
    PREFIXES["dcterms"],
    ("date", "description", "identifier", "issued", "source", "subject", "title", "replaces"),
)
SKOS = Terms(
    PREFIXES["skos"],
    ("Concept", "ConceptScheme", "altLabel", "broader", "definition", "editorialNote",
     "inScheme", "notation", "prefLabel", "hasTopConcept", "topConceptOf",
     "closeMatch", "exactMatch"),
)  # fmt: skip
OWL = Terms(PREFIXES["owl"], ("sameAs",))


def check_base(base: str) -> str:
    """``base`` if it can head data IRIs (absolute http(s), ends in / or #); else UsageError.

    >>> check_base("http://example.org/data/")
    'http://example.org/data/'
    >>> check_base("example.org")
    Traceback (most recent call last):
    ...
    schemas.errors.UsageError: base IRI 'example.org' ... ends in '/' or '#'
    """
    if not _BASE.match(base):
        raise UsageError(
            f"base IRI {base!r} is not usable: give an absolute http(s) IRI without spaces "
            "or <>\"{}|\\^` that ends in '/' or '#'"
        )
    return base


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Every prefix a serialization declares: one per kind of record under the data base.

    >>> list(prefixes())[:3], prefixes()["actor"]
    (['actor', 'topic', 'meeting'], 'https://w3id.org/detente/id/actor/')
    """
    check_base(base)
    return {**{kind: f"{base}{kind}/" for kind in _KIND_ORDER}, **PREFIXES}
