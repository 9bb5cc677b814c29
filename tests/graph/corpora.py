"""Hypothesis strategies: small, consistent corpora with hostile strings in every text field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from schemas.corpus import Corpus
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
from schemas.vocab import (
    ActorKind,
    ConcessionForm,
    ConcessionKind,
    DatePrecision,
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

HOSTILE = [
    '"',
    '"""',
    "'''",
    "\\",
    "\\n",
    "a\nb",
    "a\r\nb",
    "\t",
    "<http://x>",
    "<>",
    "Zelenskyy – “quoted” ‘single’ …",
    "Путин",
    "日本語",
    "🙂",
    "\u0000\u0001\u007f",
    "@prefix x: <y> .",
    '"@en',
    "^^xsd:date",
    " lead and trail ",
]
text = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=30))
label = text.filter(lambda s: s.strip() != "")
opt_text = st.none() | text
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def corpora(draw: Any) -> Corpus:
    n_actors = draw(st.integers(2, 3))
    aids = [f"a{i}" for i in range(n_actors)]
    actors = {}
    for aid in aids:
        affs = draw(
            st.lists(
                st.builds(
                    Affiliation,
                    of=st.sampled_from(aids),
                    role=label,
                    start=st.none() | st.just(dt.date(2020, 1, 1)),
                    end=st.none() | st.just(dt.date(2024, 1, 1)),
                ),
                max_size=2,
            )
        )
        actors[aid] = Actor(
            id=aid,
            name=draw(label),
            kind=draw(st.sampled_from(ActorKind)),
            aliases=draw(st.lists(label, max_size=3)),
            wikidata=draw(st.none() | st.just("Q159")),
            affiliations=affs,
            note=draw(opt_text),
        )
    topic = Topic(
        id="t0",
        label=draw(label),
        kind=draw(st.sampled_from(TopicKind)),
        description=draw(opt_text),
    )
    topics = {"t0": topic, "t1": Topic(id="t1", label="x", kind="summit", broader="t0")}
    meeting = Meeting(
        id="m0",
        title=draw(label),
        start=draw(st.none() | dates),
        location=draw(st.none() | label),
        status=draw(st.sampled_from(MeetingStatus)),
        participants=draw(
            st.lists(
                st.builds(
                    Participant,
                    actor=st.sampled_from(aids),
                    role=st.sampled_from(ParticipantRole),
                ),
                min_size=1,
                max_size=3,
            )
        ),
        note=draw(opt_text),
    )
    made_at, made_on = draw(st.none() | st.just("m0")), draw(st.none() | dates)
    placed = draw(st.sampled_from(Placement)) if made_at or made_on else None
    concession = Concession(
        id="c0",
        conceder=aids[0],
        conceded_to=draw(st.lists(st.sampled_from(aids), min_size=1, max_size=3)),
        beneficiaries=draw(st.lists(st.sampled_from(aids), max_size=3)),
        topic="t0",
        kind=draw(st.sampled_from(ConcessionKind)),
        summary=draw(label),
        conditions=draw(st.lists(label, max_size=3)),
        form=draw(st.sampled_from(ConcessionForm)),
        modality=draw(st.sampled_from(Modality)),
        made_at=made_at,
        made_on=made_on,
        placement=placed,
        plover=draw(st.none() | st.sampled_from(PloverEvent)),
        note=draw(opt_text),
    )
    position = Position(
        id="p0",
        actor=aids[1],
        topic="t1",
        stance=draw(st.sampled_from(Stance)),
        summary=draw(label),
        valid_from=draw(st.none() | st.just(dt.date(2020, 1, 1))),
        valid_until=draw(st.none() | st.just(dt.date(2021, 1, 1))),
        note=draw(opt_text),
    )
    source = Source(
        id="s0",
        title=draw(label),
        publisher=draw(st.none() | label),
        published=draw(dates),
        url=draw(st.none() | st.sampled_from(["http://x.org/a?b=1#c", 'https://x.org/"<bad>%zz'])),
        language=draw(st.sampled_from(["en", "ru", "uk-UA"])),
        kind=draw(st.sampled_from(SourceKind)),
        text=draw(st.sampled_from(["a.txt", "dir/b c.txt"])),
        sha256=draw(st.none() | st.just("0" * 64)),
        furniture=draw(st.lists(text, max_size=3)),
        note=draw(opt_text),
    )
    claimables = ["c0", "p0", "m0"]
    statements = {}
    for i in range(draw(st.integers(1, 3))):
        supports = draw(st.lists(st.sampled_from(claimables), max_size=3, unique=True))
        denies = [
            c for c in draw(st.lists(st.sampled_from(claimables), max_size=2)) if c not in supports
        ]
        narration = draw(st.booleans())
        statements[f"st{i}"] = Statement(
            id=f"st{i}",
            source="s0",
            speaker="s0" if narration else draw(st.sampled_from(aids)),
            mode=StatementMode.NARRATION if narration else draw(st.sampled_from(StatementMode)),
            venue=Venue(
                label=draw(label),
                kind=draw(st.sampled_from(VenueKind)),
                outlet=draw(st.none() | st.sampled_from(aids)),
                meeting=draw(st.none() | st.just("m0")),
            ),
            date=draw(dates),
            date_precision=draw(st.sampled_from(DatePrecision)),
            date_note=draw(opt_text),
            text=draw(text),
            reported_by=None if i == 0 else draw(st.none() | st.just("st0")),
            supports=supports,
            denies=denies,
            evidence=draw(
                st.none()
                | st.builds(
                    Evidence,
                    start=st.integers(0, 10**6),
                    end=st.integers(0, 10**6),
                    exact=text,
                    prefix=st.just("") | text,
                    suffix=st.just("") | text,
                )
            ),
            note=draw(opt_text),
        )
    return Corpus(
        actors=actors,
        topics=topics,
        meetings={"m0": meeting},
        concessions={"c0": concession},
        positions={"p0": position},
        sources={"s0": source},
        statements=statements,
    )
