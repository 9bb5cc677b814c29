"""Pydantic models of the records curated in ``data/``.

A claim is never a fact here: concessions, positions and meetings carry no
truth of their own. Each is backed by the :class:`Statement` records whose
``supports`` (or ``denies``) name it, and every statement is anchored in the
stored text of its :class:`Source` by a verbatim quote.

>>> Actor(id="russia", name="Russia", kind="state", aliases=["Moscow"]).aliases
['Moscow']
>>> Actor(id="Russia", name="Russia", kind="state")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Actor
id
  String should match pattern '^[a-z0-9]+(?:-[a-z0-9]+)*$' ...
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from schemas.vocab import (
    ActorKind,
    ConcessionForm,
    ConcessionKind,
    DatePrecision,
    MeetingKind,
    MeetingStatus,
    Modality,
    ParticipantRole,
    Placement,
    PloverEvent,
    SourceKind,
    Stance,
    StatementMode,
    TopicKind,
    VenueKind,
)

__all__ = [
    "QID",
    "SLUG_PATTERN",
    "Actor",
    "Affiliation",
    "Concession",
    "Evidence",
    "Identified",
    "Meeting",
    "Original",
    "Participant",
    "Position",
    "Record",
    "Slug",
    "Source",
    "Statement",
    "Topic",
    "Venue",
]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=100),
    Field(description="A lowercase slug: a-z, 0-9 and single hyphens; safe inside an IRI."),
]
QID = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]{0,11}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]


class Record(BaseModel):
    """Base of every record: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, defer_build=True)


class Identified(Record):
    """A top-level record: it has an id, unique across every record in the data."""

    id: Slug = Field(description="Unique id across all records.")


