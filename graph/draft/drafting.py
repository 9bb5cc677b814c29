"""Draft the records of one article: statements with speaker, venue and date, and candidates.

:func:`draft_text` runs the rule families in order (furniture, transcript
turns, direct quotes, indirect speech, speech nested inside quotes, narration
that carries a cue), resolves every speaker, venue and date, and keeps a
statement only when the loader's own anchoring (:func:`schemas.evidence.locate`)
finds its text verbatim in body text, outside furniture.

>>> import datetime as dt
>>> from schemas.corpus import Corpus
>>> text = ("Kyiv, Monday.\\n\\n\\u201cWe will not give up land,\\u201d "
...         "Jane Doe told Reuters on Sunday.")
>>> d = draft_text(text, dt.date(2025, 8, 18), Corpus(), source_id="example")
>>> st = d.statements[0]
>>> st["speaker"], st["mode"], st["venue"]["label"], str(st["date"])
('jane-doe', 'direct_quote', 'Reuters', '2025-08-17')
>>> [a["id"] for a in d.actors]
['jane-doe', 'reuters']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.draft.article import Sentence, fold, paragraphs, sentences
from graph.draft.candidates import Candidate
from graph.draft.dates import DateGuess, find_date, not_after
from graph.draft.furniture import Furniture, is_heading, propose_furniture
from graph.draft.names import DEMONYM, Registry, capitalised_names, slug
from graph.draft.onair import Air, on_air, turn_venue
from graph.draft.pending import build_candidates
from graph.draft.speakers import Resolved, Speakers
from graph.draft.speech import (
    Finding,
    indirect_findings,
    quote_findings,
    transcript_findings,
    turn_labels,
    turn_spans,
)
from graph.draft.venues import VenueGuess, find_venue
from schemas.corpus import Corpus
from schemas.errors import UsageError
from schemas.evidence import NormalText, locate

__all__ = ["Draft", "draft_file", "draft_text"]

_ADJECTIVES = frozenset(["western", "eastern", "northern", "southern", "like", "article"])

_NESTED = re.compile(
    r"(?:^|(?<=[.!?] ))(?P<sp>He|She|[A-Z][a-z]+(?: [A-Z][a-z]+)?) "
    r"(?P<verb>said|told|says|promised)\b(?P<tail>[^.!?]*)[.!?]"
)


@dataclass
class Draft:
    """A drafted source: records to review, candidates apart, and what the registry lacks."""

    source: dict[str, Any]
    statements: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    furniture: list[Furniture]
    candidates: list[Candidate]
    unknown_names: list[dict[str, Any]]
    text: str
    dropped: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Plain data: source, statements, actors, furniture, candidates, unknown_names."""
        return {
            "source": self.source,
            "statements": self.statements,
            "actors": self.actors,
            "furniture": [
                {"text": f.text, "start": f.start, "end": f.end, "rule": f.rule}
                for f in self.furniture
            ],
            "candidates": [c.as_dict() for c in self.candidates],
            "unknown_names": self.unknown_names,
        }

    def record_file(self) -> dict[str, Any]:
        """The source record file as ``--write`` stores it: only record sections."""
        out: dict[str, Any] = {"$schema": "../../schemas/detente.schema.json"}
        out["source"] = self.source
        if self.actors:
            out["actors"] = self.actors
        out["statements"] = self.statements
        return out


@dataclass
class _Said:
    """A finding once resolved: everything a statement record needs, plus its rules."""

    finding: Finding
    speaker: str
    speaker_rule: str
    venue: VenueGuess | None
    venue_rule: str
    date: DateGuess
    via: list[str] = field(default_factory=list)


