"""Keys under which two surface forms of a name are *the same name* to a reader.

Actor filters take ids, names and aliases (``--by Moscow``), so two actors must never
share one: :func:`name_key` folds what a reader cannot tell apart, and
:func:`schemas.references.check_references` reports a collision as an error.

* Unicode compatibility forms (NFKC: full-width letters, ligatures, non-breaking
  spaces), then case (``casefold``) and runs of white space;
* the Cyrillic and Greek letters that look like Latin ones (``Mosc\\u043ew`` with a
  Cyrillic ``o`` is ``Moscow``): :data:`CONFUSABLES`, the lookalikes of Unicode's
  confusables list for the Latin letters, digits aside;
* zero-width characters (joiners, the byte-order mark), dropped.

>>> name_key("Moscow") == name_key("M\\u043escow") == name_key("  MOSCOW ")
True
>>> name_key("the\\u00a0Russians") == name_key("the russians")
True
>>> name_key("Kyiv") == name_key("Kiev")
False
"""

from __future__ import annotations

import unicodedata

__all__ = ["CONFUSABLES", "name_key"]

CONFUSABLES = dict(
    zip(
        # Cyrillic, then Greek, then Latin lookalikes (written as escapes: they look like ASCII)
        "\u0430\u0432\u0441\u0501\u0435\u0451\u04bb\u0456\u0457\u0458\u043a\u04cf\u043c"
        "\u043d\u043e\u0440\u051b\u0455\u0442\u0443\u051d\u0445\u04af\u0261"
        "\u03b1\u03b2\u03b5\u03b7\u03b9\u03ba\u03bc\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7\u03c9\u03f2\u03f3\u0131\u0237\u2113",
        "abcdeehiijklmhopqstywxygabenikuvoptuxwcjijl",
        strict=True,
    )
)
"""Lowercase lookalikes of Latin letters, each to the letter it passes for."""

_TABLE = str.maketrans({**CONFUSABLES, "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": ""})


def name_key(form: str) -> str:
    """The key of a name: equal keys read as the same name (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", form).casefold().translate(_TABLE)
    return " ".join(folded.split())
