"""Edits to a private copy of the seed data (see the ``seed_copy`` fixture) for query tests.

:func:`add_statement` appends a sentence to the seed article's text (dropping the
stored SHA-256, which the loader then recomputes) and a statement quoting it, so a
test can add a confirming or denying claim without touching the real data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SOURCE = "seed-2025-08-17-nato-like-guarantees"
RUSSIA_AQ = "russia-accepts-us-article-5-like-guarantee"
RUSSIA_LAW = "russia-legislated-no-seizure-pledge"
US_COMMIT = "us-direct-security-commitment"


def _source_files(data: Path) -> tuple[Path, Path]:
    yml = next((data / "sources").glob("*.yaml"))
    return yml, yml.with_suffix(".txt")


def add_statement(
    data: Path,
    sid: str,
    speaker: str,
    text: str,
    *,
    supports: list[str] | None = None,
    denies: list[str] | None = None,
    date: str = "2025-08-17",
    venue: str = "not stated",
) -> None:
    """Append ``text`` to the article and a statement by ``speaker`` quoting it."""
    yml, txt = _source_files(data)
    txt.write_text(txt.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", "utf-8")
    doc: dict[str, Any] = yaml.safe_load(yml.read_text(encoding="utf-8"))
    doc["source"].pop("sha256", None)
    statement: dict[str, Any] = {
        "id": sid,
        "speaker": speaker,
        "mode": "paraphrase",
        "venue": {"label": venue, "kind": "unspecified"},
        "date": date,
        "text": text,
    }
    if supports:
        statement["supports"] = supports
    if denies:
        statement["denies"] = denies
    doc["statements"].append(statement)
    yml.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")


def add_actor(data: Path, actor: dict[str, Any]) -> None:
    """Append one actor record to ``actors.yaml``."""
    path = data / "actors.yaml"
    doc: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["actors"].append(actor)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")


def drop_concession(data: Path, cid: str) -> None:
    """Remove a concession and every statement's claim about it."""
    path = data / "concessions.yaml"
    doc: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["concessions"] = [c for c in doc["concessions"] if c["id"] != cid]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    yml, _ = _source_files(data)
    src: dict[str, Any] = yaml.safe_load(yml.read_text(encoding="utf-8"))
    for st in src["statements"]:
        for key in ("supports", "denies"):
            if cid in st.get(key, []):
                st[key] = [x for x in st[key] if x != cid]
                if not st[key]:
                    del st[key]
    yml.write_text(yaml.safe_dump(src, allow_unicode=True, sort_keys=False), "utf-8")
