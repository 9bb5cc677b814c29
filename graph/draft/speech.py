"""Find reported speech: direct quotes, attributed indirect speech, transcript turns.

Each finding is a span of the article with the phrase that names its
speaker (resolved later, see :mod:`graph.draft.speakers`), its attribution
clause (where venue and date words are looked for) and the rule that matched.

Direct quotes use curly or straight double quotes, may be split around an
attribution ("A," he said. "B.") and may run over several paragraphs (each
opening with a quote mark, only the last closing it). Indirect speech is
found by its reporting verb at a clause boundary ("X said that", "X told CNN
that", "..., X said.", "according to X", "X reports"). Quotes of a few words
("so-called "coalition of the willing"") are not speech.

>>> text = '\\u201cWe won,\\u201d Witkoff told CNN. \\u201cIt was hard.\\u201d'
>>> [(f.rule, f.speaker, f.end == len(text)) for f in quote_findings(text, [])]
[('quote-then-attribution', 'Witkoff', True)]
>>> [(f.rule, f.speaker) for f in indirect_findings("Moscow agreed, Rubio said.", 0)]
[('trailing-attribution', 'Rubio')]
>>> indirect_findings("The plan says nothing.", 0)
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.draft.article import fold, paragraphs
from graph.draft.names import DESCRIPTORS

__all__ = [
    "SAY",
    "Finding",
    "find_quotes",
    "indirect_findings",
    "quote_findings",
    "speaker_like",
    "transcript_findings",
    "turn_labels",
    "turn_spans",
]

SAY = (
    r"(?:said|says|say|told|tells|tell|added|adds|stated|states|announced|announces|wrote|"
    r"writes|posted|posts|reported|reports|confirmed|confirms|suggested|suggests|insisted|"
    r"insists|argued|argues|warned|warns|noted|notes|explained|explains|acknowledged|"
    r"acknowledges|claimed|claims|declared|declares|stressed|stresses|asserted|asserts|"
    r"predicted|predicts|replied|replies|responded|responds|tweeted|tweets|emphasi[sz]ed|"
    r"emphasi[sz]es|recalled|recalls|admitted|admits|revealed|reveals|indicated|indicates|"
    r"hinted|hints|observed|remarked|cautioned|conceded|concedes|asked|asks|qualified|"
    r"clarified|clarifies|reiterated|reiterates|reaffirmed|reaffirms|maintained|maintains|"
    r"contended|contends|countered|counters|informed|assured|briefed|"
    r"has said|have said|had said|has told|had told|have told|has confirmed|have confirmed)"
)
_NP = r"(?P<sp>(?:[\w'.\-]+ ){0,7}?[\w'.\-]+)"
_NAMED = r"(?P<sp2>(?:[Tt]he )?[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,4})"
_APPOSITIVE = r"(?:, (?P<app>[^,#]{2,80}),)?"
_ADVERB = r"(?:(?:also|later|then|again|previously|earlier|repeatedly|once|has|had|have) )*"
# a sentence adverb before the subject is no part of the speaker ("Later he qualified")
_OPENER = r"(?:(?:Later|Earlier|Then|Separately|Meanwhile|Afterwards|Previously|Still|Now),? )?"
_LEAD = re.compile(
    rf"(?:^{_OPENER}|, |; |: )(?:and |but )?{_NP}{_APPOSITIVE} {_ADVERB}(?P<verb>{SAY})\b"
)
# a pronoun or "the officials" carrying on with the previous speaker's wishes and beliefs
_ATTITUDE = re.compile(
    r"^(?:But |And )?(?P<sp>He|She|They|The [a-z]+)(?: also| still)? (?P<verb>wants?|hopes?|"
    r"expects?|believes?|fears?|thinks?|wish(?:es)?|intends?)\b"
)
_CONTINUES = re.compile(r"\b(?:also|added|adds|went on|continued|further)\b")
_TRAIL = re.compile(
    rf", (?:{_NP} {_ADVERB}(?P<verb>{SAY})|(?P<verb2>said|says|added|wrote) {_NAMED})"
    r"(?P<tail>(?: (?!that\b)[^,;#]{0,80}?)?)[.!?]?\W*$"
)
_PAREN = re.compile(
    rf", {_NP} (?P<verb>said|says|added|argued|noted|insisted|warned|stressed|reports|reported)"
    r"(?P<tail>(?: [^,;#]{1,40})?),"
)
_ACCORDING = re.compile(rf"(?:^|, |; )[Aa]ccording to {_NP}(?:,|[.!?]?\W*$)")
_AND_SAID = re.compile(
    rf"^{_NP} (?:[a-z]+ed|[a-z]+s) [^.;#]{{3,140}}?,? and (?:also )?(?P<verb>said|says|added)\b"
)
_AFTER_QUOTE = re.compile(
    rf"^,?\s*(?:{_NP} {_ADVERB}(?P<verb>{SAY})|(?P<verb2>said|says|added|wrote|asked) "
    rf"{_NAMED})(?P<tail>[^.!?\"\u201c\u201d]*)(?:[.!?]|$)"
)
_BEFORE_QUOTE = re.compile(
    rf"(?:^|, |; |\. ){_NP}{_APPOSITIVE} {_ADVERB}(?P<verb>{SAY})"
    r"(?P<tail>[^.!?\"#]{0,120}?)[,:]?\s*$"
)
_TURN = re.compile(
    r"^(?P<label>[A-Z][A-Z.'\- ]{1,40}?)(?:, (?P<role>[A-Z][A-Z ]{1,30}))?:(?:\s+|$)"
)
_PRONOUNS = {"he", "she", "they"}
_NOT_SPEAKERS = {
    "and",
    "but",
    "which",
    "that",
    "who",
    "it",
    "this",
    "there",
    "what",
    "i",
    "we",
    "you",
    "media",
    "the plan",
    "the report",
    "the statement",
    "the document",
}
_DOCUMENTS = {
    "readout",
    "statement",
    "report",
    "reports",
    "plan",
    "document",
    "draft",
    "text",
    "transcript",
    "communique",
    "declaration",
    "letter",
    "memo",
    "survey",
    "poll",
}


@dataclass
class Finding:
    """A span of reported speech before its speaker is resolved."""

    start: int
    end: int
    mode: str
    rule: str
    speaker: str | None
    speaker_at: int
    clause: str = ""
    lead: tuple[int, int] | None = None  # a leading clause that is the article's own
    parent: int | None = None  # index of the finding whose quote carries this one
    quotes: list[tuple[int, int]] = field(default_factory=list)
    role: str = ""  # a transcript turn's role ("HOST", "BYLINE")
    intro: str = ""  # the host's sentence introducing a recorded turn ("Here is X ...")
    relay: tuple[str, int, str] | None = None  # "X reports that Y told Z": Y, its offset, clause
    continues: bool = False  # "also said", "added": the same occasion as before


def speaker_like(phrase: str) -> bool:
    """True when ``phrase`` can name a speaker: a name, a pronoun, an unnamed source.

    >>> speaker_like("Rubio"), speaker_like("he"), speaker_like("a person familiar with it")
    (True, True, True)
    >>> speaker_like("the plan"), speaker_like("and")
    (False, False)
    """
    words = phrase.split()
    low = phrase.casefold()
    if not words or low in _NOT_SPEAKERS or words[0].casefold() in _NOT_SPEAKERS:
        return False
    if low in _PRONOUNS:
        return True
    if words[-1].casefold().strip(".,") in _DOCUMENTS:
        return False  # "according to a Kremlin readout": a document, not a speaker
    if any(w.casefold().strip(".,") in DESCRIPTORS for w in words):
        return True
    if low.startswith("the ") and len(words) <= 3 and words[-1].islower():
        return True  # a title: "the president", "the envoy"
    return any(w[:1].isupper() for w in words)


def find_quotes(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of every double-quoted passage, marks included, outside ``skip``.

    >>> find_quotes('"A" and \\u201cB\\n\\n\\u201cC.\\u201d', [])
    [(0, 3), (8, 16)]
    """
    flat = fold(text)
    spans: list[tuple[int, int]] = []
    paras = paragraphs(text)
    open_at: int | None = None
    for a, b in paras:
        if open_at is not None and flat[a] != '"':
            open_at = None  # a continued quote must reopen its paragraph
        pos = a + 1 if open_at is not None else a
        while True:
            at = flat.find('"', pos, b)
            if at < 0:
                break
            if open_at is None:
                open_at = at
            else:
                spans.append((open_at, at + 1))
                open_at = None
            pos = at + 1
    return [s for s in spans if not any(x < s[1] and s[0] < y for x, y in skip)]


