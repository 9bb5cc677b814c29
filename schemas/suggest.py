"""Suggestions for a name that matches nothing: the closest ids, names, labels and aliases.

Fuzzy scores (rapidfuzz's WRatio, which also rewards a query found inside a longer
label) over every surface form, with articles left out on both sides so that "the
Americans" is not taken for "the Russians". Only computed when a lookup fails.

>>> forms = {"Russia": "russia", "the Russians": "russia", "United States": "united-states",
...          "Article 5-like US security guarantee": "article-5-like-guarantee"}
>>> closest("Article 5", forms)
['article-5-like-guarantee (Article 5-like US security guarantee)']
>>> closest("Rusia", forms)
['russia (Russia)']
>>> closest("the Americans", forms)
[]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["CUTOFF", "closest"]

CUTOFF = 70.0
"""The least score (0-100) a form needs to be suggested."""
_ARTICLES = re.compile(r"\b(?:the|a|an)\b", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(_ARTICLES.sub(" ", text.replace("-", " ")).casefold().split())


def closest(query: str, forms: Mapping[str, str], n: int = 3) -> list[str]:
    """Up to ``n`` suggestions ``id`` or ``id (surface form)`` for ``query``, best first.

    ``forms`` maps each surface form (id, name, label, alias) to the id it names.
    """
    from rapidfuzz import fuzz, process

    keyed: dict[str, str] = {}
    for form in forms:
        keyed.setdefault(_key(form), form)
    wanted = _key(query)
    if not wanted:
        return []
    hits = process.extract(wanted, list(keyed), scorer=fuzz.WRatio, score_cutoff=CUTOFF,
                           limit=n * 4)  # fmt: skip
    out: list[str] = []
    seen: set[str] = set()
    for key, _, _ in hits:
        surface = keyed[key]
        rid = forms[surface]
        if rid in seen:
            continue
        seen.add(rid)
        out.append(rid if surface == rid else f"{rid} ({surface})")
        if len(out) == n:
            break
    return out
