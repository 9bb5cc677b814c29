"""A deterministic generator of synthetic data folders, for tests and benchmarks.

:func:`generate` writes a folder shaped like real curation (``actors.yaml``,
``topics.yaml``, ``meetings.yaml``, ``concessions.yaml``, ``positions.yaml``
and ``sources/<id>.yaml`` beside ``sources/<id>.txt``) that passes
:func:`schemas.loader.load`. People are affiliated with states, so that some
concessions are confirmed by the conceder's side and others only claimed;
quotes use curly quotes and en dashes in some texts (written straight in the
records) to exercise normalisation; some statements are nested (``reported_by``).
The same ``seed`` always gives a byte-identical folder.

>>> import tempfile
>>> from schemas.loader import load
>>> with tempfile.TemporaryDirectory() as tmp:
...     stats = generate(120, Path(tmp) / "corpus", seed=7)
...     corpus = load(Path(tmp) / "corpus")
>>> len(corpus.statements), stats.statements
(120, 120)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.files import write_atomic
from graph.synth import negotiation
from graph.synth.text import (
    Names,
    claim_clause,
    filler_sentence,
    quoted,
    section_file,
    source_file,
    straight,
    typeset,
)
from schemas.errors import UsageError

__all__ = ["MAX_STATEMENTS", "MIN_STATEMENTS", "SynthStats", "generate", "plan_sources"]

MIN_STATEMENTS = 20  # enough to assert every generated claim
MAX_STATEMENTS = 1_000_000
_EPOCH = dt.date(2024, 1, 1)
_ROLES = ["President", "Foreign Minister", "Defence Minister", "spokesperson", "envoy"]
_MODALITIES = ("made", "offered", "hypothetical", "demanded", "proposed", "expected")
Progress = Callable[[int, int], None]


@dataclass
class SynthStats:
    """What :func:`generate` wrote: record counts and files."""

    statements: int = 0
    sources: int = 0
    files: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def plan_sources(statements: int, rng: random.Random) -> list[int]:
    """Statements per source: about 10-20 each (fewer only for tiny corpora), summing up.

    >>> counts = plan_sources(1000, random.Random(1))
    >>> sum(counts), min(counts) >= 10, max(counts) <= 20
    (1000, True, True)
    """
    sources = max(1, round(statements / 15))
    counts = [statements // sources + (i < statements % sources) for i in range(sources)]
    for i in range(0, sources - 1, 2):  # shift a few between neighbours, keeping 10..20
        room = min(counts[i] - 10, 20 - counts[i + 1], counts[i + 1] - 10, 20 - counts[i])
        if room > 0:
            shift = rng.randint(-room, room)
            counts[i] -= shift
            counts[i + 1] += shift
    return counts


def generate(
    statements: int,
    out: str | Path,
    seed: int = 0,
    progress: Progress | None = None,
) -> SynthStats:
    """Write a synthetic data folder with ``statements`` statements to ``out``.

    ``out`` must not exist or be an empty folder; the corpus is written beside
    it and renamed into place, so a reader never sees half a corpus.
    Raises :class:`~schemas.errors.UsageError` for a bad size or target.
    """
    if not MIN_STATEMENTS <= statements <= MAX_STATEMENTS:
        raise UsageError(
            f"--statements must be {MIN_STATEMENTS} to {MAX_STATEMENTS:,}, not {statements}"
        )
    target = Path(out)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} exists and is not an empty folder; give a new folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        stats = _Writer(statements, seed, progress).write(tmp)
        tmp.chmod(0o755)
        tmp.replace(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return stats


class _Writer:
    """Builds the records in memory section by section and writes them out."""

    def __init__(self, statements: int, seed: int, progress: Progress | None) -> None:
        self.n = statements
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.progress = progress
        self.names = Names(self.rng)
        self.stats = SynthStats(statements=statements)
        self.turn = 0  # statements made so far, a nested pair counting once

    def write(self, root: Path) -> SynthStats:
        n, rng = self.n, self.rng
        states = [self.names.state() for _ in range(min(60, 6 + n // 1000))]
        outlets = [self.names.outlet() for _ in range(min(40, 4 + n // 2000))]
        people = [self.names.person() for _ in range(min(4000, max(8, n // 25)))]
        actors = self._actors(states, outlets, people)
        topics = self._topics(min(2000, 6 + n // 100))
        meetings = self._meetings(min(5000, max(3, n // 60)), people, states)
        concessions = self._concessions(max(3, n // 15), states, topics, meetings)
        plans = negotiation.proposals(rng, concessions, topics, states)
        positions = self._positions(max(3, n // 12), actors, topics)
        self.people = people
        self.people_of = {s["id"]: [p for p in people if p["_state"] == s["id"]] for s in states}
        self.claims = [*concessions, *positions, *meetings, *negotiation.claimables(plans)]
        rng.shuffle(self.claims)
        self.outlets, self.meetings = outlets, meetings
        for name, records in (
            ("actors", actors),
            ("topics", topics),
            ("meetings", meetings),
            ("proposals", plans),
            ("concessions", concessions),
            ("positions", positions),
        ):
            write_atomic(root / f"{name}.yaml", section_file(name, records).encode("utf-8"))
            self.stats.counts[name] = len(records)
        (root / "sources").mkdir()
        counts = plan_sources(n, rng)
        done = 0
        for index, count in enumerate(counts):
            self._source(root / "sources", index, count, len(counts))
            done += count
            if self.progress is not None:
                self.progress(done, n)
        self.stats.sources = len(counts)
        self.stats.counts.update(sources=len(counts), statements=n, commitments=0, responses=0)
        self.stats.files = 6 + 2 * len(counts)
        return self.stats

    # --- the shared records -------------------------------------------------------------
    def _actors(
        self, states: list[dict[str, Any]], outlets: list[dict[str, Any]], people: list[Any]
    ) -> list[dict[str, Any]]:
        rng = self.rng
        bloc = {
            "id": "synthetic-alliance",
            "name": "Synthetic Treaty Organisation",
            "kind": "alliance",
            "aliases": ["the Alliance", "STO"],
        }
        for i, person in enumerate(people):
            state = states[i % len(states)]
            person["_state"] = state["id"]
            aff: dict[str, Any] = {"of": state["id"], "role": _ROLES[i % len(_ROLES)]}
            if i % 11 == 5:  # a former official: speaks for the state only until 2024-06-30
                aff["end"] = dt.date(2024, 6, 30)
            person["affiliations"] = [aff]
        for state in states[: max(2, len(states) // 2)]:
            state["affiliations"] = [{"of": bloc["id"], "role": "member state"}]
        group = {
            "id": "hawkish-legislators",
            "name": "Hawkish legislators",
            "kind": "informal_group",
            "aliases": ["the hawks"],
            "affiliations": [{"of": states[0]["id"], "role": "members of parliament"}],
        }
        rng.shuffle(people)
        return [*states, bloc, group, *outlets, *people]

    def _topics(self, count: int) -> list[dict[str, Any]]:
        kinds = [
            "security_guarantee",
            "territory",
            "ceasefire",
            "sanctions",
            "summit",
            "alliance_membership",
            "foreign_military_presence",
        ]
        out: list[dict[str, Any]] = []
        for i in range(count):
            label = self.names.topic_label(kinds[i % len(kinds)])
            topic: dict[str, Any] = {
                "id": f"topic-{i:05d}",
                "label": label,
                "kind": kinds[i % len(kinds)],
            }
            if i >= len(kinds) and self.rng.random() < 0.5:
                topic["broader"] = f"topic-{self.rng.randrange(len(kinds)):05d}"
            if i % 3 == 0:
                topic["description"] = f"What the parties mean by {label.lower()}."
            out.append(topic)
        return out

    def _meetings(
        self, count: int, people: list[dict[str, Any]], states: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        statuses = ["held", "held", "planned", "proposed", "cancelled"]
        for i in range(count):
            two = rng.sample(people, 2)
            status = statuses[i % len(statuses)]
            meeting: dict[str, Any] = {
                "id": f"meeting-{i:05d}",
                "title": f"Talks between {two[0]['name']} and {two[1]['name']}",
                "status": status,
                "location": self.names.city(),
                "participants": [{"actor": p["id"], "role": "principal"} for p in two],
            }
            if status != "proposed":
                meeting["start"] = _EPOCH + dt.timedelta(days=rng.randrange(700))
            if i % 4 == 0:
                meeting["participants"].append(
                    {"actor": rng.choice(states)["id"], "role": "invited"}
                )
            meeting["_label"] = meeting["title"].replace("Talks", "talks", 1)
            out.append(meeting)
        return out

    def _concessions(
        self,
        count: int,
        states: list[dict[str, Any]],
        topics: list[dict[str, Any]],
        meetings: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        kinds = [
            "acceptance_of_third_party_security_guarantee",
            "security_commitment",
            "territorial_pledge",
            "withdrawal",
            "recognition",
            "participation",
        ]
        for i in range(count):
            giver, taker = rng.sample(states, 2)
            topic = rng.choice(topics)
            c: dict[str, Any] = {
                "id": f"concession-{i:05d}",
                "conceder": giver["id"],
                "conceded_to": [taker["id"]],
                "topic": topic["id"],
                "kind": kinds[i % len(kinds)],
                "summary": f"{giver['name']} gives ground to {taker['name']} "
                f"on {topic['label'].lower()}.",
                "modality": _MODALITIES[i % len(_MODALITIES)],
            }
            if c["modality"] == "demanded":
                c["demanded_by"] = [taker["id"]]
            if i % 2 == 0:
                c["beneficiaries"] = [taker["id"]]
                c["form"] = ["verbal", "legislation", "written_agreement"][i % 3]
            if i % 5 == 0:
                c["made_at"] = rng.choice(meetings)["id"]
                c["placement"] = "stated" if i % 10 == 0 else "inferred"
                c["conditions"] = ["after a ceasefire"]
                c["plover"] = "CONCEDE"
            c["_actor"], c["_label"] = giver, topic["label"].lower()
            out.append(c)
        return out

    def _positions(
        self, count: int, actors: list[dict[str, Any]], topics: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        holders = [a for a in actors if a["kind"] in {"state", "person"}]
        stances = ["supports", "opposes", "accepts", "rejects", "demands", "considers"]
        for i in range(count):
            actor, topic = rng.choice(holders), rng.choice(topics)
            out.append(
                {
                    "id": f"position-{i:05d}",
                    "actor": actor["id"],
                    "topic": topic["id"],
                    "stance": stances[i % len(stances)],
                    "summary": f"{actor['name']} {stances[i % len(stances)]} "
                    f"{topic['label'].lower()}.",
                    "_actor": actor,
                    "_label": topic["label"].lower(),
                }
            )
        return out

    # --- one source with its statements ---------------------------------------------------
    def _source(self, folder: Path, index: int, count: int, total: int) -> None:
        rng = self.rng
        sid = f"src-{index:06d}"
        published = _EPOCH + dt.timedelta(days=(index * 720) // max(1, total - 1))
        curly = index % 2 == 0
        outlet = self.outlets[index % len(self.outlets)]
        paragraphs = [f"date {published.isoformat()}"]
        furniture = [paragraphs[0]]
        records: list[dict[str, Any]] = []
        made = 0
        while made < count:
            slot, self.turn = self.turn, self.turn + 1
            claim = self.claims[slot % len(self.claims)]
            # every claim is asserted at least once (on its first turn); later, mostly
            claims = [claim["id"]] if slot < len(self.claims) or rng.random() < 0.85 else []
            st, text = self._statement(sid, made, claim, claims, published, outlet, curly)
            nested = made + 2 <= count and st["mode"] != "narration" and rng.random() < 0.08
            if nested:
                other = rng.choice(self.people)
                inner = f"He said today that {filler_sentence(rng)}"
                text = (
                    quoted(
                        f"I agree with {other['name']}. {inner} We are ready to work on this,",
                        curly,
                    )
                    + f" {st['speaker_name']} said."
                )
                st.update(mode="direct_quote", text=text)
                records.append(st)
                records.append(
                    {
                        "id": f"{sid}-st-{made + 1:03d}",
                        "speaker": other["id"],
                        "mode": "paraphrase",
                        "venue": {"label": "not stated", "kind": "unspecified"},
                        "date": st["date"],
                        "text": inner,
                        "reported_by": st["id"],
                    }
                )
                made += 2
            else:
                records.append(st)
                made += 1
            if rng.random() < 0.5:
                text += " " + filler_sentence(rng)
            paragraphs.append(text)
            if rng.random() < 0.05:
                link = f"Also Read: {self.names.headline(rng)}"
                paragraphs.append(link)
                furniture.append(link)
        body = "\n\n".join(typeset(p, curly) for p in paragraphs) + "\n"
        for st in records:
            st.pop("speaker_name", None)
            verbatim = curly and rng.random() < 0.5  # else typed straight, as curators do
            st["text"] = typeset(st["text"], True) if verbatim else straight(st["text"])
        source: dict[str, Any] = {
            "id": sid,
            "title": self.names.headline(rng),
            "publisher": outlet["name"],
            "published": published,
            "url": f"https://news.example.org/{published.year}/{sid}",
            "kind": "news_article",
            "text": f"{sid}.txt",
            "furniture": furniture,
        }
        if index % 3 == 0:
            source["sha256"] = hashlib.sha256(body.encode("utf-8")).hexdigest()
        write_atomic(folder / f"{sid}.txt", body.encode("utf-8"))
        write_atomic(folder / f"{sid}.yaml", source_file(source, records).encode("utf-8"))

    def _statement(
        self,
        sid: str,
        made: int,
        claim: dict[str, Any],
        claims: list[str],
        published: dt.date,
        outlet: dict[str, Any],
        curly: bool,
    ) -> tuple[dict[str, Any], str]:
        rng = self.rng
        roll = rng.random()
        clause = claim_clause(rng, claim) if claims else filler_sentence(rng)
        st: dict[str, Any] = {"id": f"{sid}-st-{made:03d}"}
        date = published - dt.timedelta(days=rng.randrange(3))
        if roll < 0.2:
            st.update(
                speaker=sid,
                mode="narration",
                venue={"label": "the article", "kind": "article"},
                text=clause,
            )
        else:
            speaker = self._speaker(claim)
            st.update(speaker=speaker["id"], speaker_name=speaker["name"])
            st["venue"] = self._venue(rng, outlet)
            if rng.random() < 0.1:  # relayed: said to another outlet, reported from its report
                st["via"] = [rng.choice(self.outlets)["id"]]
            if roll < 0.6:
                st.update(
                    mode="direct_quote",
                    text=quoted(clause.rstrip(".") + ",", curly) + f" {speaker['name']} said.",
                )
            else:
                st.update(mode="paraphrase", text=f"{speaker['name']} said that {clause}")
        st["date"] = date
        if roll > 0.9:
            st.update(date=published, date_precision="not_after")
        if claims:
            st["denies" if rng.random() < 0.1 else "supports"] = claims
        return st, st["text"]

    def _speaker(self, claim: dict[str, Any]) -> dict[str, Any]:
        actor: dict[str, Any] | None = claim.get("_actor")
        if actor is not None and self.rng.random() < 0.15:
            if actor["kind"] == "person":
                return actor
            own = self.people_of.get(actor["id"])
            if own:
                return self.rng.choice(own)
        return self.rng.choice(self.people)

    def _venue(self, rng: random.Random, outlet: dict[str, Any]) -> dict[str, Any]:
        roll = rng.random()
        if roll < 0.5:
            return {"label": outlet["name"], "kind": "interview", "outlet": outlet["id"]}
        if roll < 0.7:
            meeting = rng.choice(self.meetings)
            return {"label": meeting["title"], "kind": "press_appearance", "meeting": meeting["id"]}
        if roll < 0.8:
            return {"label": "social media", "kind": "social_media"}
        return {"label": "not stated", "kind": "unspecified"}