def _speechlike(text: str, quote: tuple[int, int], flat: str) -> bool:
    inner = text[quote[0] + 1 : quote[1] - 1]
    words = len(inner.split())
    before = flat[max(0, quote[0] - 3) : quote[0]]
    return words >= 6 or (words >= 3 and inner.rstrip()[-1:] in ".,?!") or ":" in before


def quote_findings(text: str, skip: list[tuple[int, int]]) -> list[Finding]:
    """Direct quotes with their attribution: after, before, or carried from before."""
    flat = fold(text)
    quotes = find_quotes(text, skip)
    paras = paragraphs(text)
    out: list[Finding] = []
    used: set[int] = set()
    for index, (qa, qb) in enumerate(quotes):
        if index in used:
            continue
        para = next((p for p in paras if p[0] <= qa < p[1]), (qa, qb))
        end_para = next((p for p in paras if p[0] < qb <= p[1]), para)
        finding: Finding | None = None
        after = _AFTER_QUOTE.match(flat[qb : end_para[1]])
        short = text[qa + 1 : qb - 1].rstrip()[-1:] not in ".,?!"
        if not _speechlike(text, (qa, qb), flat) and (after is None or short):
            continue  # a few words in quotes, no attribution: a title or scare quotes
        if after and speaker_like(after.group("sp") or after.group("sp2") or ""):
            group = "sp" if after.group("sp") else "sp2"
            finding = Finding(
                qa, qb + after.end(), "direct_quote", "quote-then-attribution",
                after.group(group), qb + after.start(group), after.group(0),
                quotes=[(qa, qb)],
            )  # fmt: skip
            finding.end = _trim_end(text, qa, finding.end)
        else:
            lead_start = _clause_start(flat, para[0], qa)
            before = _BEFORE_QUOTE.search(flat[lead_start:qa])
            if before and speaker_like(before.group("sp")):
                sp_at = lead_start + before.start("sp")
                finding = Finding(
                    qa, qb, "direct_quote", "attribution-then-quote", before.group("sp"),
                    sp_at, flat[lead_start:qa], quotes=[(qa, qb)],
                )  # fmt: skip
                if sp_at - lead_start > 2:
                    finding.lead = (lead_start, sp_at)
            elif qa == para[0] or not flat[para[0] : qa].strip():
                finding = Finding(qa, qb, "direct_quote", "quote-continues", None, qa, "",
                                  quotes=[(qa, qb)])  # fmt: skip
        if finding is None:
            continue
        # a second quote right after the attribution ("A," he said. "B.") joins the first
        nxt = index + 1
        while nxt < len(quotes) and not flat[finding.end : quotes[nxt][0]].strip():
            if quotes[nxt][0] >= end_para[1]:
                break
            finding.end = quotes[nxt][1]
            finding.quotes.append(quotes[nxt])
            used.add(nxt)
            nxt += 1
        out.append(finding)
    return out