def draft_text(
    text: str,
    published: dt.date,
    corpus: Corpus,
    source_id: str,
    title: str | None = None,
    kind: str = "news_article",
    origin: str = "",
) -> Draft:
    """Draft the records of ``text`` (published on ``published``) against ``corpus``'s registry."""
    furniture = propose_furniture(text)
    skip = [(f.start, f.end) for f in furniture]
    registry = Registry(corpus.actors)
    taken = {r.id for r in corpus.records()} | {source_id}
    speakers = Speakers(registry, text, taken)
    labels = turn_labels(text)
    turns = transcript_findings(text, skip)
    spans = turn_spans(text, skip)
    quotes = [q for q in quote_findings(text, skip) if not _inside(q, turns)]
    sents = sentences(text, skip + labels)
    paras = paragraphs(text)
    findings: list[Finding] = [*turns, *quotes]
    narration: list[tuple[int, int, str]] = []
    for s in sents:
        para = next(text[a:b] for a, b in paras if a <= s.start < b)
        if any(a <= s.start < b for a, b in spans):  # a turn's words are the turn's
            if not _inside(s, turns):
                continue  # a question or a cut-off tail, trimmed from its turn
            for f in indirect_findings(s.text, s.start):  # speech reported inside the turn
                if f.rule != "attitude-of-previous-speaker":
                    f.rule, f.parent, f.lead = f"speech-inside-turn: {f.rule}", 0, None
                    findings.append(f)
            continue
        if is_heading(s.text, para):
            continue
        if any(f.start < s.end and s.start < f.end for f in findings):
            continue
        masked = _mask(s, quotes)
        found = indirect_findings(s.text, s.start, masked)
        findings.extend(found)
        if not found:
            narration.append((s.start, s.end, "sentence"))
        narration.extend((*f.lead, "lead-clause") for f in found if f.lead is not None)
    for f in quotes + turns:
        if f.lead is not None:
            narration.append((*f.lead, "lead-clause"))
        for qa, qb in f.quotes or [(f.start, f.end)]:
            inner = fold(text[qa:qb])
            for m in _NESTED.finditer(inner):
                findings.append(
                    Finding(qa + m.start("sp"), qa + m.end(), "paraphrase", "speech-inside-quote",
                            m.group("sp"), qa + m.start("sp"), m.group(0), parent=0)
                )  # fmt: skip
    findings.sort(key=lambda f: (f.start, f.end))
    air = on_air(text, turns, skip, registry, published)
    said = _resolve(findings, speakers, registry, published, air)
    statements, by_finding = _statements(said, text, skip, source_id, published, taken)
    narrated = _narration(narration, text, skip, source_id, published, statements, taken)
    statements = sorted(statements + narrated, key=lambda st: _start(text, st["text"], skip))
    actors = [
        {k: v for k, v in vars(a).items() if v and k != "rule"} for a in speakers.new.values()
    ]
    candidates = build_candidates(statements, registry, corpus, speakers, published)
    source = {
        "id": source_id,
        "title": title or _title(text, skip) or f"untitled ({origin or 'drafted text'})",
        "published": published,
        "language": "en",
        "kind": kind,
        "text": f"{source_id}.txt",
        "furniture": [f.text for f in furniture],
        "note": f"Drafted by detente draft{' from ' + origin if origin else ''}; "
        "every statement awaits a curator's review.",
    }
    unknown = _unknown(text, sents, registry, speakers)
    del by_finding
    return Draft(source, statements, actors, furniture, candidates, unknown, text)


def _inside(span: Any, turns: list[Finding]) -> bool:
    return any(t.start <= span.start and span.end <= t.end for t in turns) if turns else False


def _mask(s: Sentence, quotes: list[Finding]) -> str:
    chars = list(s.text)
    for f in quotes:
        for qa, qb in f.quotes:
            for i in range(max(qa, s.start), min(qb, s.end)):
                chars[i - s.start] = "#"
    return "".join(chars)


