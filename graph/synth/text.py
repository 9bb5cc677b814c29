"""Names, sentences and YAML output for the synthetic corpus generator (:mod:`graph.synth.corpus`).

Everything is drawn from a caller's :class:`random.Random`, so a seed fixes
every name and sentence. Records are written as YAML by hand (free text as
JSON strings, which are YAML double-quoted scalars), so the output is
byte-stable and fast.

>>> import random
>>> names = Names(random.Random(3))
>>> person = names.person()
>>> person["kind"], person["id"] == person["id"].lower()
('person', True)
>>> filler_sentence(random.Random(3)).endswith(".")
True
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

__all__ = [
    "Names",
    "claim_clause",
    "filler_sentence",
    "quoted",
    "record_lines",
    "scalar",
    "section_file",
    "source_file",
    "straight",
    "typeset",
]

_SYLLABLES = [
    "ar",
    "ven",
    "tal",
    "mor",
    "esk",
    "ri",
    "don",
    "sla",
    "bel",
    "gra",
    "thu",
    "lin",
    "var",
    "ost",
    "kel",
    "ma",
    "nor",
    "quis",
    "zan",
    "dor",
]
_FIRST = [
    "Anna",
    "Boris",
    "Clara",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Irina",
    "Jonas",
    "Katya",
    "Lev",
    "Marta",
    "Nikolai",
    "Olga",
    "Pavel",
    "Rosa",
    "Stefan",
    "Tamara",
    "Viktor",
    "Yulia",
    "Zoran",
    "Oksana",
    "Taras",
    "Mykola",
    "Sofia",
]
_LAST = [
    "Adler",
    "Brandt",
    "Costa",
    "Dragan",
    "Ekholm",
    "Fischer",
    "Horvat",
    "Ivanov",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Marin",
    "Novak",
    "Orlov",
    "Petrenko",
    "Quist",
    "Roth",
    "Sokolov",
    "Tkachenko",
    "Varga",
    "Weber",
    "Zeller",
    "O'Brien",
    "Moreau",
]
_SUBJECTS = {
    "security_guarantee": "security guarantees",
    "territory": "the line of contact",
    "ceasefire": "a ceasefire",
    "sanctions": "sanctions relief",
    "summit": "a leaders' summit",
    "alliance_membership": "alliance membership",
    "foreign_military_presence": "foreign troops",
}
_QUALIFIERS = [
    "in the north",
    "along the river",
    "for the ports",
    "over grain exports",
    "for the energy grid",
    "in the coastal region",
    "for prisoner exchanges",
    "over the airspace",
    "for the border crossings",
    "in the eastern districts",
]
_FILLER = [
    "talks would resume after the holiday",
    "the delegations had not yet agreed a text",
    "officials declined to give a timetable",
    "the mood at the table was described as businesslike",
    "negotiators met late into the night",
    "observers expect a long process - and few quick wins",
    "no written record of the meeting was released",
    "the two sides exchanged drafts on Tuesday",
]


class Names:
    """Deterministic, unique names and slugs for actors, places and headlines."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.forms: set[str] = set()  # name keys of every actor's id, name and aliases

    def _unique(self, slug: str) -> str:
        base, n = slug, 1
        while slug in self.used:
            n += 1
            slug = f"{base}-{n}"
        self.used.add(slug)
        return slug

    def _word(self, parts: int) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()

    def _actor(self, name: str, kind: str, aliases: list[str] | None = None) -> dict[str, Any]:
        """An actor whose id, name and aliases name no other (schemas.names.name_key)."""
        from schemas.names import name_key

        ident = self._unique(_slug(name))
        while name_key(name) in self.forms:
            name = f"{name} {self._word(1)}"
        actor: dict[str, Any] = {"id": ident, "name": name, "kind": kind}
        kept = []
        for form in [ident, name, *(aliases or [])]:
            if name_key(form) not in self.forms or form in (ident, name):
                kept.append(form)
                self.forms.add(name_key(form))
        if aliases is not None:
            actor["aliases"] = kept[2:]
        return actor

    def state(self) -> dict[str, Any]:
        name = self._word(2) + self.rng.choice(["ia", "land", "stan", "ova"])
        capital = self.city()
        aliases = [capital, f"the {name[:-1]}ian government", f"the {name}n side"]
        return self._actor(name, "state", aliases)

    def outlet(self) -> dict[str, Any]:
        name = f"{self._word(2)} {self.rng.choice(['News', 'Times', 'Radio', 'Herald'])}"
        return self._actor(name, "media_outlet")

    def person(self) -> dict[str, Any]:
        first, last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
        return self._actor(f"{first} {last}", "person", [last, f"{first[0]}. {last}"])

    def city(self) -> str:
        return self._word(2) + self.rng.choice(["grad", "burg", "polis", "ava", "sk"])

    def topic_label(self, kind: str) -> str:
        return f"{_SUBJECTS[kind].capitalize()} {self.rng.choice(_QUALIFIERS)}"

    def headline(self, rng: random.Random) -> str:
        subject = rng.choice(list(_SUBJECTS.values()))
        return f"What the latest round means for {subject} {rng.choice(_QUALIFIERS)}"


