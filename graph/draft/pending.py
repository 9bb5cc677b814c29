"""Build the pending candidates of a draft from its statements and their cue words.

One candidate per kind and sentence of a statement, at most (a later mention
of a proposal joins the one introduced instead); each names the statements it
would rest on, the cue that produced it, the fields it proposes and the ones
a curator must still fill (``needs``), with hints (closest registry topics).

>>> from schemas.loader import load
>>> from graph.draft.names import Registry
>>> from graph.draft.speakers import Speakers
>>> corpus = load("data")
>>> reg = Registry(corpus.actors)
>>> st = {"id": "s1", "speaker": "x", "mode": "narration", "date": dt.date(2025, 8, 17),
...       "text": "Russia continues to oppose any Western military presence in Ukraine"}
>>> [c] = build_candidates([st], reg, corpus, Speakers(reg, "", set()), dt.date(2025, 8, 17))
>>> c.kind, c.fields["actor"], c.fields["stance"], c.cue, c.needs
('position', 'russia', 'opposes', 'oppose', ['topic'])
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from graph.draft.candidates import RESPONDS_TO, Candidate, Cue, cues, meeting_status, modality
from graph.draft.dates import find_date
from graph.draft.names import Registry
from graph.draft.speakers import Speakers
from schemas.corpus import Corpus

__all__ = ["build_candidates"]

_LOCATION = re.compile(
    r"\b(?:in|at) (?P<place>(?:the )?[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)*)"
)
_ROLE_PRESENT = re.compile(r"\b(present|attended|took part|joined)\b", re.I)


def build_candidates(
    statements: list[dict[str, Any]],
    registry: Registry,
    corpus: Corpus,
    speakers: Speakers,
    published: dt.date,
) -> list[Candidate]:
    """Candidates for the curator from the cue words in each sentence of each statement.

    A long statement (a transcript turn) gives candidates sentence by sentence.
    Concessions described while a proposal is in view ("it runs to 28 separate
    points ... Ukraine would cede territory") are its provisions: modality
    ``proposed`` with the proposal candidate to point to, plus a provision
    candidate; a demand named in the same statement ("Russian demands",
    "would require" said to a party) gives ``demanded`` with ``demanded_by``.
    """
    out: list[Candidate] = []
    plan: Candidate | None = None  # the proposal last proposed: provisions attach to it
    for i, st in enumerate(statements):
        speaker = st["speaker"] if st["mode"] != "narration" else None
        if (st.get("venue") or {}).get("kind") in {"broadcast", "report"}:
            speaker = None  # a journalist on air or an outlet's report: the teller, not the actor
        told = _told(st, registry)
        demanders = _demanders(st["text"], registry)
        after_st = statements[i + 1]["text"] if i + 1 < len(statements) else ""
        if not demanders and _BACK.match(after_st):  # "These are Russian demands."
            demanders = _demanders(after_st, registry)
        for text in _sentences(st["text"]):
            mentions = [m for m in registry.find(text) if m.kind != "media_outlet"]
            deadline = _DEADLINE.search(text)
            if plan is not None and deadline and "response_deadline" not in plan.fields:
                when = find_date(text[deadline.start() :], st["date"], ahead=True)
                if when is not None:  # "expects an answer by Thursday": the plan in view
                    plan.fields["response_deadline"] = when.date
                    plan.fields["deadline_note"] = f"{when.cue!r}: {when.note}"
                    plan.statements = list(dict.fromkeys([*plan.statements, st["id"]]))
            for cue in cues(text):
                if cue.kind == "deadline":
                    continue  # handled above: it joins the proposal in view
                if cue.kind == "proposal" and plan is not None and not _indefinite(text, cue):
                    _add_to(plan, st["id"], text)  # "the plan", "it runs to 28 points"
                    continue
                before = [m for m in mentions if m.start < cue.start]
                after = [m for m in mentions if m.start > cue.start]
                fields: dict[str, Any] = {}
                needs: list[str] = []
                hints: dict[str, list[str]] = {}
                rule = f"cue-{cue.kind}"
                kind = cue.kind
                extra: Candidate | None = None
                if kind == "meeting":
                    status = meeting_status(text)
                    role = "present" if _ROLE_PRESENT.search(text) else "principal"
                    people = list(dict.fromkeys(m.actor for m in mentions if m.kind in
                                                {"person", "state", "informal_group"}))  # fmt: skip
                    if speaker and re.search(r"\b(?:we|I|us)\b", text):  # "We will meet ..."
                        people = list(dict.fromkeys([speaker, *people]))
                    parts = [{"actor": a, "role": role} for a in people]
                    fields = {"title": _title(text), "status": status, "participants": parts}
                    place = _LOCATION.search(text)
                    if place:
                        fields["location"] = place.group("place")
                    when = find_date(text, st["date"], ahead=status in {"planned", "proposed"})
                    if when is not None:
                        fields["start"] = when.date
                    if not people:
                        needs.append("participants")
                    rule = f"cue-meeting-{status}"
                elif kind == "concession":
                    mood = modality(text)
                    states = [m.actor for m in after if m.kind == "state"]
                    conceder = told or (before[-1].actor if before else None)
                    conceder = conceder or speaker or (states[0] if states else None)
                    fields = {"summary": text, "modality": mood}
                    if (
                        plan is not None
                        and mood in {"hypothetical", "made"}
                        and (re.search(r"\bwould\b", text))
                    ):
                        mood = fields["modality"] = "proposed"
                        fields["proposed_in"] = plan.id
                    if demanders and mood in {"proposed", "hypothetical"}:
                        mood = fields["modality"] = "demanded"
                    if mood == "demanded":
                        by = demanders or ([speaker] if speaker and told else [])
                        if by:
                            fields["demanded_by"] = by
                        else:
                            needs.append("demanded_by")
                    if conceder:
                        fields["conceder"] = conceder
                    if re.search(r"\b(law|legislat\w*)\b", text, re.I):
                        fields["form"] = "legislation"
                    elif re.search(r"\b(treaty|signed|written|agreement)\b", text, re.I) or plan:
                        fields["form"] = "written_agreement"
                    needs += ["conceded_to", "kind"] + ([] if conceder else ["conceder"])
                    if "proposed_in" in fields:
                        needs.append("proposed_in (the id the proposal is accepted under)")
                        extra = Candidate(
                            "", "provision", cue.word, "cue-provision-of-proposal", [st["id"]],
                            text, {"summary": text, "proposal": plan.id if plan else "",
                                   **({"asks_of": [conceder]} if conceder else {})},
                            ["the proposal's id, if accepted under another; concession"],
                        )  # fmt: skip
                    hints["topic"] = _topics(corpus, text)
                    rule = f"cue-concession-{mood}"
                elif kind == "commitment":
                    subject = text[: cue.start].strip(" ,")
                    committer = before[-1].actor if before else None
                    if committer is None and subject and subject.split()[0].lower() not in {
                        "he", "she", "they", "it", "we", "i"
                    }:  # fmt: skip
                        hints["committer"] = [subject]  # "Twenty nations pledged": unknown
                    else:
                        committer = committer or speaker
                    fields = {"summary": text, "modality": _commit_mood(text),
                              "kind": _commit_kind(text)}  # fmt: skip
                    if committer:
                        fields["committer"] = committer
                    else:
                        needs.append("committer")
                    to = [m.actor for m in after if m.kind == "state"][:1]
                    if to:
                        fields["committed_to"] = to
                    hints["topic"] = _topics(corpus, text)
                    rule = f"cue-commitment-{fields['kind']}"
                elif kind == "proposal":
                    fields = {"title": _title(text), "kind": _proposal_kind(text)}
                    actors = [m for m in before if m.kind in {"state", "person"}]
                    near = [m for m in actors if cue.start - m.end <= 1]  # "a U.S. draft plan"
                    proposers = [m.actor for m in (near[-1:] or actors[:1])]
                    if proposers and not re.search(r"\b(help(?:ed)? draft|drafted)\b", text):
                        fields["proposers"] = proposers
                    count = _COUNT.search(text)
                    if count:
                        fields["provision_count"] = _number(count.group(1))
                    if re.search(r"\b(a|the|this is a) draft\b|\bdraft (?:peace )?plan\b", text):
                        fields["status"] = "draft"
                    deadline = _DEADLINE.search(text)
                    when = find_date(text[deadline.start():], st["date"], ahead=True) if deadline \
                        else None  # fmt: skip
                    if when is not None:
                        fields["response_deadline"] = when.date
                        fields["deadline_note"] = f"{when.cue!r}: {when.note}"
                    needs = ["title (a short name)"]
                    hints["topic"] = _topics(corpus, text)
                    rule = f"cue-proposal-{fields['kind']}"
                elif kind == "response":
                    responder = before[-1].actor if before else speaker
                    fields = {"kind": cue.value, "summary": text}
                    if responder:
                        fields = {"responder": responder, **fields}
                    else:
                        needs.append("responder")
                    obj = RESPONDS_TO.search(text, cue.start)
                    needs.append("responds_to (the offer, proposal or provision answered)")
                    if obj is not None:
                        hints["responds_to"] = [obj.group(0)]
                    if st["date"] and st.get("date_precision", "day") == "day":
                        fields["date"] = st["date"]
                    rule = f"cue-response-{cue.value}"
                else:
                    actor = before[-1].actor if before else speaker
                    fields = {"stance": cue.value, "summary": text}
                    if actor:
                        fields = {"actor": actor, **fields}
                    else:
                        needs.append("actor")
                    hints["topic"] = _topics(corpus, text)
                    rule = f"cue-position-{cue.value}"
                if hints.get("topic") == []:
                    del hints["topic"]
                if kind in {"concession", "position", "commitment"}:
                    needs = [n for n in needs if n != "topic"] + ["topic"]
                ident = f"candidate-{len(out) + 1:02d}-{kind}"
                made = Candidate(ident, kind, cue.word, rule, [st["id"]], text, fields, needs,
                                 hints)  # fmt: skip
                out.append(made)
                if kind == "proposal":
                    plan = made
                if extra is not None:
                    extra.id = f"candidate-{len(out) + 1:02d}-provision"
                    out.append(extra)
    return out


_BACK = re.compile(r"^(?:These|Those|This|That|All of these|Both)\b[^.]{0,40}\bdemands?\b")
_SENTENCE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[\"\u201c]?[A-Z])")
_COUNT = re.compile(r"\b(\d{1,3}|[a-z]+-?[a-z]*)[- ](?:point|separate points|points)\b", re.I)
_DEADLINE = re.compile(r"\b(?:answer|respond|response|reply|decision|deadline)\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "twelve": 12, "twenty": 20}  # fmt: skip
_DEMAND_OF = re.compile(r"\b(?P<who>[A-Z][\w-]+) demands?\b|\bdemand(?:s|ed)? (?:by|of) "
                        r"(?P<by>(?:the )?[A-Z][\w-]+)")  # fmt: skip


def _indefinite(text: str, cue: Cue) -> bool:
    """True when the proposal is introduced ("a draft peace plan"), not referred back to."""
    head = text[: cue.start + len(cue.word)]
    m = re.search(rf"\b(?:an?|another|new)\s+(?:[\w.'-]+\s+){{0,2}}?{re.escape(cue.word)}$",
                  head, re.I)  # fmt: skip
    # "this is a draft" says what the proposal in view is; it introduces none
    return m is not None and not re.search(r"\b(?:is|was|remains|be)\s+$", head[: m.start()])


def _add_to(plan: Candidate, statement: str, text: str) -> None:
    """A later mention of the proposal in view: its statement, count and status join it."""
    plan.statements = list(dict.fromkeys([*plan.statements, statement]))
    count = _COUNT.search(text)
    if count and "provision_count" not in plan.fields:
        plan.fields["provision_count"] = _number(count.group(1))
    if re.search(r"\b(?:this is a|a|the) draft\b|\bcould change\b", text):
        plan.fields.setdefault("status", "draft")
    if re.search(r"\b(help(?:ed)? draft|drafted|drew up|written by)\b", text):
        plan.needs = list(dict.fromkeys([*plan.needs, f"drafters ({text.strip()[:80]})"]))


def _sentences(text: str) -> list[str]:
    """``text`` cut at sentence ends (a light cut, for a turn's many claims)."""
    return [piece for piece in _SENTENCE.split(text) if piece.strip()]


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word.casefold())


def _told(st: dict[str, Any], registry: Registry) -> str | None:
    """The party a private communication was addressed to ("has told Ukraine")."""
    venue = st.get("venue") or {}
    if venue.get("kind") != "private_communication":
        return None
    words = str(venue.get("label", "")).split()
    for n in range(1, min(4, len(words)) + 1):
        found = registry.lookup(" ".join(words[-n:]))
        if found is not None:
            return found
    return None


def _demanders(text: str, registry: Registry) -> list[str]:
    """Actors a statement names as demanding ("Russian demands", "demanded by Moscow")."""
    out: list[str] = []
    for m in _DEMAND_OF.finditer(text):
        word = m.group("who") or m.group("by") or ""
        for form in (word, f"{word}s", word[:-1], word[:-3] + "e", f"{word}y"):
            found = registry.lookup(form) or registry.lookup(f"the {form}")
            if found is not None and registry.kind(found) != "media_outlet":
                out.append(found)
                break
    return list(dict.fromkeys(out))


def _commit_mood(text: str) -> str:
    if re.search(r"\b(in the coming days|will be finali[sz]ed|expected to|is to be)\b", text):
        return "expected"
    if re.search(r"\b(if|were to|might|could)\b", text):
        return "hypothetical"
    return "made"


def _commit_kind(text: str) -> str:
    if re.search(r"\b(train\w*|equip\w*)\b", text, re.I):
        return "training_and_equipment"
    if re.search(r"\b(deploy\w*|troops|force on|boots on the ground)\b", text, re.I):
        return "force_deployment"
    if re.search(r"\bguarantee\w*\b", text, re.I):
        return "security_guarantee"
    return "support"


def _proposal_kind(text: str) -> str:
    if re.search(r"\bjoint document\b", text, re.I):
        return "joint_document"
    if re.search(r"\bpackage\b", text, re.I):
        return "package"
    if re.search(r"\bframework\b", text, re.I):
        return "framework"
    return "plan"


def _title(text: str) -> str:
    words = text.strip('\u201c\u201d"').split()
    short = " ".join(words[:12])
    return short + ("..." if len(words) > 12 else "")


def _topics(corpus: Corpus, text: str, n: int = 3) -> list[str]:
    """Ids of the registry topics whose labels best match ``text`` (rapidfuzz partial ratio)."""
    if not corpus.topics:
        return []
    from rapidfuzz import fuzz

    scored = sorted(
        ((fuzz.token_set_ratio(t.label.casefold(), text.casefold()), t.id)
         for t in corpus.topics.values()),
        reverse=True,
    )  # fmt: skip
    return [ident for score, ident in scored[:n] if score >= 50]