def _resolve(
    findings: list[Finding],
    speakers: Speakers,
    registry: Registry,
    published: dt.date,
    air: Air | None = None,
) -> list[_Said]:
    outlets: dict[str, str] = {f: a if registry.kind(a) == "media_outlet" else ""
                               for f, a in registry.forms.items()}  # fmt: skip
    named: list[tuple[str, str]] = []
    reporting: set[str] = set()  # outlets the article cites as reporting

    def is_outlet(actor: str) -> bool:
        if actor in registry.actors:
            return registry.kind(actor) == "media_outlet"
        new = speakers.new.get(actor)
        return new is not None and new.kind == "media_outlet"

    out: list[_Said] = []
    for f in findings:
        previous = next((s for s in reversed(out) if s.finding.parent is None), None)
        window = None
        if f.parent is not None:
            window = next(((qa, qb) for s in out for qa, qb in s.finding.quotes
                           if qa <= f.start < qb), None)  # fmt: skip
        if f.speaker is None:  # a quote paragraph with no attribution continues the last speaker
            if previous is None or previous.finding.mode == "narration":
                continue
            out.append(_Said(f, previous.speaker, "continues-previous-speaker", previous.venue,
                             "venue-of-previous-statement", previous.date,
                             list(previous.via)))  # fmt: skip
            continue
        who = speakers.resolve(f.speaker, f.speaker_at, window)
        if who is None:
            continue
        if f.rule == "attitude-of-previous-speaker" and (
            previous is None or previous.speaker != who.actor
        ):
            continue  # "He wants ..." only carries on with the speaker just reported
        clause, via = f.clause, []
        if f.relay is not None and is_outlet(who.actor):
            inner = speakers.resolve(f.relay[0], f.relay[1])
            if inner is not None and not is_outlet(inner.actor):
                via = [who.actor]
                reporting.add(who.actor)
                who = Resolved(inner.actor, f"{inner.rule} ({f.relay[0]}), relayed by")
                clause = f.relay[2]
        same = previous is not None and previous.speaker == who.actor and f.parent is None
        if f.rule.startswith("transcript-turn") and air is not None:
            venue, venue_rule, turn_date = turn_venue(f, air, outlets, named)
        else:
            venue = find_venue(clause, outlets, named)
            venue_rule = f"venue-cue: {venue.cue}" if venue else "no-venue-stated"
            turn_date = None
            if venue is None and is_outlet(who.actor):
                name = speakers.name_of(who.actor)
                venue = VenueGuess(f"{name} report", "report", who.actor, None, f.speaker)
                venue_rule = "outlet-as-speaker: its report"
                reporting.add(who.actor)
        inherited = False
        # the same occasion: "also said", "added", or a quote backing the paraphrase just before
        backs = (
            previous is not None
            and f.mode == "direct_quote"
            and (previous.finding.mode == "paraphrase")
        )
        if venue is None and same and (f.continues or backs):
            assert previous is not None
            venue, venue_rule, inherited = previous.venue, "venue-of-previous-statement", True
            via = via or list(previous.via)
        if venue is not None and venue.new_outlet and venue.outlet is None:
            venue = VenueGuess(venue.label, venue.kind, speakers.outlet(venue.new_outlet), None,
                               venue.cue)  # fmt: skip
        if venue is not None and venue.outlet:
            named.append((venue.label, venue.outlet))
        new = speakers.new.get(who.actor)
        if new is not None and new.kind == "media_outlet":
            named.append((new.name, who.actor))
        reference, parent = published, None
        if f.parent is not None:
            parent = _carrier(out, f.start)
            reference = parent.date.date if parent else published
        fallback = parent.date if parent else not_after(published)
        if inherited and previous is not None:
            fallback = previous.date
        date = turn_date or find_date(clause, reference) or fallback
        if via and turn_date is None:
            date = find_date(f.clause, reference) or date
        if parent is not None and date is not parent.date and parent.date.precision != "day":
            date = DateGuess(date.date, parent.date.precision, date.note, date.cue)
        out.append(_Said(f, who.actor, who.rule, venue, venue_rule, date, via))
    for s in out:  # told an outlet the article cites as reporting: the outlet relayed it
        outlet = s.venue.outlet if s.venue is not None else None
        if outlet in reporting and s.speaker != outlet and outlet not in s.via:
            s.via = [str(outlet), *s.via]
    return out


def _carrier(said: list[_Said], at: int) -> _Said | None:
    """The resolved statement whose quote holds offset ``at``."""
    return next((s for s in said if any(a <= at < b for a, b in s.finding.quotes)), None)


def _statements(
    said: list[_Said],
    text: str,
    skip: list[tuple[int, int]],
    source_id: str,
    published: dt.date,
    taken: set[str],
) -> tuple[list[dict[str, Any]], dict[int, str]]:
    norm = NormalText(text)
    out: list[dict[str, Any]] = []
    by_finding: dict[int, str] = {}
    for s in said:
        f = s.finding
        span = text[f.start : f.end].strip()
        found = locate(span, norm, skip)
        if found is None or found.start != f.start:
            continue  # never emit a span the loader would not anchor at the same place
        ident = _unique(f"{s.speaker[:24]}-{slug(span, 30)}", taken)
        venue = (
            {"label": s.venue.label, "kind": s.venue.kind}
            if s.venue
            else {"label": "not stated", "kind": "unspecified"}
        )
        if s.venue is not None and s.venue.outlet:
            venue["outlet"] = s.venue.outlet
        record: dict[str, Any] = {
            "id": ident,
            "speaker": s.speaker,
            "mode": f.mode,
            "venue": venue,
            "date": s.date.date,
        }
        if s.date.precision != "day":
            record["date_precision"] = s.date.precision
        record["date_note"] = s.date.note
        record["text"] = span
        if s.via:
            record["via"] = list(s.via)
        if f.parent is not None:
            parent = _carrier([p for p in said if p is not s], f.start)
            pid = by_finding.get(id(parent.finding)) if parent else None
            if pid is None:
                continue
            record["reported_by"] = pid
        record["note"] = (
            f"drafted: rule {f.rule}; speaker {s.speaker_rule} ({f.speaker or 'carried'}); "
            f"venue {s.venue_rule}"
        )
        by_finding[id(f)] = ident
        out.append(record)
    return out, by_finding


