"""detente's vocabularies as rdflib namespaces (:mod:`graph.namespaces` re-exports them).

They live apart so that code that needs only IRIs as strings (the compiler,
``detente build``) does not load rdflib: :mod:`graph.namespaces` imports this
module on the first use of ``DET``, ``DETV``, ``OA`` or ``CITO``.

>>> DET.supports
rdflib.term.URIRef('https://w3id.org/detente/ns#supports')
>>> str(DETV) == PREFIXES["detv"]
True
"""

from __future__ import annotations

# RDF term names are camelCase by convention
# ruff: noqa: N815
from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from graph.namespaces import PREFIXES

__all__ = ["CITO", "DET", "DETV", "OA"]

DETV = Namespace(PREFIXES["detv"])
"""The SKOS concepts of the controlled vocabularies: ``detv:stance-opposes``."""


class DET(DefinedNamespace):
    """detente's classes and properties (``schemas/ontology.ttl`` declares each one)."""

    _NS = Namespace(PREFIXES["det"])
    _fail = True

    # classes
    Actor: URIRef  # anyone who speaks, concedes or meets (prov:Agent)
    State: URIRef  # a sovereign state as an actor
    Alliance: URIRef  # a treaty-based alliance of states
    InformalGroup: URIRef  # actors a source names together
    Source: URIRef  # a document whose text anchors statements
    Statement: URIRef  # an attributed utterance, the unit of provenance
    Topic: URIRef  # an item on the negotiating table (skos:Concept)
    Claimable: URIRef  # something statements support or deny
    Meeting: URIRef  # a meeting held, planned, proposed or cancelled (schema:Event)
    Participation: URIRef  # an actor's part in a meeting (schema:Role)
    Concession: URIRef  # a claimed concession
    Position: URIRef  # an actor's claimed stance on a topic

    # concept-valued properties (values are detv: SKOS concepts)
    actorKind: URIRef
    sourceKind: URIRef
    topicKind: URIRef
    statementMode: URIRef
    datePrecision: URIRef
    venueKind: URIRef
    concessionKind: URIRef
    concessionForm: URIRef
    modality: URIRef
    stance: URIRef
    participantRole: URIRef
    ploverEvent: URIRef

    # sources
    textFile: URIRef  # path of the stored plain text
    sha256: URIRef  # SHA-256 of the stored text
    furniture: URIRef  # a passage that is not body text

    # statements
    venueLabel: URIRef  # where it was said, as the source names it
    outlet: URIRef  # the media-outlet actor it was said to
    atMeeting: URIRef  # the meeting it was said at
    dateNote: URIRef  # how the date was resolved
    reportedBy: URIRef  # the statement that carries this one
    supports: URIRef  # a concession, position or meeting it asserts
    denies: URIRef  # a concession, position or meeting it denies
    evidence: URIRef  # the passage of the source it stands on

    # concessions and positions
    conceder: URIRef
    concededTo: URIRef
    beneficiary: URIRef
    condition: URIRef
    madeAt: URIRef
    madeOn: URIRef
    heldBy: URIRef

    # meetings
    participation: URIRef
    participant: URIRef

    # list order (present only when a list's order is not its sorted order)
    aliasList: URIRef
    furnitureList: URIRef
    supportsList: URIRef
    deniesList: URIRef
    concededToList: URIRef
    beneficiaryList: URIRef
    conditionList: URIRef


class OA(DefinedNamespace):
    """The Web Annotation terms detente uses (rdflib ships no OA namespace)."""

    _NS = Namespace(PREFIXES["oa"])
    _fail = True

    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef


class CITO(DefinedNamespace):
    """The Citation Typing Ontology terms ``det:supports`` and ``det:denies`` refine."""

    _NS = Namespace(PREFIXES["cito"])
    _fail = True

    cites: URIRef
    supports: URIRef
    disputes: URIRef
