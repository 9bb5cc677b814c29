"""Names in an article: registry actors found by name or alias, and names nobody knows.

:class:`Registry` matches every id, name and alias of the registry's actors
in text (typographic quotes folded; a lowercase alias such as "the president"
also matches capitalised at a sentence start) and suggests the closest known
actors for an unknown name with rapidfuzz (imported on first use).

>>> from schemas.models import Actor
>>> reg = Registry({"russia": Actor(id="russia", name="Russia", kind="state",
...                                 aliases=["Moscow", "the Russians"])})
>>> [(m.surface, m.actor) for m in reg.find("The Russians met Moscow's envoy.")]
[('The Russians', 'russia'), ('Moscow', 'russia')]
>>> reg.lookup("the russians"), reg.lookup("Paris")
('russia', None)
>>> reg.closest("Moskow")
['russia (Moscow)']
>>> [n.surface for n in capitalised_names("Then French President Emmanuel Macron spoke.")]
['French President Emmanuel Macron']
>>> strip_titles("French President Emmanuel Macron")
'Emmanuel Macron'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from graph.draft.article import fold
from schemas.models import Actor

__all__ = [
    "DEMONYM",
    "DESCRIPTORS",
    "TITLES",
    "Mention",
    "Registry",
    "capitalised_names",
    "slug",
    "strip_titles",
]

# words that head a description of an unnamed source ("a person familiar with the call")
DESCRIPTORS = frozenset(
    [
        "official",
        "officials",
        "source",
        "sources",
        "diplomat",
        "diplomats",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "aide",
        "aides",
        "person",
        "people",
        "negotiator",
        "negotiators",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "analyst",
        "analysts",
        "observer",
        "observers",
        "lawmaker",
        "lawmakers",
        "insider",
        "insiders",
        "officer",
        "officers",
        "representative",
        "representatives",
        "delegate",
        "delegates",
        "participant",
        "participants",
        "staffer",
        "staffers",
        "member",
        "members",
        "leaders",
    ]
)
# titles and ranks that precede a name ("German Chancellor Friedrich Merz")
TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "chancellor",
        "secretary",
        "state",
        "envoy",
        "special",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "gov.",
        "governor",
        "ambassador",
        "general",
        "gen.",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "king",
        "queen",
        "pope",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "chief",
        "adviser",
        "advisor",
        "commissioner",
        "premier",
        "mayor",
        "director",
        "host",
        "byline",
        "correspondent",
        "reporter",
        "former",
        "deputy",
        "head",
        "top",
        "senior",
        "u.s.",
        "us",
        "uk",
        "eu",
        "un",
        "nato",
        "white",
        "house",
        "kremlin",
        "national",
        "security",
        "counselor",
        "counsellor",
        "of",
        "the",
    ]
)
DEMONYM = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|an|ish|ese)|French|Dutch|Czech|Greek|Thai|Swiss|Israeli|Iraqi|Saudi|"
    r"Pakistani|Qatari|Emirati|Kuwaiti|Yemeni|Omani|Afghan|U\.?S\.?|U\.?K\.?|E\.?U\.?)$"
)
_WORD = r"(?:[A-Z][\w'\u2019.\-]*[\w]|[A-Z]\.?)"
_NAME = re.compile(rf"{_WORD}(?:(?:\s|\s(?:of|the|von|der|de|da|bin|al|van|la)\s){_WORD})*")
# capitalised words that begin sentences but name nobody
_COMMON = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "so",
        "yet",
        "for",
        "nor",
        "if",
        "as",
        "at",
        "by",
        "in",
        "of",
        "on",
        "to",
        "up",
        "with",
        "from",
        "after",
        "before",
        "although",
        "though",
        "while",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "why",
        "how",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "such",
        "any",
        "some",
        "many",
        "much",
        "more",
        "most",
        "other",
        "another",
        "each",
        "every",
        "all",
        "both",
        "no",
        "not",
        "there",
        "here",
        "then",
        "now",
        "also",
        "later",
        "earlier",
        "yeah",
        "yes",
        "well",
        "frankly",
        "ultimately",
        "meanwhile",
        "however",
        "speaking",
        "asked",
        "should",
        "would",
        "could",
        "can",
        "will",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "one",
        "two",
        "three",
        "our",
        "their",
        "his",
        "her",
        "its",
        "my",
        "your",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "twenty",
        "twenty-six",
        "thirty",
        "forty",
        "fifty",
        "on-the-record",
        "according",
        "despite",
        "under",
        "over",
        "about",
        "against",
        "between",
        "during",
        "without",
        "within",
        "instead",
        "still",
        "even",
        "just",
        "only",
    ]
)


@dataclass(frozen=True)
class Mention:
    """A registry actor named in the text: offsets, surface form, actor id and kind."""

    start: int
    end: int
    surface: str
    actor: str
    kind: str


def slug(text: str, limit: int = 60) -> str:
    """A lowercase slug for ``text`` (ASCII letters and digits, single hyphens).

    >>> slug("Friedrich Merz"), slug("The Wall Street Journal"), slug("Élysée!")
    ('friedrich-merz', 'the-wall-street-journal', 'elysee')
    """
    import unicodedata

    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", flat.lower())
    out = "-".join(words)[:limit].strip("-")
    return out or "x"


def strip_titles(phrase: str) -> str:
    """``phrase`` without the titles, ranks and demonyms in front of a name."""
    words = phrase.split()
    while len(words) > 1 and (words[0].casefold() in TITLES or DEMONYM.match(words[0])):
        words.pop(0)
    return " ".join(words)


def capitalised_names(text: str, offset: int = 0) -> list[Mention]:
    """Runs of capitalised words in ``text`` that may be names (actor left empty).

    A leading common word ("The", "After", "Speaking") is dropped; possessive
    ``'s`` is cut off.
    """
    out: list[Mention] = []
    for m in _NAME.finditer(fold(text)):
        a, b = m.span()
        surface = text[a:b]
        words = surface.split()
        while words and words[0].casefold().strip(".") in _COMMON:
            a += len(words[0])
            rest = text[a:b]
            a += len(rest) - len(rest.lstrip())
            words.pop(0)
        while words and words[-1].casefold() in {"of", "the"}:
            words.pop()
        if not words:
            continue
        surface = " ".join(words)
        surface = re.sub(r"['\u2019]s?$", "", surface)
        b = a + len(surface)
        if len(surface) < 2 or surface.casefold() in _COMMON or surface.isdigit():
            continue
        out.append(Mention(a + offset, b + offset, text[a:b], "", ""))
    return out


class Registry:
    """The registry's actors by every surface form, with a matcher and fuzzy hints."""

    def __init__(self, actors: Mapping[str, Actor]) -> None:
        self.actors = dict(actors)
        self.forms: dict[str, str] = {}
        for actor in self.actors.values():
            for form in (actor.name, *actor.aliases, actor.id):
                self.forms.setdefault(fold(form).casefold(), actor.id)
        alternatives = []
        for form in sorted(self.forms, key=len, reverse=True):
            source = next(
                fold(f)
                for a in [self.actors[self.forms[form]]]
                for f in (a.name, *a.aliases, a.id)
                if fold(f).casefold() == form
            )
            if source == source.lower() and "-" in source and " " not in source:
                continue  # an id such as "steve-witkoff" is not a surface form
            head = re.escape(source[0])
            if source[0].islower():
                head = f"[{re.escape(source[0])}{re.escape(source[0].upper())}]"
            alternatives.append(head + re.escape(source[1:]))
        body = "|".join(alternatives) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")

    def kind(self, actor: str) -> str:
        """The kind of a registry actor ('person', 'state', ...)."""
        return str(self.actors[actor].kind.value)

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Every registry name or alias in ``text``, longest forms first, left to right."""
        out = []
        for m in self._pattern.finditer(fold(text)):
            actor = self.forms[m.group(0).casefold()]
            a, b = m.span()
            out.append(Mention(a + offset, b + offset, text[a:b], actor, self.kind(actor)))
        return out

    def lookup(self, phrase: str) -> str | None:
        """The actor id a phrase names exactly (case and quote style ignored), else None."""
        return self.forms.get(fold(phrase.strip()).casefold())

    def outlets(self) -> dict[str, str]:
        """Folded surface form -> id of every media-outlet actor."""
        return {f: a for f, a in self.forms.items() if self.kind(a) == "media_outlet"}

    def closest(self, phrase: str, n: int = 3, cutoff: float = 70.0) -> list[str]:
        """Up to ``n`` 'id (surface form)' hints for an unknown name, by rapidfuzz WRatio."""
        from rapidfuzz import fuzz, process

        forms = list(self.forms)
        hits = process.extract(
            fold(phrase).casefold(), forms, scorer=fuzz.WRatio, limit=n * 3, score_cutoff=cutoff
        )
        out: list[str] = []
        seen: set[str] = set()
        for form, _score, _index in hits:
            actor = self.actors[self.forms[form]]
            if actor.id in seen:
                continue
            seen.add(actor.id)
            surface = next(
                (f for f in (actor.name, *actor.aliases) if fold(f).casefold() == form), actor.id
            )
            out.append(actor.id if surface == actor.id else f"{actor.id} ({surface})")
            if len(out) == n:
                break
        return out
