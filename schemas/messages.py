"""Plain-language messages and hints for pydantic's validation errors.

>>> field_name(["actors", 3, "wikidata"])
'actors[3].wikidata'
>>> message({"type": "extra_forbidden", "msg": "Extra inputs are not permitted", "loc": ("x",)})
'unknown field'
>>> hint({"type": "missing", "msg": "Field required", "loc": ("name",)})
'add this field'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["blamed_field", "field_name", "hint", "message", "shown"]


def blamed_field(e: Any, item: Any) -> tuple[str, ...]:
    """For a whole-record check ('end is before start'), the field its message names first."""
    words = str(e["msg"]).removeprefix("Value error, ").split()
    for step in e["loc"]:  # the nested record the check ran on
        ok = isinstance(item, dict) or (isinstance(step, int) and isinstance(item, list))
        item = item[step] if ok and (step in item if isinstance(item, dict) else True) else None
    if e["type"] == "value_error" and words and isinstance(item, dict) and words[0] in item:
        return (words[0],)
    return ()


def field_name(loc: Iterable[str | int]) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
            continue
        name = str(step)
        name = name if name and name.isprintable() and name.strip() == name else repr(name)
        out += f".{name}" if out else name
    return out


def shown(value: Any, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters so a huge value cannot flood a message."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 5]}...{text[-2:]}"


def message(e: Any) -> str:
    kind, msg = e["type"], e["msg"]
    given = e.get("input")
    last = e["loc"][-1] if e["loc"] else ""
    if kind == "extra_forbidden":
        return "unknown field"
    if last == "wikidata" and kind in {"string_pattern_mismatch", "string_type"}:
        return f"{shown(given)} is not a Wikidata QID"
    if kind == "string_pattern_mismatch":
        return f"{shown(given)} is not a lowercase slug" if "a-z0-9" in str(e.get("ctx")) else msg
    if kind.startswith("date"):
        return f"{shown(given)} is not a date: {msg.lower()}"
    if kind == "value_error":
        return str(msg).removeprefix("Value error, ")
    return str(msg) if not isinstance(given, str | int | float) else f"{msg} (got {shown(given)})"


_TYPE_HINTS = {
    "string_type": "give a single text value here (quote it if it looks like a number or list)",
    "list_type": "give a list here, e.g. [a, b] or one '- item' per line",
    "int_type": "give a whole number here",
    "bool_type": "give true or false here",
    "model_type": "give a mapping of fields here (key: value lines)",
    "dict_type": "give a mapping of fields here (key: value lines)",
    "too_short": "give at least one item",
    "string_too_short": "give a non-empty value",
    "string_too_long": "shorten the value",
}


def hint(e: Any) -> str:
    kind = e["type"]
    last = e["loc"][-1] if e["loc"] else ""
    if kind == "extra_forbidden":
        return "remove it, or check its spelling against schemas/README.md"
    if kind.startswith("date"):
        return "write dates as YYYY-MM-DD, resolved against the source's date"
    if last == "wikidata" and kind in {"string_pattern_mismatch", "string_type"}:
        return "write 'Q' and digits, e.g. Q159, and only a QID you have checked; else leave it out"
    if kind == "string_pattern_mismatch":
        return "ids use a-z, 0-9 and single hyphens, e.g. 'steve-witkoff'"
    if kind == "missing":
        return "add this field"
    if kind == "enum":
        return "use one of the listed values"
    if kind == "value_error":
        return "correct the values so that they agree"
    return _TYPE_HINTS.get(kind, "see this field in schemas/README.md or `detente schema`")
