"""Draft the records of a new article: ``text -> proposed records``, beside ``schemas``.

``detente draft`` reads a plain-text article and the registry of a data folder
and proposes, for a curator to review, everything ``detente check`` needs:

- ``furniture`` ("Also Read:" link titles, captions, datelines, a leading
  ``date`` stamp): :mod:`graph.draft.furniture`;
- ``statements`` (direct quotes, attributed indirect speech, transcript
  turns, speech nested in quotes, and narration that carries a cue), each with
  speaker, mode, venue, date and the verbatim text, and a ``note`` naming the
  rules that produced it: :mod:`~graph.draft.speech`, :mod:`~graph.draft.speakers`,
  :mod:`~graph.draft.venues`, :mod:`~graph.draft.dates`, :mod:`~graph.draft.drafting`;
- ``actors`` the registry lacks (new names, with the surface form as alias;
  unnamed sources as unnamed actors, never guessed);
- ``candidates`` (meetings, concessions, proposals, positions), each with its
  cue, rule, statements and the fields still ``needs``: :mod:`~graph.draft.pending`;
- ``unknown_names`` with offsets and the closest known actors (rapidfuzz).

**Candidates are kept apart from evidence.** They are never records: on
stdout they follow the record file as commented YAML (or a ``candidates`` key
in ``--format json``), and ``--write`` keeps them in
``sources/<id>.pending.json``, a file the loader never reads. A curator
accepts one with :func:`accept`, which returns records and adds their ids to
the statements' ``supports``. Every statement's text is anchored by the
loader's own :func:`schemas.evidence.locate` before it is emitted.

>>> d = draft_file("data/sources/000_15c4d2cb88880b08.txt", "2025-08-17", source_id="x")
>>> sorted({st["mode"] for st in d.statements})
['direct_quote', 'narration', 'paraphrase']
"""

from graph.draft.drafting import Draft, draft_file, draft_text
from graph.draft.output import accept, check_target, side_by_side, to_json, to_yaml, write_draft
from graph.draft.scoring import Score, score

__all__ = [
    "Draft",
    "Score",
    "accept",
    "check_target",
    "draft_file",
    "draft_text",
    "score",
    "side_by_side",
    "to_json",
    "to_yaml",
    "write_draft",
]
