"""Where something was said: an outlet or programme, a press appearance, social media.

Outlets are matched first against the registry's media-outlet actors, then
against a short list of well-known news organisations, then by the shape of
an outlet name ("... News", "... Times", "... Journal", an acronym). A short
form ("the Journal") stands for the last outlet named with that word.

>>> v = find_venue('Witkoff told Fox News Sunday that', {"fox news sunday": "fox-news"}, [])
>>> v.label, v.kind, v.outlet, v.cue
('Fox News Sunday', 'interview', 'fox-news', 'told Fox News Sunday')
>>> find_venue("On social media, Trump wrote:", {}, []).kind
'social_media'
>>> find_venue("Zelensky told reporters on Monday", {}, []).kind
'press_appearance'
>>> find_venue("the White House has told Ukraine", {"ukraine": ""}, []).kind
'private_communication'
>>> find_venue("Rubio suggested", {}, []) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.draft.article import fold

__all__ = ["KNOWN_OUTLETS", "VenueGuess", "find_venue", "looks_like_outlet"]

# well-known news organisations and agencies (the shape rules catch most others)
KNOWN_OUTLETS = frozenset(
    [
        "reuters",
        "associated press",
        "ap",
        "afp",
        "agence france-presse",
        "cnn",
        "bbc",
        "fox news",
        "fox news sunday",
        "nbc",
        "nbc news",
        "cbs",
        "cbs news",
        "abc",
        "abc news",
        "npr",
        "msnbc",
        "pbs",
        "bloomberg",
        "politico",
        "axios",
        "the new york times",
        "new york times",
        "the washington post",
        "washington post",
        "the wall street journal",
        "wall street journal",
        "financial times",
        "the guardian",
        "the economist",
        "al jazeera",
        "sky news",
        "euronews",
        "tass",
        "ria novosti",
        "interfax",
        "ukrinform",
        "the kyiv independent",
        "kyiv independent",
        "le monde",
        "der spiegel",
        "die welt",
        "bild",
        "meet the press",
        "face the nation",
        "this week",
        "state of the union",
        "newsmax",
        "the atlantic",
        "the times",
        "the telegraph",
        "the independent",
        "deutsche welle",
        "dw",
        "rferl",
        "radio free europe",
        "voice of america",
        "fox business",
        "cnbc",
        "punchbowl news",
        "semafor",
        "the hill",
        "newsweek",
        "time",
    ]
)
_OUTLET_SHAPE = re.compile(
    r"^(?:[Tt]he )?(?:[A-Z][\w.&'-]* )+(?:News|Times|Post|Journal|Herald|Tribune|Telegraph|"
    r"Guardian|Gazette|Radio|TV|Television|Broadcasting|Network|Agency|Press|Channel|Sunday|"
    r"Today|Tonight|Daily|Observer|Independent|Chronicle|Magazine)$"
)
_CAP = r"(?:[Tt]he )?[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,4}"
_INTERVIEW = re.compile(
    rf"\b(?P<cue>(?:told|tells|telling|said to|says to|speaking to|spoke to|in an interview with|"
    rf"interviewed by|in remarks to|confirmed to|said on|speaking on|appearing on|"
    rf"in an appearance on|on)\s+(?P<outlet>{_CAP}))"
)
_PRESS = re.compile(
    r"(?i)\b(?P<cue>(?:told|tells|telling|speaking to|said to) (?:reporters|journalists|the press|"
    r"a (?:joint )?(?:press|news) conference)|(?:at|during|told) (?:a|the|their) (?:joint )?"
    r"(?:press|news) (?:conference|briefing)|(?:speaking|standing|appearing) alongside|"
    r"joint (?:press )?appearance|press briefing|news briefing|in (?:a|his|her) (?:speech|address))"
)
_SOCIAL = re.compile(
    r"(?i)\b(?P<cue>(?:on|in a post on|posted on|wrote on|writing on) (?P<platform>social media|"
    r"Truth Social|X|Twitter|Telegram|Facebook|Instagram|TikTok|Bluesky)|"
    r"(?:in a |a )?(?:social media |social-media )?post(?:ed)?\b|tweet(?:ed)?)"
)


# said to a party of the talks, not to the press: known only through others' reports
_PRIVATE = re.compile(
    rf"\b(?P<cue>(?:has |have |had )?(?:told|tells|informed|assured|warned|briefed|notified) "
    rf"(?P<party>{_CAP}))"
)


@dataclass(frozen=True)
class VenueGuess:
    """A venue as the draft proposes it: label, kind, outlet id (or a new outlet's name)."""

    label: str
    kind: str
    outlet: str | None
    new_outlet: str | None
    cue: str


def looks_like_outlet(name: str) -> bool:
    """True when ``name`` is a known news organisation or has an outlet's shape.

    >>> looks_like_outlet("the Wall Street Journal"), looks_like_outlet("Ukraine")
    (True, False)
    """
    clean = fold(name).strip()
    return clean.casefold() in KNOWN_OUTLETS or bool(_OUTLET_SHAPE.match(clean))


def find_venue(
    clause: str, outlets: dict[str, str], named: list[tuple[str, str]]
) -> VenueGuess | None:
    """The venue an attribution clause names, else None.

    ``outlets`` maps folded surface forms of registry media outlets to ids
    (and those of other registry actors to ``""``: never an outlet);
    ``named`` lists (label, id or '') of outlets already named in the article,
    latest last, for short forms such as "the Journal".
    """
    text = fold(clause)
    social = _SOCIAL.search(text)
    if social:
        platform = social.group("platform") or "social media"
        return VenueGuess(platform, "social_media", None, None, social.group("cue"))
    for m in _INTERVIEW.finditer(text):
        found = _outlet(m.group("outlet"), outlets, named)
        if found is not None:
            label, ident, new = found
            cue = text[m.start("cue") : m.start("outlet")] + label
            return VenueGuess(label, "interview", ident, new, cue.strip())
    press = _PRESS.search(text)
    if press:
        cue = press.group("cue")
        return VenueGuess(cue[0].lower() + cue[1:], "press_appearance", None, None, cue)
    for m in _PRIVATE.finditer(text):
        party = m.group("party").rstrip(".")
        if outlets.get(party.casefold()) == "" or outlets.get(party.casefold()[4:]) == "":
            cue = m.group("cue").rstrip(".")
            return VenueGuess(cue, "private_communication", None, None, cue)
    return None


def _outlet(
    phrase: str, outlets: dict[str, str], named: list[tuple[str, str]]
) -> tuple[str, str | None, str | None] | None:
    """(label, registry id, new outlet name) for the longest outlet at the start of ``phrase``."""
    words = phrase.split()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n]).rstrip(".")
        bare = re.sub(r"^[Tt]he ", "", cand)
        ident = outlets.get(cand.casefold(), outlets.get(bare.casefold()))
        if ident == "":
            return None  # a registry actor that is no outlet ("told Ukraine")
        if ident is not None:
            return bare, ident, None
        short = re.fullmatch(r"[Tt]he ([A-Z]\w+)", cand)
        if short:
            for label, ident2 in reversed(named):
                if short.group(1) in label.split():
                    return label, ident2 or None, None if ident2 else label
        if looks_like_outlet(cand):
            return bare, None, bare
    return None
