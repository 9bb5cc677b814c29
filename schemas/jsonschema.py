"""JSON Schema for record files, so editors can complete and check YAML by hand.

The schema is generated from the models; ``schemas/detente.schema.json`` is
its committed copy, and a test keeps the two identical.

>>> schema = json_schema()
>>> sorted(schema["properties"])[:3]
['$schema', 'actors', 'commitments']
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from schemas.models import Actor, Concession, Meeting, Position, Source, Statement, Topic
from schemas.negotiation import Commitment, Proposal, Response

__all__ = ["json_schema", "json_schema_text"]


class _StatementInFile(Statement):
    """A statement as curated inside its source's file (``source`` is filled in)."""

    source: str | None = Field(  # type: ignore[assignment]
        None, description="Id of the source; leave out inside the source's own file."
    )


class RecordFile(BaseModel):
    """One YAML record file: any of these sections, plus a ``$schema`` hint."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str | None = Field(None, alias="$schema", description="Path of this JSON Schema.")
    source: Source | None = Field(None, description="The source this file curates, if any.")
    actors: list[Actor] = Field(default_factory=list, description="Actors.")
    topics: list[Topic] = Field(default_factory=list, description="Topics.")
    meetings: list[Meeting] = Field(default_factory=list, description="Meetings.")
    proposals: list[Proposal] = Field(
        default_factory=list, description="Proposals: plans, packages, joint documents."
    )
    concessions: list[Concession] = Field(default_factory=list, description="Concessions.")
    commitments: list[Commitment] = Field(
        default_factory=list, description="Commitments: pledges among partners."
    )
    positions: list[Position] = Field(default_factory=list, description="Positions.")
    responses: list[Response] = Field(
        default_factory=list, description="Responses to offers, demands and proposals."
    )
    sources: list[Source] = Field(default_factory=list, description="Sources (registry form).")
    statements: list[_StatementInFile] = Field(
        default_factory=list, description="Statements reported by the source."
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a detente record file."""
    schema = RecordFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "detente record file"
    return schema


def json_schema_text() -> str:
    """The schema as stable, indented JSON text with a final newline."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
