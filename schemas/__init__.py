"""detente's record schema: Pydantic models, controlled vocabularies and the loader.

>>> from schemas import load
>>> corpus = load("data")
>>> corpus.resolve_actor("Zelenskiy").id == corpus.resolve_actor("Zelenskyy").id
True
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from schemas.loader import load
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
    from schemas.negotiation import Commitment, Proposal, Provision, Response
    from schemas.vocab import VOCABULARIES, Vocabulary

# name -> module; imported on first use, so `from schemas.errors import ...` stays cheap
_LAZY = {
    **dict.fromkeys(["SECTIONS", "Corpus", "Location"], "schemas.corpus"),
    **dict.fromkeys(["DataError", "DetenteError", "EndpointError", "NotFoundError", "Problem",
                     "UsageError", "ValidationError"], "schemas.errors"),
    "json_schema": "schemas.jsonschema",
    "load": "schemas.loader",
    **dict.fromkeys(["Actor", "Affiliation", "Concession", "Evidence", "Identified", "Meeting",
                     "Participant", "Position", "Record", "Source", "Statement", "Topic",
                     "Venue"], "schemas.models"),
    **dict.fromkeys(["Commitment", "Proposal", "Provision", "Response"], "schemas.negotiation"),
    **dict.fromkeys(["VOCABULARIES", "Vocabulary"], "schemas.vocab"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'schemas' has no attribute {name!r}")


__all__ = [
    "SECTIONS",
    "VOCABULARIES",
    "Actor",
    "Affiliation",
    "Commitment",
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
    "Proposal",
    "Provision",
    "Record",
    "Response",
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
