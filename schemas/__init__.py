"""detente's record schema: Pydantic models, controlled vocabularies and the loader.

>>> from schemas import load
>>> corpus = load("data")
>>> corpus.resolve_actor("Zelenskiy").id == corpus.resolve_actor("Zelenskyy").id
True
"""

from schemas.corpus import SECTIONS, Corpus, Location
from schemas.errors import (
    DataError,
    DetenteError,
    EndpointError,
    NotFoundError,
    Problem,
    UsageError,
    ValidationError,
)
from schemas.jsonschema import json_schema
from schemas.load import load
from schemas.models import (
    Actor,
    Affiliation,
    Concession,
    Evidence,
    Identified,
    Meeting,
    Participant,
    Position,
    Record,
    Source,
    Statement,
    Topic,
    Venue,
)
from schemas.vocab import VOCABULARIES, Vocabulary

__all__ = [
    "SECTIONS",
    "VOCABULARIES",
    "Actor",
    "Affiliation",
    "Concession",
    "Corpus",
    "DataError",
    "DetenteError",
    "EndpointError",
    "Evidence",
    "Identified",
    "Location",
    "Meeting",
    "NotFoundError",
    "Participant",
    "Position",
    "Problem",
    "Record",
    "Source",
    "Statement",
    "Topic",
    "UsageError",
    "ValidationError",
    "Venue",
    "Vocabulary",
    "json_schema",
    "load",
]