def _narration(
    spans: list[tuple[int, int, str]],
    text: str,
    skip: list[tuple[int, int]],
    source_id: str,
    published: dt.date,
    statements: list[dict[str, Any]],
    taken: set[str],
) -> list[dict[str, Any]]:
    from graph.draft.candidates import cues

    norm = NormalText(text)
    out = []
    for a, b, kind in spans:
        piece = text[a:b].strip().rstrip(",").strip()
        found = cues(piece)
        if len(piece.split()) < 4 or not found or locate(piece, norm, skip) is None:
            continue
        ident = _unique(f"narration-{slug(piece, 40)}", taken)
        out.append({
            "id": ident,
            "speaker": source_id,
            "mode": "narration",
            "venue": {"label": "the article", "kind": "article"},
            "date": published,
            "date_note": "the article's own voice, on its publication date",
            "text": piece,
            "note": f"drafted: rule narration-{kind} with cue {found[0].word!r} ({found[0].kind})",
        })  # fmt: skip
    return out


def _unique(base: str, taken: set[str]) -> str:
    base = slug(base, 80)
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def _start(text: str, passage: str, skip: list[tuple[int, int]]) -> int:
    found = locate(passage, text, skip)
    return found.start if found else len(text)


def _title(text: str, skip: list[tuple[int, int]]) -> str | None:
    for a, b in paragraphs(text):
        if any(x <= a < y for x, y in skip):
            continue
        line = text[a:b].strip()
        if is_heading(line, line) and len(line) <= 200:
            return line
        return None
    return None


def _noise(name: str) -> bool:
    """Adjectives and shouting, not names: 'Western', 'NATO-like', 'BIG PROGRESS'."""
    words = name.split()
    if len(words) == 1 and (DEMONYM.match(name) or re.search(r"-[a-z]", name)):
        return True
    if len(words) == 1 and name.istitle() and name.casefold() in _ADJECTIVES:
        return True
    return len(words) > 1 and name.isupper()


def _unknown(
    text: str, sents: list[Sentence], registry: Registry, speakers: Speakers
) -> list[dict[str, Any]]:
    known = [(m.start, m.end) for m in registry.find(text)]
    seen: dict[str, dict[str, Any]] = {}
    for s in sents:
        for m in capitalised_names(s.text, s.start):
            if any(a < m.end and m.start < b for a, b in known) or _noise(m.surface):
                continue
            if m.start == s.start and " " not in m.surface:
                continue  # a capitalised first word is no evidence of a name
            entry = seen.get(m.surface)
            if entry is None:
                entry = {"name": m.surface, "offsets": [], "closest": registry.closest(m.surface)}
                seen[m.surface] = entry
            entry["offsets"].append(m.start)
    return list(seen.values())


def draft_file(
    path: str | Path,
    published: str | dt.date,
    data: str | Path = "data",
    source_id: str | None = None,
    today: dt.date | None = None,
    kind: str = "news_article",
) -> Draft:
    """Read the article at ``path`` and draft it against the registry of ``data``.

    Raises DataError for an unusable text or data folder and UsageError for a
    malformed or future ``published`` or an ``source_id`` already taken.

    >>> d = draft_file("data/sources/000_15c4d2cb88880b08.txt", "2025-08-17", source_id="again")
    >>> d.source["id"], len(d.statements) > 10
    ('again', True)
    """
    from graph.draft.article import parse_published, read_article
    from schemas.loader import load

    day = published if isinstance(published, dt.date) else parse_published(published, today)
    if today is not None and day > today:
        day = parse_published(day.isoformat(), today)
    text = read_article(path)
    corpus = load(data)
    ident = source_id or f"draft-{day.isoformat()}-{slug(Path(path).stem, 40)}"
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", ident) or len(ident) > 90:
        raise UsageError(f"--id {ident!r}: use a lowercase slug (a-z, 0-9, single hyphens)")
    taken = {r.id for r in corpus.records()}
    if ident in taken:
        raise UsageError(f"--id {ident}: an existing record already has this id; choose another")
    return draft_text(text, day, corpus, ident, kind=kind, origin=Path(path).name)