class Affiliation(Record):
    """An actor belongs to, or speaks for, another actor in a role."""

    of: Slug = Field(description="Id of the actor this one belongs to or speaks for.")
    role: Label = Field(description="Role title as the source gives it, e.g. 'special envoy'.")
    start: dt.date | None = Field(None, description="First day in the role, where known.")
    end: dt.date | None = Field(None, description="Last day in the role, where known.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        return self

    def holds_on(self, day: dt.date) -> bool:
        """True when the affiliation is in force on ``day`` (open ends count as in force)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Actor(Identified):
    """A person, state, organisation, alliance, informal group or media outlet."""

    id: Slug = Field(description="Unique id across all records, e.g. 'russia'.")
    name: Label = Field(description="Preferred name, e.g. 'Volodymyr Zelenskyy'.")
    kind: ActorKind = Field(description="What sort of actor this is.")
    aliases: list[Label] = Field(
        default_factory=list,
        description="Every other surface form a source uses: spellings, titles, metonyms.",
    )
    wikidata: QID | None = Field(
        None, description="Checked Wikidata QID such as 'Q159'; never guess."
    )
    affiliations: list[Affiliation] = Field(
        default_factory=list, description="Actors this one belongs to or speaks for."
    )
    member_count: int | None = Field(
        None,
        ge=2,
        le=10_000,
        description="How many members a group has when the source counts them but does not "
        "name them ('26 nations, which he did not name'); for groups only.",
    )
    note: str | None = Field(None, description="Curator's note: hedges, ambiguities.")


class Original(Record):
    """The report a restatement was written from, as its banner names it."""

    publisher: Label = Field(description="Publisher of the original, as named: 'Newser'.")
    title: Label = Field(description="Title of the original, as named.")
    published: dt.date = Field(description="Publication date of the original.")
    kind: SourceKind = Field(
        SourceKind.NEWS_ARTICLE, description="What kind of document the original is."
    )
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        None, description="Where the original was published, where known."
    )
    note: str | None = Field(None, description="Curator's note ('title from the URL slug').")


class Source(Identified):
    """A document whose stored plain text anchors the statements it reports."""

    id: Slug = Field(description="Unique id, e.g. 'src-000-15c4d2cb88880b08'.")
    title: Label = Field(description="Headline or title.")
    publisher: Label | None = Field(None, description="Publisher or outlet, where known.")
    published: dt.date = Field(description="Publication date; relative dates resolve against it.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        None, description="Where it was published, where known."
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = (
        Field("en", description="BCP 47 language tag of the text.")
    )
    kind: SourceKind = Field(SourceKind.NEWS_ARTICLE, description="What kind of document it is.")
    text: Annotated[str, StringConstraints(min_length=1, max_length=255)] = Field(
        description="Path of the stored plain text (UTF-8), relative to data/sources/."
    )
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        None,
        description="SHA-256 of the text at curation; the loader checks it and fills it if absent.",
    )
    furniture: list[Text] = Field(
        default_factory=list,
        description="Verbatim passages that are not body text (link titles, datelines); "
        "no statement may be anchored in them.",
    )
    restates: Original | None = Field(
        None,
        description="For kind restatement: the original report the text was written from.",
    )
    truncated: bool = Field(
        False,
        description="True when the stored text ends mid-sentence, as the saved original did; "
        "the ending is recorded, never completed.",
    )
    note: str | None = Field(None, description="Curator's note.")


class Venue(Record):
    """Where or through what a statement was made."""

    label: Label = Field(description="As the source names it: 'CNN', 'Fox News Sunday'.")
    kind: VenueKind = Field(description="Interview, press appearance, social media, ...")
    outlet: Slug | None = Field(None, description="Id of the media-outlet actor, if any.")
    meeting: Slug | None = Field(None, description="Id of the meeting it was said at, if any.")


class Evidence(Record):
    """Where a statement's text stands in its source (computed by the loader)."""

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset one past the last character.")
    exact: str = Field(description="The text exactly as stored between start and end.")
    prefix: str = Field(description="Up to 32 characters before the quote.")
    suffix: str = Field(description="Up to 32 characters after the quote.")


class Statement(Identified):
    """An attributed utterance: the unit of provenance."""

    id: Slug = Field(description="Unique id across all records.")
    source: Slug = Field(description="Id of the source that reports it; the loader fills it in.")
    speaker: Slug = Field(
        description="Id of the actor who said it; for narration, the source's own id."
    )
    mode: StatementMode = Field(description="Direct quote, paraphrase or the source's narration.")
    venue: Venue = Field(description="Outlet or occasion where it was said.")
    date: dt.date = Field(
        description="Absolute date it was said, resolved against the source date."
    )
    date_precision: DatePrecision = Field(DatePrecision.DAY, description="How exactly it is known.")
    date_note: str | None = Field(None, description="How the date was resolved ('on Friday').")
    text: Text = Field(description="The verbatim text as it stands in the source.")
    reported_by: Slug | None = Field(
        None, description="Id of the statement that carries this one (nested speech)."
    )
    via: list[Slug] = Field(
        default_factory=list,
        description="Media outlets the statement was relayed through before it reached this "
        "source, nearest the speaker first ('US officials told the Journal', in a digest: "
        "[wall-street-journal]). Relays are not claimants.",
    )
    revises: Slug | None = Field(
        None,
        description="Id of an earlier statement of the same source that this one qualifies "
        "or corrects ('Later he qualified that account').",
    )
    supports: list[Slug] = Field(
        default_factory=list,
        description="Ids of the concessions, commitments, positions, meetings, proposals, "
        "provisions or responses it asserts.",
    )
    denies: list[Slug] = Field(
        default_factory=list, description="Ids of the records (as for supports) it denies."
    )
    evidence: Evidence | None = Field(
        None, description="Computed by the loader from the source text; leave out when curating."
    )
    note: str | None = Field(None, description="Hedges and ambiguities worth keeping.")

    @model_validator(mode="after")
    def _not_both(self) -> Self:
        both = sorted(set(self.supports) & set(self.denies))
        if both:
            raise ValueError(f"{', '.join(both)} both supported and denied")
        return self


class Topic(Identified):
    """An item on the negotiating table."""

    id: Slug = Field(description="Unique id across all records.")
    label: Label = Field(description="Short name, e.g. 'Article 5-like US security guarantee'.")
    kind: TopicKind = Field(description="What sort of item it is.")
    description: str | None = Field(None, description="What the item means, in a sentence or two.")
    broader: Slug | None = Field(None, description="Id of a broader topic, if any.")
    also_broader: list[Slug] = Field(
        default_factory=list,
        description="Ids of further broader topics, when the topic sits under more than one.",
    )

    def all_broader(self) -> list[str]:
        """``broader`` then ``also_broader``: every broader topic, in curated order."""
        return [*([self.broader] if self.broader else []), *self.also_broader]


class Participant(Record):
    """An actor's part in a meeting."""

    actor: Slug = Field(description="Id of the participating actor.")
    role: ParticipantRole = Field(description="Principal, delegation member, present, invited.")


class Meeting(Identified):
    """A meeting held, planned, proposed or cancelled."""

    id: Slug = Field(description="Unique id across all records.")
    title: Label = Field(description="Short title, e.g. 'Trump-Putin Alaska summit'.")
    start: dt.date | None = Field(None, description="First day, resolved to an absolute date.")
    end: dt.date | None = Field(None, description="Last day; leave out for one-day meetings.")
    location: Label | None = Field(None, description="Place as the source names it.")
    status: MeetingStatus = Field(description="Held, planned, proposed or cancelled.")
    kind: MeetingKind | None = Field(
        None, description="Summit, talks, call or press conference, where the source says."
    )
    participants: list[Participant] = Field(
        min_length=1, description="Who takes part, each with a role."
    )
    note: str | None = Field(None, description="Curator's note.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        if self.end and not self.start:
            raise ValueError("end given without start")
        return self


class Concession(Identified):
    """A claimed concession: who gives what to whom, as its statements claim."""

    id: Slug = Field(description="Unique id across all records.")
    conceder: Slug = Field(description="Id of the actor said to concede.")
    conceded_to: list[Slug] = Field(
        min_length=1, description="Ids of the counterpart(s) the concession is made to."
    )
    beneficiaries: list[Slug] = Field(
        default_factory=list, description="Ids of the actors who gain from it."
    )
    topic: Slug = Field(description="Id of the main topic it concerns.")
    also_topics: list[Slug] = Field(
        default_factory=list, description="Ids of further topics it concerns, if any."
    )
    kind: ConcessionKind = Field(description="What is given up or granted.")
    summary: Label = Field(description="One sentence in neutral words.")
    conditions: list[Label] = Field(
        default_factory=list, description="Conditions as the source states them."
    )
    form: ConcessionForm = Field(ConcessionForm.UNSPECIFIED, description="Verbal, legislation, ...")
    modality: Modality = Field(
        description="Made, offered, hypothetical, demanded, proposed or expected."
    )
    demanded_by: list[Slug] = Field(
        default_factory=list,
        description="Ids of the actors said to demand it of the conceder; "
        "required with modality demanded.",
    )
    proposed_in: Slug | None = Field(
        None,
        description="Id of the proposal one of whose provisions it is; required with "
        "modality proposed, allowed with any (a demand or an offer a proposal carries).",
    )
    made_at: Slug | None = Field(None, description="Id of the meeting where it was made, if known.")
    made_on: dt.date | None = Field(None, description="Date it was made, if known.")
    placement: Placement | None = Field(
        None,
        description="Whether a statement places it at made_at / on made_on (stated) or the "
        "curator inferred them (inferred); required with made_at or made_on, only with them.",
    )
    plover: PloverEvent | None = Field(None, description="PLOVER event type, where one fits.")
    note: str | None = Field(None, description="Curator's note.")

    def all_topics(self) -> list[str]:
        """``topic`` then ``also_topics``: every topic, in curated order."""
        return [self.topic, *self.also_topics]


class Position(Identified):
    """An actor's stance on a topic, as its statements carry it."""

    id: Slug = Field(description="Unique id across all records.")
    actor: Slug = Field(description="Id of the actor holding the position.")
    topic: Slug = Field(description="Id of the topic.")
    stance: Stance = Field(description="Supports, opposes, accepts, ...")
    summary: Label = Field(description="One sentence in neutral words.")
    valid_from: dt.date | None = Field(None, description="First date it is known to hold.")
    valid_until: dt.date | None = Field(None, description="Last date it is known to hold.")
    note: str | None = Field(None, description="Curator's note.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError("valid_until is before valid_from")
        return self