def _clause_start(flat: str, para_start: int, at: int) -> int:
    """Start of the sentence that ends at ``at`` (after the last '. ' in the paragraph)."""
    cut = max(flat.rfind(". ", para_start, at), flat.rfind("? ", para_start, at))
    return para_start if cut < 0 else cut + 2


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def indirect_findings(sentence: str, offset: int, masked: str | None = None) -> list[Finding]:
    """Attributed indirect speech in one sentence (``masked``: quotes blanked out with '#')."""
    flat = fold(masked if masked is not None else sentence)
    end = offset + len(sentence.rstrip())
    rules: list[tuple[str, re.Pattern[str]]] = [
        ("according-to", _ACCORDING),
        ("parenthetical-attribution", _PAREN),
        ("trailing-attribution", _TRAIL),
        ("reporting-verb", _LEAD),
        ("and-said", _AND_SAID),
        ("attitude-of-previous-speaker", _ATTITUDE),
    ]
    for rule, pattern in rules:
        for m in pattern.finditer(flat):
            group = "sp2" if "sp2" in m.groupdict() and m.group("sp2") else "sp"
            phrase = m.group(group)
            if not phrase or not speaker_like(phrase) or "#" in phrase:
                continue
            if rule == "reporting-verb" and m.end() >= len(flat.rstrip(" .")):
                continue  # "X said." alone carries nothing
            start = offset
            lead = None
            if rule == "reporting-verb" and len(flat[: m.start(group)].split()) >= 3:
                # a long leading clause is the article's own; a short one ("On territory,")
                # stays with the statement
                start = offset + m.start(group)
                lead = (offset, offset + m.start(group))
            clause = m.group(0)
            if rule in {"reporting-verb", "and-said", "attitude-of-previous-speaker"}:
                after = re.split(r"\bthat\b|,", flat[m.end() :], maxsplit=1)[0]
                clause = flat[m.start(group) : m.end()] + " " + " ".join(after.split()[:5])
            finding = Finding(start, end, "paraphrase", rule, phrase, offset + m.start(group),
                              clause, lead=lead)  # fmt: skip
            finding.continues = bool(_CONTINUES.search(flat[m.start(group) : m.end()]))
            finding.relay = _relayed(flat, m, rule, offset)
            return [finding]
    return []


