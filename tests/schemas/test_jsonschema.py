"""The committed JSON Schema matches the models, and the seed files validate against it."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from schemas.jsonschema import json_schema, json_schema_text

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schemas" / "detente.schema.json"
RECORD_FILES = sorted((ROOT / "data").rglob("*.yaml"))


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "regenerate with: .venv/bin/detente schema > schemas/detente.schema.json"
    )


@pytest.mark.parametrize("path", RECORD_FILES, ids=[p.name for p in RECORD_FILES])
def test_seed_files_validate_and_point_at_the_schema(path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    hint = (path.parent / document["$schema"]).resolve()
    assert hint == SCHEMA_FILE
    jsonschema.validate(_stringify_dates(document), json_schema())


def test_schema_rejects_unknown_fields() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"actors": [{"id": "x", "name": "X", "kind": "state", "bogus": 1}]},
                            json_schema())


def _stringify_dates(value: object) -> object:
    import datetime as dt

    if isinstance(value, dict):
        return {k: _stringify_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_dates(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