def _slug(name: str) -> str:
    return "-".join("".join(c for c in part if c.isalnum()) for part in name.lower().split())


def claim_clause(rng: random.Random, claim: dict[str, Any]) -> str:
    """A sentence that asserts ``claim`` (a concession, position or meeting record)."""
    ident: str = claim["id"]
    if ident.startswith("concession-"):
        verb = rng.choice(
            ["had agreed to give ground on", "was ready to yield on", "could accept a deal on"]
        )
        return f"{claim['_actor']['name']} {verb} {claim['_label']}."
    if ident.startswith("position-"):
        verb = {
            "supports": "backs",
            "opposes": "is against",
            "accepts": "can live with",
            "rejects": "has turned down",
            "demands": "insists on",
            "considers": "is weighing",
        }[claim["stance"]]
        return f"{claim['_actor']['name']} {verb} {claim['_label']}."
    if ident.startswith(("proposal-", "provision-")):
        verb = rng.choice(["put forward", "tabled", "circulated"])
        what = "a draft on" if ident.startswith("provision-") else "the draft called"
        return f"{claim['_actor']['name']} {verb} {what} {claim['_label']}."
    return f"the {claim['_label']} were on the agenda - {rng.choice(_FILLER)}."


def filler_sentence(rng: random.Random) -> str:
    """A sentence of colour that claims nothing."""
    text = rng.choice(_FILLER)
    return f"{text[0].upper()}{text[1:]}."


# --- text and YAML output ------------------------------------------------------------------
def quoted(words: str, curly: bool) -> str:
    return f"\u201c{words}\u201d" if curly else f'"{words}"'


def straight(text: str) -> str:
    return text.replace("\u201c", '"').replace("\u201d", '"')


def typeset(text: str, curly: bool) -> str:
    """Curly apostrophes and en dashes in typographic texts; straight ones elsewhere."""
    if curly:
        return text.replace("'", "\u2019").replace(" - ", " \u2013 ")
    return straight(text)


def scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if text.replace("-", "").replace("_", "").isalnum() and text.islower() and text[0].isalpha():
        return text if text not in {"y", "n", "yes", "no", "on", "off", "null"} else f'"{text}"'
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def record_lines(record: dict[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in record.items():
        if key.startswith("_"):
            continue
        head = f"{indent}- " if not lines else f"{indent}  "
        if (
            isinstance(value, list)
            and value
            and isinstance(value[0], dict | str)
            and (key in {"affiliations", "participants", "furniture", "provisions"})
        ):
            lines.append(f"{head}{key}:")
            lines.extend(f"{indent}    - {scalar(v)}" for v in value)
        else:
            lines.append(f"{head}{key}: {scalar(value)}")
    return lines


def section_file(name: str, records: list[dict[str, Any]]) -> str:
    lines = [f"# Synthetic {name} (detente synth).", f"{name}:"]
    for record in records:
        lines.extend(record_lines(record, "  "))
    return "\n".join(lines) + "\n"


def source_file(source: dict[str, Any], statements: list[dict[str, Any]]) -> str:
    lines = ["source:"]
    lines += [f"  {k}: {scalar(v)}" for k, v in source.items() if k != "furniture"]
    lines += ["  furniture:", *(f"    - {scalar(v)}" for v in source["furniture"])]
    lines.append("statements:")
    for st in statements:
        lines.extend(record_lines(st, "  "))
    return "\n".join(lines) + "\n"