_INNER = re.compile(rf"(?:the |a |an )?{_NP} {_ADVERB}(?P<verb>told|tells|said|says|informed|"
                    rf"assured|warned|briefed)\b")  # fmt: skip


def _relayed(flat: str, m: re.Match[str], rule: str, offset: int) -> tuple[str, int, str] | None:
    """The speaker inside a report ("X reports that Y has told Z that ..."): phrase, offset, clause.

    >>> f = indirect_findings("Reuters reports that the White House has told Kyiv that it must.", 0)
    >>> f[0].relay
    ('the White House', 21, 'the White House has told Kyiv')
    >>> indirect_findings("Reuters reports that talks will resume.", 0)[0].relay is None
    True
    """
    if rule == "reporting-verb":
        rest_at = m.end()
        inner_text = flat[rest_at:]
        lead = re.match(r" that ", inner_text)
        if lead is None:
            return None
        rest_at += lead.end()
    elif rule == "according-to" and m.start() == 0:
        rest_at = m.end()
        while rest_at < len(flat) and flat[rest_at] == " ":
            rest_at += 1
    elif rule in {"trailing-attribution", "parenthetical-attribution"}:
        rest_at = 0
    else:
        return None
    inner = _INNER.match(flat, rest_at)
    if inner is None or not speaker_like(inner.group("sp")):
        return None
    tail = re.split(r"\bthat\b|,", flat[inner.end() :], maxsplit=1)[0]
    phrase = flat[inner.start() : inner.end("sp")]
    clause = flat[inner.start() : inner.end()] + " " + " ".join(tail.split()[:5])
    return phrase, offset + inner.start(), clause.strip()


