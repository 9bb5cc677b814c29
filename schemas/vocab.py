"""Controlled vocabularies: every enum member carries its definition.

The enums are the single source of the SKOS concept schemes that ``graph``
publishes, so a member added here appears in the RDF without further edits.

>>> Stance.NOT_RULED_OUT.value
'not_ruled_out'
>>> Stance.NOT_RULED_OUT.definition
'The actor is reported not to have excluded the option; weaker than considers.'
>>> PloverEvent.CONCEDE.notation
'08'
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

__all__ = [
    "VOCABULARIES",
    "ActorKind",
    "CommitmentKind",
    "ConcessionForm",
    "ConcessionKind",
    "Corroboration",
    "DatePrecision",
    "MeetingKind",
    "MeetingStatus",
    "Modality",
    "ParticipantRole",
    "Placement",
    "PloverEvent",
    "ProposalKind",
    "ProposalStatus",
    "ResponseKind",
    "SourceKind",
    "Stance",
    "StatementMode",
    "TopicKind",
    "VenueKind",
    "Vocabulary",
]


class Vocabulary(StrEnum):
    """A controlled list whose members carry a definition (and maybe a notation)."""

    definition: str
    notation: str | None

    def __new__(cls, value: str, definition: str, notation: str | None = None) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.definition = definition
        member.notation = notation
        return member


class ActorKind(Vocabulary):
    """What sort of actor speaks, concedes or meets."""

    PERSON = "person", "A natural person, named or described."
    STATE = "state", "A sovereign state, also named by its capital or government (metonymy)."
    ORGANIZATION = "organization", "A formal organisation: a party, a government body, a company."
    ALLIANCE = "alliance", "A treaty-based alliance of states, such as NATO."
    INFORMAL_GROUP = "informal_group", "An unincorporated set of actors the source names together."
    MEDIA_OUTLET = "media_outlet", "A news organisation or broadcaster, as speaker or venue."


class SourceKind(Vocabulary):
    """What kind of document a source is."""

    NEWS_ARTICLE = "news_article", "A published news report."
    TRANSCRIPT = "transcript", "A verbatim record of an interview, briefing or speech."
    OFFICIAL_STATEMENT = "official_statement", "A text issued by a government or organisation."
    SOCIAL_MEDIA_POST = "social_media_post", "A post on a social network."
    ILLUSTRATIVE = "illustrative", "An invented example for tutorials and tests; not evidence."
    RESTATEMENT = (
        "restatement",
        "A text written in other words from a named original report (see restates); it "
        "keeps the original's quotes of named speakers and counts as evidence of what the "
        "original reported.",
    )


class StatementMode(Vocabulary):
    """How the source carries what was said."""

    DIRECT_QUOTE = "direct_quote", "The speaker's own words inside quotation marks."
    PARAPHRASE = "paraphrase", "The source reports the speaker's words in its own wording."
    NARRATION = "narration", "The source's own voice; the statement is attributed to the source."


class DatePrecision(Vocabulary):
    """How exactly a date is known."""

    DAY = "day", "The date is known to the day."
    MONTH = "month", "Only the month is known; the day given is the first of the month."
    YEAR = "year", "Only the year is known; the date given is 1 January."
    NOT_AFTER = "not_after", "The source gives no date; it was said on or before the date given."


class VenueKind(Vocabulary):
    """The occasion or medium through which a statement was made."""

    INTERVIEW = "interview", "An interview given to a named outlet or programme."
    PRESS_APPEARANCE = "press_appearance", "A press conference or joint appearance."
    SOCIAL_MEDIA = "social_media", "A post on social media."
    ARTICLE = "article", "The source text itself (the reporter's voice)."
    REPORT = (
        "report",
        "Another outlet's report, which the source cites ('the Wall Street Journal reports').",
    )
    BROADCAST = "broadcast", "A radio or television programme, on air (a transcript's turns)."
    PRIVATE_COMMUNICATION = (
        "private_communication",
        "Said to a party in private ('has told Ukraine'), known only through others' reports.",
    )
    UNSPECIFIED = "unspecified", "The source does not say where it was said."


class TopicKind(Vocabulary):
    """What sort of item a topic on the negotiating table is."""

    SECURITY_GUARANTEE = "security_guarantee", "A commitment to defend or secure a state."
    ALLIANCE_MEMBERSHIP = "alliance_membership", "Accession of a state to an alliance."
    FOREIGN_MILITARY_PRESENCE = (
        "foreign_military_presence",
        "Troops or bases of other states on a party's territory.",
    )
    TERRITORY = "territory", "Control of, claims to or pledges about land and borders."
    SUMMIT = "summit", "A proposed or planned meeting between leaders."
    CEASEFIRE = "ceasefire", "A halt to hostilities and its terms."
    SANCTIONS = "sanctions", "Economic or political sanctions and their relief."
    PEACE_PLAN = "peace_plan", "A plan to end a war: its drafting, its terms and its acceptance."
    FORCE_LIMITS = (
        "force_limits",
        "Caps on, or levels of, a party's armed forces: troops, weapons, readiness.",
    )
    ACCESSION = (
        "accession",
        "A state joining a union or organisation other than a military alliance (the EU).",
    )
    ELECTIONS = "elections", "When and how elections are held in a party to the conflict."
    RECONSTRUCTION = "reconstruction", "Rebuilding after the war, and who pays for it."
    NEGOTIATIONS = "negotiations", "The talks themselves: their format, continuation or end."


class ConcessionKind(Vocabulary):
    """What a concession gives up or grants."""

    THIRD_PARTY_SECURITY_GUARANTEE = (
        "acceptance_of_third_party_security_guarantee",
        "The conceder accepts that a third party may guarantee its opponent's security.",
    )
    SECURITY_COMMITMENT = (
        "security_commitment",
        "The conceder commits its own means to another party's security.",
    )
    TERRITORIAL_PLEDGE = (
        "territorial_pledge",
        "The conceder pledges not to take, or to give up, territory.",
    )
    WITHDRAWAL = "withdrawal", "The conceder withdraws forces or presence."
    RECOGNITION = "recognition", "The conceder recognises a status it contested."
    PARTICIPATION = "participation", "The conceder agrees to take part in talks or a meeting."
    FORCE_LIMITATION = (
        "force_limitation",
        "The conceder accepts caps on its own armed forces: troops, weapons, deployments.",
    )
    RENUNCIATION = (
        "renunciation",
        "The conceder gives up an aim or a claim it held, such as joining an alliance.",
    )
    DROPPED_DEMAND = (
        "dropped_demand",
        "The conceder withdraws a demand it had made of the other party.",
    )


class ConcessionForm(Vocabulary):
    """The form a concession takes or is to take."""

    VERBAL = "verbal", "Said in talks, without a written instrument."
    LEGISLATION = "legislation", "To be enshrined in the conceder's law."
    WRITTEN_AGREEMENT = "written_agreement", "To be set down in a signed agreement or treaty."
    UNSPECIFIED = "unspecified", "The source does not say."


class Modality(Vocabulary):
    """Where a concession or commitment stands in its lifecycle, according to its claims.

    From asked for to given: ``demanded`` (with ``demanded_by``), ``proposed``
    (a provision of a proposal, with ``proposed_in``), ``hypothetical``,
    ``offered``, ``expected``, ``made``.
    """

    MADE = "made", "Reported as already given or agreed."
    OFFERED = "offered", "Put on the table by the conceder but not yet accepted."
    HYPOTHETICAL = "hypothetical", "Discussed as a possibility ('if he were to')."
    DEMANDED = (
        "demanded",
        "Asked of the conceder by another party (demanded_by); the conceder has not given it.",
    )
    PROPOSED = (
        "proposed",
        "Written into a proposal as one of its provisions (proposed_in); not agreed.",
    )
    EXPECTED = (
        "expected",
        "Reported as about to be given or finalised ('in the coming days'); not yet made.",
    )


class Corroboration(Vocabulary):
    """How a claimed concession is corroborated, from the conceder's point of view.

    Derived from who asserts or denies it (:mod:`graph.ask.status`), never typed in;
    the members go strongest first.
    """

    CONFIRMED = (
        "confirmed",
        "The latest word of the conceder's side (the conceder, or an actor speaking for it "
        "on that date) asserts it.",
    )
    DENIED = (
        "denied",
        "The latest word of the conceder's side denies it (on the same day a denial "
        "outranks an assertion).",
    )
    DISPUTED = (
        "disputed",
        "The conceder's side says nothing of it, and another party denies it.",
    )
    CLAIMED = (
        "claimed",
        "Only others assert it: the conceder's side says nothing of it and nobody denies it.",
    )


class Placement(Vocabulary):
    """Who places a concession or commitment at its meeting or on its date (made_at, made_on)."""

    STATED = (
        "stated",
        "A statement of the source itself places it at that meeting or on that date.",
    )
    INFERRED = (
        "inferred",
        "The curator inferred the meeting or date (from a heading, a lead, the framing); "
        "no statement places it there.",
    )


class CommitmentKind(Vocabulary):
    """What a commitment among partners promises."""

    SECURITY_GUARANTEE = (
        "security_guarantee",
        "A promise to guarantee, or contribute to guaranteeing, a partner's security.",
    )
    FORCE_DEPLOYMENT = (
        "force_deployment",
        "A promise to send forces onto, over or near a partner's territory.",
    )
    TRAINING_AND_EQUIPMENT = (
        "training_and_equipment",
        "A promise to train and equip a partner's forces without deploying there.",
    )
    SUPPORT = "support", "Other political, economic or military support promised to a partner."


class ProposalKind(Vocabulary):
    """What sort of document or package a proposal is."""

    PLAN = "plan", "A plan to settle the conflict as a whole, usually in numbered points."
    FRAMEWORK = "framework", "An outline of principles to be filled in by later agreements."
    PACKAGE = "package", "A set of measures one party offers together ('a package of guarantees')."
    JOINT_DOCUMENT = "joint_document", "A text drawn up together by several parties."


class ProposalStatus(Vocabulary):
    """Where a proposal stands, according to its claims."""

    DRAFT = "draft", "Still being written; its contents may change."
    TABLED = "tabled", "Put to the other parties for an answer."
    ACCEPTED = "accepted", "Agreed to by the parties it was put to."
    REJECTED = "rejected", "Turned down by a party it was put to."
    SUPERSEDED = "superseded", "Replaced by a later version (see supersedes)."


class ResponseKind(Vocabulary):
    """How a party answers an offer, demand or proposal."""

    WELCOMES = "welcomes", "Speaks well of it (praise, 'encouraging') without agreeing to it."
    ACCEPTS = "accepts", "Agrees to it."
    REJECTS = "rejects", "Turns it down."


class Stance(Vocabulary):
    """An actor's stance on a topic."""

    SUPPORTS = "supports", "The actor is in favour."
    OPPOSES = "opposes", "The actor is against."
    ACCEPTS = "accepts", "The actor agrees to something another party proposed."
    REJECTS = "rejects", "The actor turns down something another party proposed."
    DEMANDS = "demands", "The actor makes it a condition."
    OFFERS = "offers", "The actor puts it on the table."
    CONSIDERS = "considers", "The actor is weighing it."
    NOT_RULED_OUT = (
        "not_ruled_out",
        "The actor is reported not to have excluded the option; weaker than considers.",
    )
    REQUESTS = "requests", "The actor asks another party for it, without making it a condition."
    WELCOMES = "welcomes", "The actor speaks well of it without committing to it."
    DISAGREES = "disagrees", "The actor says its view differs from another party's."


