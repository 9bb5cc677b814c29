"""Resolve speaker phrases to actors: registry names, pronouns, titles, new and unnamed actors.

In this order: a registry name or alias; a pronoun ("he", "she") to the
nearest person named before it (inside the same quote first); a title ("the
president") to the nearest person who holds it; an unnamed source ("a person
familiar with the call") to an unnamed actor of its own, never to anyone
named; a name the registry lacks to a new actor with the surface form as an
alias (a later surname-only mention reuses it).

>>> from graph.draft.names import Registry
>>> from schemas.models import Actor
>>> reg = Registry({"marco-rubio": Actor(id="marco-rubio", name="Marco Rubio", kind="person",
...                                      aliases=["Rubio"])})
>>> text = "Rubio spoke. He said it. German Chancellor Friedrich Merz said no. Merz left."
>>> sp = Speakers(reg, text, set())
>>> sp.resolve("He", 13).actor, sp.resolve("He", 13).rule
('marco-rubio', 'pronoun-nearest-person')
>>> sp.resolve("German Chancellor Friedrich Merz", 25).actor
'friedrich-merz'
>>> sp.resolve("Merz", 68).rule
'new-actor-surname'
>>> sp.resolve("a person familiar with the call", 70).actor
'unnamed-person-familiar-with-the-call'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.draft.names import (
    DESCRIPTORS,
    TITLES,
    Registry,
    capitalised_names,
    slug,
    strip_titles,
)
from graph.draft.venues import looks_like_outlet

__all__ = ["NewActor", "Resolved", "Speakers"]

_BODY = re.compile(
    r"\b(?:House|Ministry|Office|Department|Council|Commission|Administration|Government|"
    r"Kremlin|Parliament|Congress|Senate|Cabinet|Presidency|Agency)$"
)
_ARTICLES = (
    "one of the ",
    "one of ",
    "a ",
    "an ",
    "the ",
    "one ",
    "two ",
    "several ",
    "some ",
    "many ",
)


@dataclass
class NewActor:
    """An actor the registry lacks, proposed by the draft."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    note: str = ""
    rule: str = ""


@dataclass(frozen=True)
class Resolved:
    """A speaker resolved to an actor id, and the rule that resolved it."""

    actor: str
    rule: str