def transcript_findings(text: str, skip: list[tuple[int, int]]) -> list[Finding]:
    """Speaker turns of a transcript ("NAME, TITLE:", "NAME:"), each a direct quote.

    A text is a transcript when at least two paragraphs open with a speaker
    label. A turn runs from its label to the next one, over paragraphs (a
    label may stand alone on its line). Every turn is speech, the host's and
    the correspondent's too: they speak on air. A bare surname label
    ("SIMON:") or a bare role ("HOST:") stands for the full name given with it
    earlier; "UNIDENTIFIED ..." stays unnamed. Trailing questions and a cut-off
    tail assert nothing and are trimmed (a turn of questions only is dropped).
    When the turn before ends by introducing a recording ("Here is the
    president in the Oval Office yesterday."), that sentence is kept as the
    turn's ``intro``, for its date and place.

    >>> text = "SCOTT SIMON, HOST: Hi, we agree.\\n\\nJOHN DOE: We agree. Do you?\\n\\nSIMON: Yes."
    >>> [(f.speaker, f.rule, text[f.start:f.end]) for f in transcript_findings(text, [])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Scott Simon', 'transcript-turn', 'Hi, we agree.'),
     ('John Doe', 'transcript-turn', 'We agree.'),
     ('Scott Simon', 'transcript-turn-surname', 'Yes.')]
    >>> transcript_findings("NOTE: This is not a transcript.", [])
    []
    """
    labelled = [
        (a, b, m)
        for a, b in paragraphs(text)
        if (m := _TURN.match(text[a:b])) and not any(x < b and a < y for x, y in skip)
    ]
    if len(labelled) < 2:
        return []
    out: list[Finding] = []
    full: dict[str, str] = {}  # SURNAME or ROLE -> Full Name
    previous_body = ""
    for i, (a, _b, m) in enumerate(labelled):
        stop = labelled[i + 1][0] if i + 1 < len(labelled) else len(text)
        start = a + m.end()
        while start < stop and text[start].isspace():
            start += 1
        role = (m.group("role") or "").strip()
        words = m.group("label").split()
        rule = "transcript-turn"
        if role or len(words) > 1:
            label = " ".join(w.capitalize() for w in words)
            if words[0] == "UNIDENTIFIED":
                label = "an unidentified " + " ".join(w.lower() for w in words[1:] or ["person"])
            else:
                full.setdefault(words[-1], label)
                if role:
                    full.setdefault(role, label)
        elif words[0] in full:
            label, rule = full[words[0]], "transcript-turn-surname"
        else:
            label = words[0].capitalize()
        intro = _clip_intro(previous_body)
        previous_body = text[start:stop]
        end = _assertive_end(text, start, stop)
        if end is None:
            continue  # a label alone, or only questions or a cut-off tail: nothing asserted
        out.append(
            Finding(start, end, "direct_quote", rule, label, a, m.group(0),
                    quotes=[(start, end)], role=role, intro=intro)
        )  # fmt: skip
    return out


_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)]*(?=\s|$)")
_CLIP = re.compile(
    r"(?i)^(?:here is|here's|here are|let's (?:listen|hear)|listen to|we hear from|"
    r"this is what|here's what|here is what)\b"
)


def _assertive_end(text: str, start: int, stop: int) -> int | None:
    """End of the last sentence in ``text[start:stop]`` that is neither a question nor cut off."""
    end = stop
    while end > start:
        seg = text[start:end].rstrip()
        if not seg:
            return None
        ends = [m.end() for m in _SENTENCE_END.finditer(seg)]
        if ends and ends[-1] == len(seg) and "?" not in seg[-3:]:
            return start + len(seg)
        before = [e for e in ends if e < len(seg)]
        if not before:
            return None
        end = start + before[-1]
    return None


def _clip_intro(body: str) -> str:
    """The last sentence of ``body`` when it introduces a recording ("Here is X ..."), else ''."""
    pieces = re.split(r"(?<=[.!?])\s+", body.strip())
    last = pieces[-1] if pieces else ""
    return last if _CLIP.match(fold(last)) else ""


def turn_spans(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every transcript turn from its label to the next, kept or not (its questions too)."""
    labelled = [
        a
        for a, b in paragraphs(text)
        if _TURN.match(text[a:b]) and not any(x < b and a < y for x, y in skip)
    ]
    if len(labelled) < 2:
        return []
    return list(zip(labelled, [*labelled[1:], len(text)], strict=True))


def turn_labels(text: str) -> list[tuple[int, int]]:
    """Spans of transcript speaker labels ("SIMON:"), which are never statement text."""
    return [(a, a + m.end()) for a, b in paragraphs(text) if (m := _TURN.match(text[a:b]))]
