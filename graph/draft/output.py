"""Turn a draft into text (YAML, JSON), write it into a data folder, accept candidates.

``--write`` stores ``sources/<id>.txt`` (the text, byte for byte) and
``sources/<id>.yaml`` (source with SHA-256 pinned, new actors, statements)
and keeps the candidates apart in ``sources/<id>.pending.json``, which the
loader never reads (it reads only ``.yaml``/``.yml``): candidates are not
evidence. Nothing is overwritten; on any error nothing is written.

>>> import datetime as dt, tempfile, shutil
>>> from schemas.loader import load
>>> from graph.draft.drafting import draft_text
>>> data = Path(tempfile.mkdtemp()) / "data"
>>> _ = shutil.copytree("data", data)
>>> d = draft_text("\\u201cWe agree to meet,\\u201d Putin told reporters on Friday.",
...                dt.date(2025, 8, 17), load(data), source_id="example")
>>> [p.name for p in write_draft(d, data)]
['example.txt', 'example.yaml', 'example.pending.json']
>>> load(data).statements[d.statements[0]["id"]].speaker
'vladimir-putin'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from graph.draft.drafting import Draft
from graph.files import write_atomic
from schemas.errors import DataError, Problem, UsageError

__all__ = ["accept", "check_target", "side_by_side", "to_json", "to_yaml", "write_draft"]

_BUILDERS = {
    "meeting": "meetings",
    "concession": "concessions",
    "position": "positions",
    "proposal": "proposals",
    "commitment": "commitments",
    "response": "responses",
    "provision": "provisions",
}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def to_json(draft: Draft) -> str:
    """The whole draft as JSON: source, statements, actors, furniture, candidates, unknown_names."""
    return json.dumps(_plain(draft.as_dict()), ensure_ascii=False, indent=2) + "\n"


def _dump(data: Any) -> str:
    return yaml.safe_dump(_plain(data), sort_keys=False, allow_unicode=True, width=100)


def to_yaml(draft: Draft) -> str:
    """The record file, then the pending parts as YAML after a marker comment."""
    pending = {k: v for k, v in draft.as_dict().items() if k in {"candidates", "unknown_names"}}
    return (
        _dump(draft.record_file())
        + "\n# --- pending: candidates and unknown names are not records and not evidence.\n"
        "# --- `detente draft --write` keeps them in sources/<id>.pending.json.\n"
        + "\n".join("# " + line for line in _dump(pending).splitlines())
        + "\n"
    )


def check_target(data: Path, source_id: str) -> None:
    """Raise unless ``data`` is a data folder with no file for ``source_id`` yet."""
    if not data.is_dir() or not (data / "sources").is_dir():
        raise DataError(
            [Problem(str(data), 0, "(folder)", "not a data folder (no sources/ in it)",
                     "give --data the folder that holds actors.yaml and sources/")]
        )  # fmt: skip
    for suffix in (".txt", ".yaml", ".pending.json"):
        if (data / "sources" / f"{source_id}{suffix}").exists():
            raise UsageError(
                f"--id {source_id}: {data.name}/sources/{source_id}{suffix} exists; "
                "refusing to overwrite (choose another --id)"
            )


def write_draft(
    draft: Draft, data: str | Path, accepted: dict[str, Any] | None = None
) -> list[Path]:
    """Write the draft's text, record file and pending candidates under ``data/sources``."""
    root = Path(data)
    source_id = draft.source["id"]
    check_target(root, source_id)
    raw = draft.text.encode("utf-8")
    record = draft.record_file()
    record["source"] = {**record["source"], "sha256": hashlib.sha256(raw).hexdigest()}
    if accepted:
        record.update(accepted)
    folder = root / "sources"
    header = (
        f"# Drafted by detente draft on {dt.date.today().isoformat()}: review every statement.\n"
        f"# Candidates (not evidence) are in {source_id}.pending.json.\n"
    )
    pending = {k: v for k, v in _plain(draft.as_dict()).items()
               if k in {"candidates", "unknown_names", "furniture"}}  # fmt: skip
    return [
        write_atomic(folder / f"{source_id}.txt", raw),
        write_atomic(folder / f"{source_id}.yaml", (header + _dump(record)).encode("utf-8")),
        write_atomic(
            folder / f"{source_id}.pending.json",
            (json.dumps(pending, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        ),
    ]


def accept(draft: Draft, choices: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Records for the chosen candidates: their fields, the curator's ``choices`` on top.

    Each accepted record gets an id (``id`` in the choice, else from the
    candidate), and its statements list it under ``supports``. Returns the
    sections (meetings, concessions, positions, proposals, commitments,
    responses) to add to the record file; a provision goes into the proposal
    accepted before it in the same call, and a ``proposed_in`` or ``proposal``
    naming a candidate becomes that candidate's record id.
    Raises UsageError for an unknown candidate or kind, or a provision without its proposal.

    >>> from graph.draft.candidates import Candidate
    >>> c = Candidate("candidate-01-position", "position", "opposed", "cue-position-opposes",
    ...               ["s1"], "Russia opposed it.", {"actor": "russia", "stance": "opposes",
    ...               "summary": "Russia opposed it."}, ["topic"])
    >>> d = Draft({}, [{"id": "s1", "supports": []}], [], [], [c], [], "")
    >>> records = accept(d, {"candidate-01-position": {"topic": "t", "id": "russia-opposes-it"}})
    >>> [(r["id"], r["stance"], r["topic"]) for r in records["positions"]]
    [('russia-opposes-it', 'opposes', 't')]
    >>> d.statements[0]["supports"]
    ['russia-opposes-it']
    """
    from schemas.models import Concession, Identified, Meeting, Position
    from schemas.negotiation import Commitment, Proposal, Provision, Response

    models: dict[str, type[Identified]] = {
        "meetings": Meeting,
        "concessions": Concession,
        "positions": Position,
        "proposals": Proposal,
        "commitments": Commitment,
        "responses": Response,
    }
    by_id = {c.id: c for c in draft.candidates}
    accepted: dict[str, dict[str, Any]] = {}  # candidate id -> record
    out: dict[str, list[dict[str, Any]]] = {}
    for cid, overrides in choices.items():
        candidate = by_id.get(cid)
        if candidate is None:
            raise UsageError(f"no candidate {cid!r}; the draft has {', '.join(by_id) or 'none'}")
        kind = overrides.get("as_kind", candidate.kind)
        section = _BUILDERS.get(kind)
        if section is None:
            raise UsageError(f"{cid}: no {kind} record; accept it as one of {', '.join(_BUILDERS)}")
        fields = {k: v for k, v in candidate.fields.items() if k != "proposer"}
        fields.update({k: v for k, v in overrides.items() if k != "as_kind"})
        fields.setdefault("id", cid)
        record = {"id": fields.pop("id"), **fields}
        for key in ("proposed_in", "proposal"):  # a proposal accepted in the same call
            if record.get(key) in accepted:
                record[key] = accepted[record[key]]["id"]
        if section == "provisions":
            owner = record.pop("proposal", None)
            plan = next((r for r in out.get("proposals", []) if r["id"] == owner), None)
            if plan is None:
                raise UsageError(
                    f"{cid}: a provision belongs to a proposal; accept the proposal candidate "
                    "in the same call, before it"
                )
            Provision.model_validate(_plain(record))
            plan.setdefault("provisions", []).append(record)
        else:
            models[section].model_validate(_plain(record))  # a clear error now, not at check
            out.setdefault(section, []).append(record)
        accepted[cid] = record
        for st in draft.statements:
            if st["id"] in candidate.statements:
                st.setdefault("supports", []).append(record["id"])
    return out


def side_by_side(draft: Draft) -> list[dict[str, Any]]:
    """One row per paragraph of the text, beside what the draft made of it.

    >>> from graph.draft.drafting import draft_text
    >>> from schemas.corpus import Corpus
    >>> text = "Intro.\\n\\n\\u201cWe agree on it,\\u201d Rubio said."
    >>> d = draft_text(text, dt.date(2025, 8, 17), Corpus(), source_id="x")
    >>> [(r["paragraph"][:6], r["drafted"]) for r in side_by_side(d)]
    [('Intro.', ''), ('\u201cWe ag', 'direct_quote by rubio (not stated, 2025-08-17 not_after)')]
    """
    from graph.draft.article import paragraphs
    from schemas.evidence import NormalText

    norm = NormalText(draft.text)
    spans = []
    for st in draft.statements:
        found = norm.find(st["text"])
        if found is not None:
            spans.append((found[0], st))
    rows = []
    for a, b in paragraphs(draft.text):
        made = []
        for at, st in spans:
            if a <= at < b:
                date = f"{st['date']} {st.get('date_precision', '')}".strip()
                made.append(f"{st['mode']} by {st['speaker']} ({st['venue']['label']}, {date})")
        furniture = [f.rule for f in draft.furniture if a <= f.start < b]
        if furniture:
            made.append("furniture: " + ", ".join(furniture))
        rows.append({"paragraph": draft.text[a:b], "drafted": "; ".join(made)})
    return rows