class Speakers:
    """Speaker resolution over one article, keeping the new actors it proposes."""

    def __init__(self, registry: Registry, text: str, taken: set[str]) -> None:
        self.registry = registry
        self.text = text
        self.taken = set(taken)
        self.new: dict[str, NewActor] = {}
        # (offset, actor id, surface) for every person named: registry people and likely names
        people: list[tuple[int, str, str]] = []
        for m in registry.find(text):
            if m.kind == "person":
                people.append((m.start, m.actor, m.surface))
        known = {(p[0]) for p in people}
        for m in capitalised_names(text):
            name = strip_titles(m.surface)
            titled = name != m.surface
            if m.start in known or registry.lookup(name) or registry.lookup(m.surface):
                continue
            if any(m.start <= k < m.end for k in known):
                continue
            if titled or (len(name.split()) >= 2 and not looks_like_outlet(name)):
                people.append((m.start, f"?{name}", m.surface))
        # a later surname alone ("Macron said") names the person introduced in full before
        for offset, actor, _surface in list(people):
            if not actor.startswith("?") or " " not in actor:
                continue
            surname = actor.split()[-1]
            for hit in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
                at = hit.start()
                if at > offset and not any(q[0] <= at < q[0] + len(q[2]) for q in people):
                    people.append((at, actor, surname))
        self.people = sorted(people)
        self.recent: list[tuple[str, str]] = []  # (phrase, actor) of every speaker resolved

    def name_of(self, actor: str) -> str:
        """The display name of a registry or new actor, without a leading 'The'."""
        known = self.registry.actors.get(actor)
        name = known.name if known is not None else self.new[actor].name
        return name[4:] if name.startswith("The ") else name

    def resolve(
        self, phrase: str, at: int, window: tuple[int, int] | None = None
    ) -> Resolved | None:
        """The actor ``phrase`` (standing at offset ``at``) names, or None when it names nobody."""
        found = self._resolve(phrase, at, window)
        if found is not None:
            self.recent.append((phrase, found.actor))
        return found

    def _group(self, actor: str) -> bool:
        known = self.registry.actors.get(actor)
        kind = known.kind.value if known is not None else self.new[actor].kind
        return kind in {"informal_group", "organization", "alliance"}

    def _resolve(
        self, phrase: str, at: int, window: tuple[int, int] | None = None
    ) -> Resolved | None:
        p = phrase.strip().strip(",")
        if p.endswith(".") and p[-2:-1].islower():
            p = p[:-1]
        for lead in ("and ", "but "):
            if p.casefold().startswith(lead):
                p = p[len(lead) :]
        low = p.casefold()
        found = self.registry.lookup(p)
        if found is not None:
            return Resolved(found, "registry-name")
        if looks_like_outlet(p) or self._short_outlet(p):
            return Resolved(self.outlet(p), "outlet")
        if low in {"he", "she", "him", "her"}:
            person = self._nearest(at, window)
            return None if person is None else Resolved(person, "pronoun-nearest-person")
        if low in {"they", "them"}:  # the last group that spoke, never a guess beyond it
            group = next((a for _p, a in reversed(self.recent) if self._group(a)), None)
            return None if group is None else Resolved(group, "pronoun-they-last-group")
        words = low.split()
        if any(w.strip(".,") in DESCRIPTORS for w in words) and not self._named_after(p):
            head = next((w for w in reversed(words) if w.strip(".,") in DESCRIPTORS), "")
            if low.startswith("the ") and len(words) <= 3:  # "the officials": those just named
                for earlier, actor in reversed(self.recent):
                    if head in earlier.casefold().split() and earlier.casefold() != low:
                        return Resolved(actor, "definite-descriptor-earlier-source")
            return Resolved(self._unnamed(p), "unnamed-source")
        if low.startswith("the ") and len(words) <= 3 and words[-1] in TITLES:
            holder = self._holder(words[-1], at)
            if holder is not None:
                return Resolved(holder, "title-nearest-holder")
            if p.split()[-1].islower():
                return None  # "the president" with no president named before
            # a capitalised institution ("the White House"): a name of its own, below
        for m in reversed(self.registry.find(p)):
            if m.end == len(p) and m.kind in {"person", "media_outlet", "state"}:
                return Resolved(m.actor, "registry-name-in-phrase")
        name = strip_titles(p)
        if name.casefold() in TITLES:  # "the White House": the title words are the name
            name = re.sub(r"^[Tt]he ", "", p)
        found = self.registry.lookup(name)
        if found is not None:
            return Resolved(found, "registry-name-after-title")
        if not any(w[:1].isupper() for w in name.split()):
            return None
        return self._new(name, p)

    def _spelling(self, name: str) -> str | None:
        """A registry person whose name or alias is a spelling variant of ``name`` (Zelensky)."""
        from rapidfuzz import fuzz

        best: tuple[float, str] | None = None
        for form, actor in self.registry.forms.items():
            if self.registry.kind(actor) != "person" or form[:1] != name[:1].casefold():
                continue
            score = fuzz.ratio(form, name.casefold())
            if score >= 90 and (best is None or score > best[0]):
                best = (score, actor)
        return None if best is None else best[1]

    def outlet(self, label: str) -> str:
        """Id of the new media-outlet actor for ``label`` (proposed on first use)."""
        name = label[4:] if label.casefold().startswith("the ") else label
        for actor in self.new.values():
            if actor.name.casefold() == name.casefold():
                return actor.id
        short = self._short_outlet(label)
        if short is not None:
            return short
        return self._propose(name, "media_outlet", [label], "new-outlet", "").id

    def _short_outlet(self, label: str) -> str | None:
        """The outlet a short form such as "the Journal" stands for: the last one so named."""
        m = re.fullmatch(r"[Tt]he ([A-Z]\w+)", label.strip())
        if m is None:
            return None
        name = m.group(1)
        for actor in reversed(self.new.values()):
            if actor.kind == "media_outlet" and name in actor.name.split():
                return actor.id
        for ident, known in self.registry.actors.items():
            if known.kind.value == "media_outlet" and name in known.name.split():
                return ident
        return None

    def _nearest(self, at: int, window: tuple[int, int] | None) -> str | None:
        before = [p for p in self.people if p[0] < at]
        if window is not None:
            inside = [p for p in before if window[0] <= p[0]]
            if inside:
                before = inside
        if not before:
            return None
        return self._actor_of(before[-1])

    def _holder(self, title: str, at: int) -> str | None:
        for offset, actor, surface in reversed([p for p in self.people if p[0] < at]):
            context = self.text[max(0, offset - 40) : offset + len(surface)].casefold()
            roles = []
            if actor in self.registry.actors:
                roles = [a.role.casefold() for a in self.registry.actors[actor].affiliations]
            if title in context or any(title in r for r in roles):
                return self._actor_of((offset, actor, surface))
        return None

    def _actor_of(self, person: tuple[int, str, str]) -> str:
        _offset, actor, surface = person
        if not actor.startswith("?"):
            return actor
        resolved = self._new(actor[1:], surface)
        return resolved.actor

    def _named_after(self, phrase: str) -> bool:
        """True when a capitalised name follows the descriptor ("envoy Steve Witkoff")."""
        words = phrase.split()
        for i, w in enumerate(words):
            if w.casefold().strip(".,") in DESCRIPTORS:
                return i + 1 < len(words) and words[i + 1][:1].isupper()
        return False

    def _unnamed(self, phrase: str) -> str:
        head = next((w for w in reversed(phrase.casefold().split()) if w in DESCRIPTORS), "")
        for actor in reversed(self.new.values()):
            if phrase in actor.aliases:
                return actor.id
            definite = phrase.casefold().startswith("the ")
            if definite and actor.rule == "unnamed-source" and head in actor.name.split():
                actor.aliases.append(phrase)
                return actor.id  # "the officials": the unnamed officials named just before
        core = phrase
        for lead in _ARTICLES:
            if core.casefold().startswith(lead):
                core = core[len(lead) :]
                break
        plural = any(w.casefold() in DESCRIPTORS and w.endswith("s") for w in phrase.split())
        note = (
            f"Unnamed in the source: {phrase!r}. Kept as its own actor; "
            "not identified with anyone named."
        )
        return self._propose(
            f"unnamed {core}", "informal_group" if plural else "person", [phrase],
            "unnamed-source", note,
        ).id  # fmt: skip

    def _new(self, name: str, surface: str) -> Resolved:
        found = self.registry.lookup(name)
        if found is not None:
            return Resolved(found, "registry-name-after-title")
        close = self._spelling(name)
        if close is not None:
            return Resolved(close, "registry-spelling-variant")
        last = name.split()[-1].casefold()
        for actor in self.new.values():
            if actor.kind == "person" and actor.name.split()[-1].casefold() == last:
                if surface not in actor.aliases and surface != actor.name:
                    actor.aliases.append(surface)
                return Resolved(actor.id, "new-actor-surname")
        if " " not in name:  # a surname alone: the full name mentioned before, if any
            full = [p for p in self.people if p[1].startswith("?") and p[1].split()[-1] == name]
            if full:
                surface, name = full[0][2], full[0][1][1:]
                aliases = [a for a in (surface, name.split()[-1]) if a != name]
                note = "Proposed by detente draft: the registry does not know this name."
                return Resolved(self._propose(name, "person", aliases, "new-actor", note).id,
                                "new-actor-full-name-mentioned-before")  # fmt: skip
        kind = "media_outlet" if looks_like_outlet(name) and len(name.split()) > 1 else "person"
        if kind == "person" and _BODY.search(name):
            kind = "organization"  # "the White House", "the Foreign Ministry"
        aliases = [surface] if surface != name else []
        note = "Proposed by detente draft: the registry does not know this name."
        return Resolved(self._propose(name, kind, aliases, "new-actor", note).id, "new-actor")

    def _propose(self, name: str, kind: str, aliases: list[str], rule: str, note: str) -> NewActor:
        base = slug(name)
        ident, n = base, 2
        while ident in self.taken or ident in self.new:
            ident, n = f"{base}-{n}", n + 1
        actor = NewActor(ident, name, kind, aliases, note, rule)
        self.new[ident] = actor
        return actor