class MeetingStatus(Vocabulary):
    """Where a meeting stands."""

    HELD = "held", "The meeting took place."
    PLANNED = "planned", "The meeting is scheduled."
    PROPOSED = "proposed", "Someone has called for the meeting; it is not scheduled."
    CANCELLED = "cancelled", "The meeting was called off."


class MeetingKind(Vocabulary):
    """What sort of meeting it is."""

    SUMMIT = "summit", "A meeting of leaders, usually hosted by one of them."
    TALKS = "talks", "Negotiations between delegations, often over several days."
    CALL = "call", "A telephone or video call."
    PRESS_CONFERENCE = "press_conference", "An appearance before the press, alone or jointly."


class ParticipantRole(Vocabulary):
    """The part an actor plays in a meeting."""

    PRINCIPAL = "principal", "A leader the meeting is between."
    DELEGATION_MEMBER = "delegation_member", "A member of a principal's delegation."
    PRESENT = "present", "Present, in a role the source does not specify."
    INVITED = "invited", "Invited or expected to attend a meeting not yet held."
    HOST = "host", "Receives the others and chairs the meeting."
    ABSENT = "absent", "Named by the source as not taking part ('Russia is not part of the talks')."


class PloverEvent(Vocabulary):
    """PLOVER event types; the notation is the CAMEO root code where one maps."""

    AGREE = "AGREE", "Agree to, or sign, an agreement or course of action.", "03"
    CONSULT = "CONSULT", "Meet, visit, negotiate or talk.", "04"
    SUPPORT = "SUPPORT", "Express or give political support.", "05"
    CONCEDE = "CONCEDE", "Yield: give way on a demand, ease restrictions, make a concession.", "08"
    COOPERATE = "COOPERATE", "Cooperate in material terms.", "06"
    AID = "AID", "Give material, economic or military aid.", "07"
    RETREAT = "RETREAT", "Withdraw forces or de-escalate on the ground.", None
    REQUEST = "REQUEST", "Ask for something: aid, a meeting, a concession.", "02"
    ACCUSE = "ACCUSE", "Accuse, criticise or blame.", "11"
    REJECT = "REJECT", "Reject a proposal, demand or request.", "12"
    THREATEN = "THREATEN", "Threaten an action.", "13"
    PROTEST = "PROTEST", "Protest or demonstrate.", "14"
    SANCTION = "SANCTION", "Reduce relations or impose sanctions.", "16"
    MOBILIZE = "MOBILIZE", "Mobilise or increase military readiness.", "15"
    COERCE = "COERCE", "Coerce: seize, arrest, expel, restrict.", "17"
    ASSAULT = "ASSAULT", "Use force against people or property.", "18"


VOCABULARIES: tuple[type[Vocabulary], ...] = (
    ActorKind,
    SourceKind,
    StatementMode,
    DatePrecision,
    VenueKind,
    TopicKind,
    ConcessionKind,
    ConcessionForm,
    Modality,
    Stance,
    MeetingStatus,
    ParticipantRole,
    PloverEvent,
    MeetingKind,
    CommitmentKind,
    ProposalKind,
    ProposalStatus,
    ResponseKind,
    Corroboration,
    Placement,
)
